import { emergencySignals, emergencySignalsInTurns } from './emergency-signals';

describe('emergency signals', () => {
  it.each([
    ['I smell gas near the furnace', 'gas-smell'],
    ['i smel gass in the basment', 'gas-smell'],
    ['my kid says the basement smells like rotten eggs', 'gas-smell'],
    ['huele a gas en la cocina', 'gas-smell'],
    ['Huele mucho a gas en el cuarto del calentador', 'gas-smell'],
    ['fuga de gas, urgente', 'gas-smell'],
    ['Carbon monoxide detector going off, we went outside', 'carbon-monoxide'],
    ['the detector in the basement says CO', 'carbon-monoxide'],
    ['smoke coming out of the furnace vents', 'fire-or-smoke'],
    ['outlet in the bedroom sparked', 'electrical-arcing'],
    ['salen chispas del enchufe', 'electrical-arcing'],
    ['Outlet is melting and hot', 'electrical-arcing'],
    ['Our breaker box is making a loud buzzing sound and it is hot to the touch', 'electrical-arcing'],
    ['Every time I flip the bathroom switch there is a bang and a flash', 'electrical-arcing'],
    ['panel smells like burning plastic', 'burning-smell'],
    ['Pipe burst in the basement, water everywhere', 'flooding'],
    ['water coming through the light fixture in the kitchen', 'flooding'],
    ['water dripping thru the cieling', 'flooding'],
    ['the ceiling is bulging with water', 'flooding'],
    ['se inundó el sótano', 'flooding'],
    ['Sewage coming up through the floor drain', 'sewage-backup'],
    ['el drenaje regresa aguas negras', 'sewage-backup'],
    ['Every drain in the house is backing up', 'sewage-backup'],
    ['Toilet water came up in the shower and it is brown', 'sewage-backup'],
    ['roof leaking over the stairs, pots and pans everywhere catching water', 'flooding'],
    ['Tree on the house!!!', 'tree-on-house'],
    ['se cayó un árbol sobre la casa', 'tree-on-house'],
    ['Tree fell through our carport and it is leaning on the kitchen wall now', 'tree-on-house'],
    ['power line down in the backyard', 'power-line-down'],
    ['a tree came down on the power line', 'power-line-down'],
    ['a wire is hanging from the pole to our house, throwing sparks', 'power-line-down'],
  ])('"%s" raises %s', (text, signal) => {
    expect(emergencySignals(text)).toContain(signal);
  });

  it.each([
    'No gas smell or anything, just the AC is not cooling',
    'we dont smell gas anymore',
    'Not leaking anymore, we shut the valve',
    'There is no flooding, just a small puddle',
    'Last year we had a flood in the basement from a burst pipe',
    'What do you charge if a pipe bursts in the middle of the night?',
    'If a pipe ever bursts do you do 24/7 service?',
    'how much to fix a burst pipe?',
    'No sparks or burning smell, the dimmer stopped working',
    'The outlet sparked once last week, fine since',
    'Need outdoor flood lights installed',
    'Want a fire pit in the backyard',
    'do you install CO detectors?',
    'sprinkler line broke and water is gushing in the front yard',
    'Gutter overflowing by the foundation when it rains',
    'tree fell across the driveway, nobody hurt',
    'No water coming in right now, a few shingles blew off',
    'AC is out, not urgent',
    'tree fell in the backyard, missed the house',
    'Small drip under the bathroom sink, not urgent, it is in a bucket',
    'the switch for the hot water heater is broken',
    'AC breaker is fine but it is hot in here',
  ])('"%s" raises nothing', (text) => {
    expect(emergencySignals(text)).toEqual([]);
  });

  it('needs danger for a missing heat or cooling: cold, heat, or who lives there', () => {
    expect(emergencySignals('Furnace died and it is 48 degrees in the house')).toEqual(['no-heat-in-cold']);
    expect(emergencySignals('no heat, supposed to get down to 15 tonight')).toEqual(['no-heat-in-cold']);
    expect(emergencySignals('No hay calefacción y está helando')).toEqual(['no-heat-in-cold']);
    expect(emergencySignals('AC out and my dad is 84')).toEqual(['no-cooling-in-heat']);
    expect(emergencySignals('AC quit, its 91 degrees inside')).toEqual(['no-cooling-in-heat']);
    expect(emergencySignals("It's 96 in the house and the AC keeps running warm air")).toEqual(['no-cooling-in-heat']);
    expect(emergencySignals('aire acondicionado no funciona, ola de calor')).toEqual(['no-cooling-in-heat']);
    expect(emergencySignals('heater is not working, house is chilly')).toEqual([]);
    expect(emergencySignals('no heat but it is 72 inside, grandma lives with us')).toEqual([]);
    expect(emergencySignals('AC is out and it is 80 outside')).toEqual([]);
    expect(emergencySignals('come at 5 to fix the furnace, no heat')).toEqual([]);
    expect(emergencySignals('heat not working, not urgent, space heaters and its mild out')).toEqual([]);
  });

  it('does not read the company name as a hazard', () => {
    expect(emergencySignals('Is this Bright Spark Electric?', 'Bright Spark Electric')).toEqual([]);
    expect(emergencySignals('Is this Bright Spark Electric?')).toEqual(['electrical-arcing']);
  });

  it('lets a later message clear an earlier one, but not a message about something else', () => {
    expect(emergencySignalsInTurns(['I smell gas', 'nvm it was the stove, false alarm'])).toEqual([]);
    expect(emergencySignalsInTurns(['I smell gas', 'sorry no gas smell, it was the trash'])).toEqual([]);
    expect(emergencySignalsInTurns(['I smell gas', 'my address is 12 Oak St'])).toEqual(['gas-smell']);
    expect(emergencySignalsInTurns(['I smell gas', 'no sparks though'])).toEqual(['gas-smell']);
    expect(emergencySignalsInTurns(['water heater leaking', 'now it is pouring out, the garage is flooding'])).toEqual(['flooding']);
    expect(emergencySignalsInTurns(['AC is out', 'its 92 in here now, please hurry'])).toEqual(['no-cooling-in-heat']);
  });

  it('keeps an uncertain report: "not sure if" is not a "no"', () => {
    expect(emergencySignals('not sure if I smell gas')).toEqual(['gas-smell']);
    expect(emergencySignals('No, I smell gas in the kitchen')).toEqual(['gas-smell']);
  });
});
