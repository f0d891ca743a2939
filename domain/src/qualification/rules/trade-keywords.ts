import type { ServiceType } from '../qualification';

/**
 * Words that point to a trade. `weight` says how sure the word makes us (3: only that trade does
 * it, 1: shared, e.g. "leak"; 0: says only which kind of job, e.g. "install"). `sub` is the
 * trade's sub-category the word points to; `priority` decides between several.
 */
export type TradeKeyword = { pattern: RegExp; weight: 0 | 1 | 2 | 3; sub?: string; priority?: number };
export type TradeTable = Partial<Record<ServiceType, readonly TradeKeyword[]>>;

const leakWords = /\bleak\w*|\bdrip\w*|\bfuga\b(?! de gas)|\bgotea\w*|\bpuddle/;
const noise = /\b(nois(e|y)|grinding|banging|whistling|rattl\w*|squeal\w*|screech\w*|buzz\w*|humming|clicking|ruido)\b/;
const installWords = /\b(install\w*|instal\w*|replac\w*|put in|add (a|an|another)|new (ac|unit|system|furnace|heat pump|water heater|faucet|toilet|roof)|upgrade)\b/;
const coolingFailure =
  /\bno (ac|air|cooling)\b|\b(ac|air|cooling|aire|clima|unit)\b[^,.!?]{0,30}\b((not|isn'?t) cooling|not coolin|not blowing cold|blowing (hot|warm)|not cold|out|not working|isn'?t working|stopped|quit|died|broke|broken|won'?t (turn on|cool|work|come on)|no funciona|no enfria|no sirve)\b|\bonly (getting|gets|cools|cooling) (it )?(down )?to\b|\b((not|isn'?t) cooling|not coolin|not (blowing )?cold|no enfria)\b/;
