import type { ConversationTurn } from '../ports/qualifier';
import type { Tenant, Trade } from '../tenant/tenant';
import { qualifyByRules, rulesQualifier } from './qualify-by-rules';

const tenant = (trade: Trade, company: string, zips: string[], cities: string[]): Tenant => ({
  id: `${trade}-co`,
  company,
  trade,
  phoneNumbers: ['+15125550100'],
  ownerPhone: '+15125550199',
  timezone: 'America/Chicago',
  businessHours: {},
  persona: 'Jordan',
  templates: {},
  coverage: { zips, cities },
  booking: { technicians: 2, recordCalls: false },
  crm: null,
});

const hvac = tenant('hvac', 'Peak Comfort HVAC', ['78701', '78704'], ['Austin', 'Round Rock']);
const plumbing = tenant('plumbing', 'Blue River Plumbing', ['80202'], ['Denver']);
const electrical = tenant('electrical', 'Bright Spark Electric', ['85004'], ['Phoenix']);
const roofing = tenant('roofing', 'Summit Roofing', ['37203'], ['Nashville']);
const landscaping = tenant('landscaping', 'Greenleaf Landscaping', ['28202'], ['Charlotte']);

const at = new Date('2026-07-15T15:00:00Z');
const lead = (text: string): ConversationTurn => ({ from: 'lead', text, at: at.toISOString() });
const business = (text: string): ConversationTurn => ({ from: 'business', text, at: at.toISOString() });
const qualify = (t: Tenant, ...texts: string[]) => qualifyByRules({ tenant: t, conversation: texts.map(lead), at });

