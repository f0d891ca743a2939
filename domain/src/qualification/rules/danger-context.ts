import type { Cue } from './cues';

/**
 * No heat or no cooling is a repair until the weather or the people in the house make it a danger:
 * freezing or ≤ 50 °F inside, ≥ 85 °F inside or a heat wave, or someone elderly, a baby or a
 * medical condition at home.
 */
const heatingEquipment =
  /\b(heat(?! ?wave| advisory| index| stroke| exhaustion| is (really )?bad)|(?<!water )heater|heating|furnace|furnance|heat pump|boiler|radiators?|calefaccion|calentador(?! de agua)|horno|caldera)\b/;
const heatingFailure =
  /\b(out|not working|isn'?t working|isnt working|not heating|stopped|quit|died|dead|broke|broken|won'?t|wont|doesn'?t|not turning on|not coming on|blowing cold|cold air|no funciona|no sirve|se descompuso|no calienta|no prende|apagad[oa])\b/;
export const noHeat: readonly Cue[] = [
  /\bno (heat|heating|calefaccion)\b|\bwithout heat\b|\bsin calefaccion\b|\bno hay calefaccion\b|\bno (calienta|prende la calefaccion)\b/,
  { allOf: [heatingEquipment, heatingFailure] },
];

const coolingEquipment =
  /\b(ac|air conditioner|air conditioning|air cond\w*|central air|cooling|aire acondicionado|aire|clima|mini ?split|minisplit|compressor|condenser|(ac|outside|outdoor|upstairs|downstairs) unit)\b/;
const coolingFailure =
  /\b(out|not working|isn'?t working|isnt working|stopped|quit|died|dead|broke|broken|won'?t|wont|doesn'?t|not cooling|not coolin|not (blowing )?cold|warm air|hot air|blowing (hot|warm)|running (hot|warm)|acting up|froze|frozen|iced( up)?|no funciona|no sirve|no enfria|no prende|se descompuso)\b/;
export const noCooling: readonly Cue[] = [/\bno (ac|air|cooling|aire)\b|\bsin aire\b|\bwithout (ac|air)\b/, { allOf: [coolingEquipment, coolingFailure] }];

const coldWords =
  /\b(freezing|frigid|bitter cold|below zero|below freezing|sub ?zero|single digits|snow|snowing|ice storm|blizzard|winter storm|hypothermia|helando|congelando|bajo cero|nevando|(mucho|muchisimo) frio)\b/;
const heatWords =
  /\b(heat ?wave|heat (stroke|exhaustion|advisory|warning)|triple digits|sweltering|unbearable|burning up|dangerous|passing out|passed out|(bad|dangerous) for (him|her|them|me|us|the kids)|ola de calor|golpe de calor|sofocante|(mucho|muchisimo) calor)\b/;
const vulnerable =
  /\b(baby|babies|newborn|infant|bebe|recien nacid[oa]|elderly|senior|seniors|grandma|grandpa|grandmother|grandfather|abuel[oa]|oxygen|oxigeno|heart (problems?|condition|disease)|pregnant|embarazada|disabled|wheelchair|bedridden|dialysis|chemo|copd|asthma|ms|multiple sclerosis|lupus|diabetic|medical condition|health (issues|problems|condition))\b|\b\d{1,2} ?(week|weeks|wk|wks|month|months|mo|semanas|meses) old\b|\b(6[5-9]|[7-9]\d|1[01]\d) ?(years? old|yrs? old|yo|y\/o|anos)\b|\b(mom|mother|dad|father|husband|wife|he|she|i|i'?m|im|i am|mama|papa)( is| de| tiene)? (6[5-9]|[7-9]\d|10\d)\b/;
const calm =
  /\b(not urgent|nothing urgent|no rush|no hurry|not an emergency|no emergency|not a big deal|whenever (you|u|works|is)|(we'?re|were|we are) (ok|okay|fine)|it'?s mild|its mild|no es urgente|sin prisa)\b/;

type Reading = { degrees: number; outdoors: boolean };

const notATemperature = /^\s*(:|am\b|pm\b|o'?clock|ish\b|years?|yrs?|yo|y\/o|anos|months?|weeks?|days?|min|minutes|hours?|hrs?|gallons?|gal|sq|square|ft|feet|amps?|volts?|%|\/|k\b|dollars|bucks|stumps|zones?|spots|inches)/;
const temperatureBefore =
  /\b(it'?s|its|it is|is at|are at|(house|home|inside|in here|upstairs|downstairs|room|bedroom|thermostat|temp|temperature) (is|says|reads|shows|at)( at)?|down to|up to|set to|says|reads|shows|showing|reading|hit|hitting|reached|temp(erature)? of|hace|estamos a|esta a|high of|low of)( like| about| around| almost| over| nearly| close to)?\s*$/;
const degreeAfter = /^\s*(°|degrees?|deg\b|grados|f\b)/;
const placeAfter = /^\s*(°|degrees?|deg|grados|f)?\s*(in here|inside|in the house|indoors|upstairs|downstairs|outside|out there|outdoors|tonight|today|tomorrow|adentro|afuera)\b/;
const outdoorAfter = /^\s*(°|degrees?|deg|grados|f)?\s*(outside|out there|outdoors|tonight|today|tomorrow|afuera)\b/;

export function temperaturesIn(text: string): Reading[] {
  const readings: Reading[] = [];
  for (const m of text.matchAll(/(?<![\d$,.])(\d{1,3})(?![\d,])/g)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    const degrees = Number(m[1]);
    if (degrees > 130 || notATemperature.test(after)) continue;
    if (!degreeAfter.test(after) && !placeAfter.test(after) && !temperatureBefore.test(before)) continue;
    readings.push({ degrees, outdoors: outdoorAfter.test(after) || /\b(high|low) of\s*$/.test(before) });
  }
  return readings;
}

const dangerouslyCold = (r: Reading) => (r.outdoors ? r.degrees <= 32 : r.degrees <= 50);
const dangerouslyHot = (r: Reading) => (r.outdoors ? r.degrees >= 95 : r.degrees >= 85);

/** `coldReading`/`hotReading`: a temperature was given, which outweighs "no rush". */
export type Danger = { cold: boolean; heat: boolean; coldReading: boolean; hotReading: boolean; calm: boolean };

/** What a text says about the weather, the house and who is in it. */
export function dangerIn(text: string): Danger {
  const readings = temperaturesIn(text);
  const people = vulnerable.test(text);
  const coldReading = readings.some(dangerouslyCold);
  const hotReading = readings.some(dangerouslyHot);
  // Grandma at 72 °F inside is fine: a comfortable reading outweighs who is at home.
  const comfortable = readings.some((r) => !r.outdoors && r.degrees >= 60 && r.degrees <= 80);
  return {
    cold: coldReading || coldWords.test(text) || (people && !comfortable),
    heat: hotReading || heatWords.test(text) || (people && !comfortable),
    coldReading,
    hotReading,
    calm: calm.test(text),
  };
}
