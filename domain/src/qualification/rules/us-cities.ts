/**
 * Places a lead may name that a tenant does not cover, so "we're in Memphis" reads as out of area
 * rather than as no place at all. The largest US cities plus the suburbs around the metros Naxio
 * serves; a tenant's own coverage cities are always recognised as well.
 */
export const usCities: readonly string[] = [
  // Largest cities
  'new york', 'los angeles', 'chicago', 'houston', 'phoenix', 'philadelphia', 'san antonio', 'san diego', 'dallas',
  'san jose', 'austin', 'jacksonville', 'fort worth', 'columbus', 'charlotte', 'indianapolis', 'san francisco',
  'seattle', 'denver', 'oklahoma city', 'nashville', 'washington', 'el paso', 'las vegas', 'boston', 'portland',
  'louisville', 'memphis', 'detroit', 'baltimore', 'milwaukee', 'albuquerque', 'tucson', 'fresno', 'sacramento',
  'mesa', 'kansas city', 'atlanta', 'omaha', 'colorado springs', 'raleigh', 'long beach', 'virginia beach',
  'miami', 'oakland', 'minneapolis', 'tulsa', 'bakersfield', 'wichita', 'arlington', 'aurora', 'tampa',
  'new orleans', 'cleveland', 'honolulu', 'anaheim', 'lexington', 'stockton', 'corpus christi', 'henderson',
  'riverside', 'newark', 'saint paul', 'st paul', 'santa ana', 'cincinnati', 'irvine', 'orlando', 'pittsburgh',
  'st louis', 'saint louis', 'greensboro', 'jersey city', 'anchorage', 'lincoln', 'plano', 'durham', 'buffalo',
  'chandler', 'chula vista', 'toledo', 'madison', 'gilbert', 'reno', 'fort wayne', 'north las vegas',
  'st petersburg', 'lubbock', 'irving', 'laredo', 'winston-salem', 'winston salem', 'chesapeake', 'glendale',
  'garland', 'scottsdale', 'norfolk', 'boise', 'fremont', 'spokane', 'santa clarita', 'baton rouge', 'richmond',
  'hialeah', 'san bernardino', 'tacoma', 'modesto', 'huntsville', 'des moines', 'yonkers', 'rochester',
  'moreno valley', 'fayetteville', 'fontana', 'columbus', 'worcester', 'port st lucie', 'little rock',
  'augusta', 'oxnard', 'birmingham', 'montgomery', 'frisco', 'amarillo', 'salt lake city', 'grand rapids',
  'huntington beach', 'overland park', 'grand prairie', 'knoxville', 'brownsville', 'providence', 'mckinney',
  'chattanooga', 'jackson', 'tallahassee', 'savannah', 'charleston', 'columbia', 'greenville', 'asheville',
  'wilmington', 'cary', 'killeen', 'waco', 'round rock', 'pflugerville', 'albany', 'hartford', 'springfield',
  // Around Austin
  'georgetown', 'cedar park', 'leander', 'kyle', 'buda', 'san marcos', 'lakeway', 'bastrop', 'hutto', 'manor',
  'dripping springs', 'bee cave', 'new braunfels', 'temple', 'taylor', 'liberty hill', 'elgin', 'lockhart',
  // Around Denver
  'boulder', 'lakewood', 'littleton', 'englewood', 'arvada', 'westminster', 'thornton', 'centennial', 'parker',
  'castle rock', 'golden', 'broomfield', 'fort collins', 'longmont', 'highlands ranch', 'commerce city',
  'wheat ridge', 'northglenn', 'brighton', 'greeley', 'loveland', 'lone tree', 'erie',
  // Around Phoenix
  'tempe', 'peoria', 'goodyear', 'avondale', 'buckeye', 'queen creek', 'cave creek', 'sun city',
  'fountain hills', 'paradise valley', 'apache junction', 'maricopa', 'casa grande', 'flagstaff', 'prescott',
  'anthem', 'litchfield park', 'tolleson', 'el mirage', 'san tan valley',
  // Around Nashville
  'franklin', 'brentwood', 'murfreesboro', 'hendersonville', 'gallatin', 'smyrna', 'clarksville',
  'mount juliet', 'mt juliet', 'spring hill', 'lebanon', 'antioch', 'nolensville', 'la vergne', 'goodlettsville',
  'bellevue', 'hermitage', 'madison', 'columbia', 'dickson', 'cookeville',
  // Around Charlotte
  'matthews', 'huntersville', 'concord', 'gastonia', 'mooresville', 'cornelius', 'davidson', 'mint hill',
  'indian trail', 'monroe', 'pineville', 'fort mill', 'rock hill', 'kannapolis', 'harrisburg', 'waxhaw',
  'belmont', 'statesville', 'salisbury', 'hickory',
];

/** Names that are also everyday words ("mesa" is a table): only read after "in", "en", "near"… */
export const wordLikeCities: ReadonlySet<string> = new Set(['mesa', 'casa grande', 'temple', 'taylor', 'manor', 'golden', 'erie', 'commerce city', 'columbia', 'jackson', 'lincoln', 'madison', 'monroe', 'anthem', 'parker', 'brighton', 'franklin', 'augusta', 'belmont', 'washington', 'springfield', 'richmond', 'arlington', 'henderson', 'lebanon', 'cary', 'davidson', 'concord']);