const heatingFailure =
  /\bno (heat|heating|calefaccion)\b|\bno hay calefaccion\b|\b(heat|heater|heating|furnace|heat pump|calefaccion|horno)\b[^,.!?]{0,30}\b((not|isn'?t) heating|blowing cold|out|not working|isn'?t working|stopped|quit|died|broke|broken|won'?t (turn on|heat|work|come on)|no funciona|no calienta|no sirve)\b/;

export const tradeKeywords: TradeTable = {
  hvac: [
    { pattern: /\b(hvac|heating and (air|cooling))\b/, weight: 3 },
    { pattern: coolingFailure, weight: 2, sub: 'no-cooling', priority: 4 },
    { pattern: heatingFailure, weight: 2, sub: 'no-heat', priority: 4 },
    { pattern: /\b(ac|air conditioner|air conditioning|central air|heat pump|furnace|(?<!water )heater|heating|cooling|air handler|compressor|condenser|refrigerant|freon|evaporator|ductless|mini ?splits?|minisplit|aire acondicionado|aire|calefaccion|clima|horno|caldera|boilers?|forced air|radiators?|baseboard heat\w*|trane|lennox|goodman|rheem|carrier)\b/, weight: 3 },
    { pattern: /\b(thermostat|termostato|nest thermostat|ecobee)\b/, weight: 3, sub: 'thermostat', priority: 3 },
    { pattern: /\b(tune[ -]?ups?|check[ -]?ups?|mantenimiento)\b/, weight: 2, sub: 'tune-up', priority: 3 },
    { pattern: /\b(revisar|revision|chequeo)\b/, weight: 0, sub: 'tune-up', priority: 2 },
    { pattern: /\b(outside|outdoor|inside|indoor) unit\b|\b(ice|iced|frozen|frost) (on|up)\b/, weight: 3 },
    { pattern: /\b(maintenance|get it checked|annual|servic(e|ed) (it|the (ac|unit|system|furnace)))\b/, weight: 1, sub: 'tune-up', priority: 3 },
    { pattern: /\b(drain pan|condensate)\b|\b(ac|unit|air handler)\b[^,.!?]{0,25}\bleak\w*/, weight: 2, sub: 'leak', priority: 4 },
    { pattern: /\b(ducts?|ductwork|vents?|return vents?|blower|coil|heat|calentador)\b/, weight: 1 },
    { pattern: /\b(hotter|colder|humid|humidity|degrees|temperature|stuffy|air quality)\b/, weight: 1 },
    { pattern: noise, weight: 0, sub: 'noise', priority: 2 },
    { pattern: installWords, weight: 0, sub: 'install', priority: 1 },
  ],
  plumbing: [
    { pattern: /\b(plumb\w*|plomer\w*)\b/, weight: 3 },
    { pattern: /\b(pipes?|supply line|water line)\b[^,.!?]{0,25}\b(burst|broke|blew|split|snapped|cracked)\w*|\b(burst pipe|broken pipe|frozen pipe|water main|se rompio un tubo|tubo roto)\b|\b(shooting|spraying) out of the wall\b/, weight: 2, sub: 'burst-pipe', priority: 6 },
    { pattern: /\b(sewage|sewer backup|aguas negras)\b/, weight: 3, sub: 'sewage-backup', priority: 6 },
    { pattern: /\b(water heater|hot water|tankless|calentador de agua|agua caliente)\b/, weight: 3, sub: 'water-heater', priority: 4 },
    { pattern: /\bclog\w*|\btapad[oa]\b|\bslow drain|\bdrains? (are |is )?(super )?slow|\bgurgl\w*|\bbacked up\b|\bwon'?t (go down|drain)|\bbacks? up\b|\bdrano\b|\b(sewer|main line|mainline)\b/, weight: 2, sub: 'clog', priority: 4 },
    { pattern: /\b(toilets?|inodoros?)\b/, weight: 3, sub: 'toilet', priority: 3 },
    { pattern: leakWords, weight: 1, sub: 'leak', priority: 2 },
    { pattern: /\b(pipes?|faucets?|sinks?|drains?|shower|tub|bathtub|garbage disposal|disposal|spigot|hose bib|shut ?off|valve|sump pump|septic|pex|water line|water softener|lavabo|fregadero|regadera|ducha|tubo|tuberia|drenaje)\b/, weight: 2 },
    { pattern: /\b(bathroom|bano|dishwasher|washer|washing machine|calentador|pilot|water|agua)\b/, weight: 1 },
    { pattern: installWords, weight: 0, sub: 'install', priority: 1 },
  ],
  electrical: [
    { pattern: /\b(electricians?|electrical|electricistas?)\b/, weight: 3 },
    { pattern: /\b(spark\w*|arc(ing|ed)|chisp\w*|short circuit|cortocircuito)\b/, weight: 2 },
    { pattern: /\b(outlets?|plugs?|sockets?|enchufes?|receptacles?)\b[^,.!?]{0,30}\b(spark\w*|arc\w*|melt\w*|burn\w*|smok\w*|hot|black|chisp\w*)|\b(spark\w*|arc\w*|melt\w*|burn\w*|chisp\w*)\b[^,.!?]{0,30}\b(outlets?|plugs?|sockets?|enchufes?)\b/, weight: 3, sub: 'sparking-outlet', priority: 6 },
    { pattern: /\b(no power|lost power|power (is |keeps |kept )?(going )?out|(lost|no) electricity|sin luz|no (hay|tenemos|tengo) (luz|electricidad)|se fue la luz|gfci|won'?t reset|half the house)\b|\boutlets? (stopped|not|don'?t|doesn'?t|isn'?t) work/, weight: 3, sub: 'outage', priority: 4 },
    { pattern: /\b(sub ?panel|(electrical|electric|breaker|fuse|main|service) (panel|box)|panel (upgrade|replacement|box)|breakers?|fuse box|fuses?|\d{3} ?amps?|federal pacific|zinsco|trip(s|ping|ped))\b/, weight: 3, sub: 'panel', priority: 5 },
    { pattern: /\bpanel\b/, weight: 1, sub: 'panel', priority: 5 },
    { pattern: /\b(wiring|rewir\w*|wires?|flicker\w*|light switch|switch(es)?|dimmers?|outlets? (added|installed)|add (some )?outlets|knob and tube|shock\w*|voltage)\b/, weight: 2, sub: 'wiring', priority: 2 },
    { pattern: /\b(outlets?|plugs?|sockets?|enchufes?|receptacles?|generator)\b/, weight: 2 },
    { pattern: /\b(ceiling fans?|chandeliers?|light fixtures?|recessed|can lights|cans|pendants?|flood ?lights?|lights installed|lighting|sconces?|lamparas?)\b/, weight: 3, sub: 'install-fixture', priority: 3 },
    { pattern: /\b(ev|evs|tesla|rivian|lucid|polestar|bolt|leaf|ioniq|mach-e|charger|level 2|nema 14-50|wall connector|electric (car|truck|vehicle))\b/, weight: 3, sub: 'ev-charger', priority: 4 },
    { pattern: /\b(power|electric|utility) (line|lines)\b/, weight: 2, sub: 'power-line', priority: 7 },
    { pattern: /\b(lights?|luz|luces|electric|power|surge|volts?|amps?)\b/, weight: 1 },
  ],
  roofing: [
    { pattern: /\b(roof|roofs|roofing|roofers?|tejado|techo)\b/, weight: 3 },
    { pattern: /\b(storm|hail|wind|winds|tornado|hurricane|blew off|blown off|ripped off|tore|torn off|caved in|granizo|tormenta)\b/, weight: 1, sub: 'storm-damage', priority: 5 },
    { pattern: /\broof leak\w*|\bleak\w* roof|\bgoteras?\b/, weight: 3, sub: 'leak', priority: 4 },
    { pattern: leakWords, weight: 1, sub: 'leak', priority: 4 },
    { pattern: /\b(water stain|stain on the ceiling|ceiling|cieling|celing|ceilling)\b/, weight: 1, sub: 'leak', priority: 3 },
    { pattern: /\b(new roof|roof replacement|re-?roof\w*|metal roof|cambiar el techo|replac\w*)\b/, weight: 2, sub: 'replacement', priority: 3 },
    { pattern: /\b(inspect\w*|look(ed)? at|check(ed)? out|inspeccion)\b/, weight: 0, sub: 'inspection', priority: 3 },
    { pattern: /\b(gutters?|downspouts?|canaletas?)\b/, weight: 3, sub: 'gutter', priority: 4 },
    { pattern: /\b(shingles?|flashing|skylights?|chimney|soffit|fascia|granules|flat roofs?|tejas|decking|underlayment|ridge vent)\b/, weight: 3 },
    { pattern: /\battic\b/, weight: 1 },
  ],
  landscaping: [
    { pattern: /\b(landscap\w*|yard work|lawn service|jardiner\w*)\b/, weight: 3 },
    { pattern: /\b(lawn|grass|mow\w*|aerat\w*|overseed\w*|weeds?|fertiliz\w*|edg(e|ed|ing)|sod|pasto|cesped|zacate|overgrown)\b/, weight: 3, sub: 'lawn-care', priority: 4 },
    { pattern: /\b(trees?|stumps?|oak|pine|maple|limbs?|arbol(es)?|taken down)\b/, weight: 3, sub: 'tree-removal', priority: 4 },
    { pattern: /\b(sprinklers?|irrigation|drip (system|line|irrigation)|riego|aspersor(es)?|winteriz\w*)\b/, weight: 3, sub: 'irrigation', priority: 5 },
    { pattern: /\b(design|(redo\w*|redesign\w*) (the |our |my )?(yard|backyard|front yard|landscap\w*|garden|beds)|(yard|backyard|garden|landscape) (re)?design|xeriscap\w*|native plants|drought tolerant|patio|pavers?|hardscap\w*|retaining wall|plantings?|garden beds?|flower beds?|fire pit|outdoor kitchen)\b/, weight: 2, sub: 'design', priority: 3 },
    { pattern: /\b(clean ?up|cleaned (out|up)|leaf|leaves|mulch\w*|debris|branches|brush|limpiar|hojas)\b/, weight: 2, sub: 'cleanup', priority: 3 },
    { pattern: /\b(yard|backyard|jardin|shrubs?|bushes|hedges?|garden|maintenance)\b/, weight: 1 },
  ],
  other: [
    {
      pattern: /\b(refrigerators?|fridge|freezer|oven|stove|dryer|washing machine|garage door|fence|fencing|siding|paint\w*|pest\w*|termites?|roaches|drywall|carpet|flooring|pool|hot tub|window (replacement|repair|install\w*)|locksmith|cabinets?|countertops?|pressure wash\w*|appliances?|chimney sweep|concrete|deck)\b/,
      weight: 3,
    },
  ],
};