describe('qualifyByRules', () => {
  it('says where the answer came from', () => {
    const q = qualify(hvac, 'ac not blowing cold air, can someone come tomorrow?');
    expect(q).toMatchObject({ urgency: 'scheduled', serviceType: 'hvac', subCategory: 'no-cooling', intent: 'high', source: 'rules', model: null });
  });

  it.each([
    [hvac, 'AC quit and its 91 degrees inside, I have a 3 month old', 'emergency', 'hvac', 'no-cooling'],
    [hvac, 'No gas smell or anything, just the AC isnt cooling upstairs', 'scheduled', 'hvac', 'no-cooling'],
    [hvac, 'heater isnt working, house is chilly but were ok with blankets', 'scheduled', 'hvac', 'no-heat'],
    [hvac, 'how much for an AC tune up? no rush', 'inquiry', 'hvac', 'tune-up'],
    [hvac, 'Mi aire acondicionado no funciona, necesito alguien para mañana', 'scheduled', 'hvac', 'no-cooling'],
    [plumbing, 'my kid says the basement smells like rotten eggs', 'emergency', 'plumbing', 'gas-leak'],
    [plumbing, 'water coming through the light fixture from the upstairs bathroom', 'emergency', 'plumbing', 'leak'],
    [plumbing, 'Not leaking anymore, we shut the valve. Can someone look at it this week?', 'scheduled', 'plumbing', 'leak'],
    [plumbing, 'necesito un plomero, el inodoro está tapado', 'scheduled', 'plumbing', 'clog'],
    [plumbing, 'Last year we had a flood from a burst pipe, do you do inspections?', 'inquiry', 'plumbing', 'burst-pipe'],
    [electrical, 'outlet sparked and now theres a burning smell', 'emergency', 'electrical', 'sparking-outlet'],
    [electrical, 'lights flicker whenever the AC kicks on', 'scheduled', 'electrical', 'wiring'],
    [electrical, 'How much do you charge to install a level 2 EV charger?', 'inquiry', 'electrical', 'ev-charger'],
    [roofing, 'Water is dripping from the ceiling in 3 spots', 'emergency', 'roofing', 'leak'],
    [roofing, 'Noticed a water stain on the ceiling, think the roof might be leaking', 'scheduled', 'roofing', 'leak'],
    [roofing, 'se cayó un árbol sobre la casa y entra agua por el techo', 'emergency', 'roofing', 'storm-damage'],
    [landscaping, 'tree fell across the driveway in the storm, nobody hurt', 'scheduled', 'landscaping', 'tree-removal'],
    [landscaping, 'sprinkler line broke and water is gushing in the front yard', 'scheduled', 'landscaping', 'irrigation'],
    [landscaping, 'Big oak fell on the house, branches through the bedroom window', 'emergency', 'landscaping', 'tree-removal'],
  ])('%#: reads "%s"', (t, text, urgency, serviceType, subCategory) => {
    expect(qualify(t, text)).toMatchObject({ urgency, serviceType, subCategory });
  });

  it('names another trade when the text does, and "other" for work no trade here does', () => {
    expect(qualify(landscaping, 'lights flicker whenever it rains, is that an electrician thing?').serviceType).toBe('electrical');
    expect(qualify(hvac, 'do you guys also fix refrigerators?')).toMatchObject({ serviceType: 'other', urgency: 'inquiry', intent: 'high' });
    expect(qualify(landscaping, 'Need the fence repaired where the tree hit it').serviceType).toBe('other');
  });

  it('uses the tenant trade only for a clear request that names no trade', () => {
    expect(qualify(hvac, 'it stopped working, can someone come today?').serviceType).toBe('hvac');
    expect(qualify(hvac, 'what is your hourly rate').serviceType).toBe('unknown');
  });

  it.each([
    ['hi'],
    ['?'],
    ['who is this?'],
    ['Wrong number sorry'],
    ['We offer SEO and Google ranking services for HVAC companies'],
    ['Check out this crypto opportunity bit.ly/3xYz'],
    ['Are you hiring? I have 5 yrs experience'],
    ['STOP'],
    ['lol my grass is greener than yours'],
    ['Just shopping around, what do you charge for a service call?'],
  ])('"%s" is a low-intent inquiry with no trade', (text) => {
    expect(qualify(hvac, text)).toMatchObject({ urgency: 'inquiry', serviceType: 'unknown', intent: 'low' });
  });

  it('reads a problem or request inside "do you …?" as part of the question', () => {
    expect(qualify(plumbing, "Do you guys handle slab leaks? Our neighbor had one and we're worried").urgency).toBe('inquiry');
    expect(qualify(electrical, 'Do you guys install recessed lighting? Looking to add 8 cans').urgency).toBe('scheduled');
  });

  it('keeps a price question about a named job high-intent, and a curious one low', () => {
    expect(qualify(plumbing, 'How much to replace a 50 gallon water heater? Just getting quotes').intent).toBe('high');
    expect(qualify(roofing, 'how much is a metal roof per square? just curious').intent).toBe('low');
  });

  it('finds the area by ZIP, covered city, misspelt city and other US cities', () => {
    expect(qualify(hvac, 'ac blowing warm, 78704').serviceArea).toEqual({ zip: '78704', city: null, inArea: true });
    expect(qualify(hvac, 'Austn 78701 ac blowing warm').serviceArea).toEqual({ zip: '78701', city: 'Austin', inArea: true });
    expect(qualify(hvac, 'We are in San Antonio 78209, do you come out this far?').serviceArea).toEqual({ zip: '78209', city: 'San Antonio', inArea: false });
    expect(qualify(plumbing, 'Need a panel upgrade, I live in Tucson').serviceArea.inArea).toBe(false);
    expect(qualify(hvac, 'ac broken, 12345 Research Blvd').serviceArea).toEqual({ zip: null, city: null, inArea: null });
    expect(qualify(hvac, 'can you change the temp on the thermostat?').serviceArea.inArea).toBeNull();
    expect(qualify(landscaping, 'necesito que me corten el pasto, es una casa grande').serviceArea.inArea).toBeNull();
  });

  it('reads only the lead: the business text mentioning emergencies raises nothing', () => {
    const q = qualifyByRules({
      tenant: hvac,
      conversation: [business("If it's an emergency, reply here — gas smell, flooding, no heat?"), lead('need a tune up next week')],
      at,
    });
    expect(q).toMatchObject({ urgency: 'scheduled', subCategory: 'tune-up' });
  });

  it('lets the latest lead message correct an earlier one', () => {
    expect(qualify(hvac, 'I smell gas', 'nvm it was the stove, false alarm').urgency).not.toBe('emergency');
    expect(qualify(plumbing, 'AC is out', "actually it's the water heater, no hot water")).toMatchObject({ serviceType: 'plumbing', subCategory: 'water-heater' });
    expect(qualify(hvac, 'ac out', 'its 92 in here now, please hurry').urgency).toBe('emergency');
    expect(qualify(hvac, 'ac broken', 'we are in Round Rock').serviceArea).toEqual({ zip: null, city: 'Round Rock', inArea: true });
  });

  it('writes a one-line summary of at most 120 characters', () => {
    const q = qualify(hvac, `AC quit and it's 95 inside. ${'We really need someone today please. '.repeat(6)}`);
    expect(q.summary.length).toBeLessThanOrEqual(120);
    expect(q.summary).toMatch(/^EMERGENCY: hvac no-cooling/);
    expect(q.summary).not.toContain('\n');
  });

  it('is the Qualifier port too', async () => {
    await expect(rulesQualifier.qualify({ tenant: hvac, conversation: [lead('I smell gas')], at })).resolves.toMatchObject({ urgency: 'emergency' });
  });
});
