import type { ServiceType } from '../qualification';
import type { Cue } from './cues';

/**
 * Danger to people or property right now, whatever the weather or who lives there. Each rule is
 * read clause by clause; `unless` removes look-alikes in the same clause ("flood lights", "fire
 * pit"), and `indoorOnly` rules say nothing when the water is only in the yard.
 */
export type HazardKind =
  | 'gas-smell'
  | 'carbon-monoxide'
  | 'fire-or-smoke'
  | 'electrical-arcing'
  | 'burning-smell'
  | 'flooding'
  | 'sewage-backup'
  | 'tree-on-house'
  | 'power-line-down'
  | 'declared-emergency';

export type HazardRule = { kind: HazardKind; cue: Cue; unless?: RegExp; indoorOnly?: boolean };

// Common misspellings of the words an emergency hangs on.
const water = '(water|watter|wter|wtr|rain|agua|lluvia)';
const ceiling = '(ceiling|cieling|celing|ceilling|ciling|seiling)';

const treeWord = /\b(trees?|oak|pine|maple|limbs?|branch(es)?|arbol|rama)\b/;
const treeContact =
  /\b(fell|fallen|falling|came down|come down|landed|leaning|resting|lying|laying|hit|crashed|smashed|through|onto|on top of|sobre|encima|cayo)\b/;
const building = /\b(house|home|roof|garage|carport|porch|bedroom|kitchen|living room|wall|window|attic|casa|techo|pared|ventana)\b/;
const electricalPart =
  /\b(outlets?|plugs?|sockets?|switch(es)?|(electrical |electric |breaker )?panel|breakers?|breaker box|fuse box|wires?|wiring|cords?|light fixture|enchufes?|cables?)\b/;
const overheating =
  /\b((hot|warm) to the touch|too hot|very hot|really hot|super hot|(is|are|was|feels|getting|gets|got|it'?s|its) (hot|warm)(?! (water|tub|in|inside|outside|out|today|upstairs|downstairs)\b)|melt\w*|scorch\w*|sizzl\w*|crackl\w*|caliente|quemad[oa])\b/;
const backingUp = /\b(back(s|ing|ed)? ?up|backup|coming up|overflow\w*|regres\w*)\b/;
const wholeDrainSystem = /\b(sewer|sewage|sew(a|e)ge|septic|every drain|all (the |our |my )?(drains|toilets)|whole house|aguas negras)\b/;
const powerLine = /\b((power|electric|electrical|utility|service|live) ?(line|lines|wire|wires|cable|pole)s?|powerlines?)\b/;
const lineDown =
  /\b(down|fell|fallen|falling|snapped|sparking|arcing|hanging|broke|broken|laying|lying|leaning|resting|sagging|smoking|on fire|on the (ground|driveway|street|road|yard|grass|lawn|car|house))\b/;

const installing = /\b(install|installed|installing|replace|replacing|put in|add|adding|hardwire|new|instalar|cambiar)\b/;

export const hazardRules: readonly HazardRule[] = [
  { kind: 'gas-smell', cue: /\bsmel+(s|ing|ed|t|y)?\b[^,.!?]{0,25}\bgas+\b/ },
  { kind: 'gas-smell', cue: /\bgas+ (smell|odou?r|le(a|e)k\w*|is le(a|e)king)|\ble(a|e)k(ing)? gas\b|\bgas (line|meter|pipe)\b[^,.!?]{0,20}\b(hiss|leak|broke|damaged|hit)/ },
  { kind: 'gas-smell', cue: /\brott?en eggs?\b|\bsul(f|ph)ur\b|\b(huele|olor|oler)\b[^,.!?]{0,20}\b(gas|huevo podrido)\b|\b(fuga|escape) de gas\b/ },
  { kind: 'carbon-monoxide', cue: /\bcarbon mon\w*|\bmonox\w*|\bco (alarm|detec\w*|dectec\w*|monitor|sensor|levels?|reading)s?\b|\b(alarm|detec\w*|monitor)\b[^,.!?]{0,30}\bco\b/, unless: installing },
  {
    kind: 'fire-or-smoke',
    cue: /\b(fire|flames?|smoke|smok(ing|in)|smoky|humo|fuego|incendio|se esta quemando)\b/,
    unless: /\bfire ?(pit|place|ants?|wood|works|up|d up)\b|\bsmoke (detector|alarm)s?\b[^,.!?]{0,20}\bchirp|\b(install|replace|add|hardwire)\w*\b[^,.!?]{0,25}\bsmoke (detector|alarm)/,
  },
  {
    kind: 'electrical-arcing',
    cue: /\bspark(?!l)\w*|\barc(ing|ed|s)?\b|\bchisp(a|as|ea|ean|eando)\b|\bchisporrote|\bcortocircuito\b|\bshort(ed)? circuit/,
    unless: /\bspark plugs?\b|\barc fault\b|\bsparky\b/,
  },
  { kind: 'electrical-arcing', cue: /\b(outlet|plug|socket|switch|panel|breaker|wire|wiring|cord|enchufe)s?\b[^,.!?]{0,25}\b(melt(ed|ing|s)?|scorch(ed)?|too hot|very hot|hot to the touch|is hot|are hot|getting hot)/ },
  { kind: 'electrical-arcing', cue: /\bmelt(ed|ing)\b[^,.!?]{0,25}\b(outlet|plug|socket|switch|panel|breaker|wire|cord)/ },
  // Marks an arc leaves: a bang from the outlet, soot or scorch on the wall.
  { kind: 'electrical-arcing', cue: /\b(outlet|plug|socket|switch|(electrical|electric|breaker) panel|breaker box|enchufe)s?\b[^,.!?]{0,20}\b(popped|blew|exploded|banged)\b|\b(soot|scorch\w*|burn marks?|black marks?)\b/ },
  { kind: 'electrical-arcing', cue: /\b(got|get|getting|was|been|keep getting) (shocked|zapped|electrocuted)\b|\belectrocut/ },
  { kind: 'electrical-arcing', cue: { allOf: [electricalPart, overheating] } },
  { kind: 'electrical-arcing', cue: { allOf: [/\b(outlets?|plugs?|sockets?|switch(es)?|light fixture|enchufes?)\b/, /\b(bang|banged|flash\w*|exploded|boom|blew up|popped)\b/] } },
  { kind: 'burning-smell', cue: /\bburn(ing|t|ed)? (smell|odou?r|plastic|rubber|wire|wires)|\bsmel+(s|ing|ed)?\b[^,.!?]{0,25}\b(burn(ing|t|ed)?|smoke|smoky|electrical)\b|\b(olor|huele) a quemado\b/ },
  { kind: 'flooding', cue: /\bfl(oo?|u)d+(ed|ing|s)?\b|\binund(a|o|ado|ada|ando|acion)\b/, unless: /\bflood ?lights?\b|\bflood (zone|insurance|plain)\b/, indoorOnly: true },
  { kind: 'flooding', cue: /\b(burst(ed|ing|s)?|burts|revent(o|ado|ada|aron))\b|\b(broken|busted|burst|split|cracked) (water )?(pipe|line|main)\b|\b(pipe|pipes|water main|tubo|tuberia|cano)\b[^,.!?]{0,15}\b(broke|busted|split|exploded|burst|se rompio|roto|rota)\b|\bse rompio (un|el|la) (tubo|tuberia|cano)/, indoorOnly: true },
  {
    kind: 'flooding',
    cue: new RegExp(`\\b${water}\\b[^,.!?]{0,30}\\b(everywhere|pouring|gushing|spraying|shooting|streaming|coming (in|into|through|thru|down)|getting (in|into)|leaking (in|into|through|thru)|running (into|down|across|all over)|going (into|all over|across)|all over the (floor|house|kitchen|basement)|por todas partes|por todos lados)\\b`),
    indoorOnly: true,
  },
  { kind: 'flooding', cue: /\b(pouring|gushing|spraying|shooting|streaming) (out|in|into|through|from|down)\b/, indoorOnly: true },
  { kind: 'flooding', cue: new RegExp(`\\b(le(a|e)k\\w*|dripp?\\w*|coming|pouring|${water})\\b[^,.!?]{0,25}\\b(through|thru|threw|from|out of|into) (the |my |our )?(${ceiling}|light fixture|light|lights|skylight|wall|walls)\\b`) },
  { kind: 'flooding', cue: new RegExp(`\\b(${ceiling}|roof)\\b[^,.!?]{0,20}\\b(bulging|sagging|caving|caved|collapsed|collapsing|fell in|falling in)\\b`) },
  { kind: 'flooding', cue: /\b(leaking|dripping)\b[^,.!?]{0,25}\b(during|in) (the |this )?(storm|rain)\b|\b(leak\w*|drip\w*)\b[^,.!?]{0,30}\bbuckets?\b|\bbuckets\b[^,.!?]{0,20}\b(everywhere|filling|catching)\b/ },
  { kind: 'flooding', cue: { allOf: [/\b(leak\w*|drip\w*|water|rain)\b/, /\b(buckets?|pots?|pans|towels|bowls?|trash cans?)\b/, /\b(catching|catch|everywhere|filling|full)\b/] } },
  { kind: 'flooding', cue: /\bwater (is |standing )?in (the |my |our )?(basement|house|crawl ?space|living room|bedroom)\b|\b(inch|inches|foot|feet) of water\b|\bentra agua\b|\bagua (entra|por el techo|por todos lados|sigue saliendo)|\bgotea(ndo)? (del|por el) techo/ },
  { kind: 'flooding', cue: { allOf: [/\b(soaked|soaking|drenched|saturated)\b/, /\b(floor|floors|carpet|ceiling|wall|walls|rug|basement)\b/] } },
  { kind: 'flooding', cue: /\ball over the (\w+ )?(floor|kitchen|bathroom|basement|house|carpet)\b/, indoorOnly: true },
  { kind: 'flooding', cue: /\b(toilet|tub|sink|washer|dishwasher|inodoro)\b[^,.!?]{0,20}\boverflow|\boverflowing\b[^.!?]{0,30}\b(won'?t stop|everywhere|into the|all over)/ },
  { kind: 'sewage-backup', cue: { allOf: [wholeDrainSystem, backingUp] } },
  // One fixture's water rising out of another: the main sewer line is blocked.
  { kind: 'sewage-backup', cue: { allOf: [/\b(toilet|poop|sewer|sewage|brown)\b/, /\b(came|comes|coming) up\b|\bback(s|ing|ed)? ?up\b/, /\b(shower|tub|bathtub|floor drain|basement drain|sink)\b/] } },
  { kind: 'sewage-backup', cue: /\bsew(a|e)?ge\b|\bsewer\b[^,.!?]{0,20}\b(back|backing|backed|coming up|overflow)|\baguas (negras|residuales)\b|\b(poop|feces|waste)\b[^,.!?]{0,20}\b(coming up|backing|in the (tub|shower))/ },
  {
    kind: 'tree-on-house',
    cue: { allOf: [treeWord, treeContact, building] },
    unless: /\b(missed|barely missed|near|next to|close to|almost|might|could|worried|hanging over|(house|home|roof) (is|was) (fine|ok|okay))\b/,
  },
  {
    kind: 'tree-on-house',
    cue: /\b(tree|trees|oak|pine|maple|limb|branch|arbol|rama)\b[^,.!?]{0,40}\b(on|onto|into|through|on top of|sobre|encima de|crashed into|hit)\s+(the |our |my |la |el |nuestra |mi )?(house|home|roof|garage|bedroom|kitchen|casa|techo)\b/,
  },
  {
    kind: 'power-line-down',
    cue: /\b(power|electric|electrical|utility|service|live) (line|lines|wire|wires|cable)\b[^,.!?]{0,20}\b(down|fell|fallen|on the ground|snapped|sparking|arcing|hanging|broke|broken|laying|lying)\b|\bdown(ed)? (the |a )?(power |electric |utility )?(line|lines|wire|wires)\b|\b(wire|wires|cable|line|lines)\b[^,.!?]{0,15}\bon the (ground|driveway|street|road|yard|grass|lawn|sidewalk)\b|\bcables? (de luz )?caidos?\b/,
  },
  { kind: 'power-line-down', cue: { allOf: [/\b(wires?|lines?|cables?)\b/, /\b(pole|utility pole|power pole)\b/, lineDown] } },
  { kind: 'power-line-down', cue: { allOf: [powerLine, lineDown] }, unless: /\b(bury|buried|underground|install\w*|mov(e|ing)|relocat\w*|upgrade)\b/ },
  { kind: 'power-line-down', cue: /\b(tree|limb|branch|arbol)\b[^,.!?]{0,30}\b(on|onto|into|took down|knocked down|brought down)\s+(the |a )?(power |electric )?(line|lines|wire|wires)\b/ },
  { kind: 'declared-emergency', cue: /\b(this is|it'?s|its|es|we have|i have|tengo|tenemos) (an |a real |una )?(emerg\w*)|^(emerg\w*)|\b(called|calling|llame al) 911\b/ },
];

const indoor = /\b(house|home|basement|ceiling|wall|walls|floor|room|kitchen|bathroom|garage|inside|attic|bedroom|hallway|living|closet|crawl ?space|under the house|upstairs|downstairs|apartment|casa|sotano|techo|bano|cocina|cuarto)\b/;
const outdoor = /\b(yard|lawn|sprinklers?|garden|street|sidewalk|driveway|outside|curb|gutters?|jardin|patio)\b/;

/** Water only in the yard or the gutter is a repair, not a flood. */
export const onlyOutdoors = (clause: string) => outdoor.test(clause) && !indoor.test(clause);

export const allClear =
  /\b(false alarm|never ?mind|nvm|all good now|(everything|it)('?s| is) (fine|ok|okay|good|under control) now|we('?re| are) (all )?(fine|ok|okay|safe) now|ya (se arreglo|esta bien)|todo (esta )?bien ya)\b/;

/** The trades a hazard can belong to, so "water through the light fixture" is not electrical. */
export const hazardTrades: Record<HazardKind, readonly ServiceType[]> = {
  'gas-smell': ['hvac', 'plumbing'],
  'carbon-monoxide': ['hvac', 'plumbing'],
  'fire-or-smoke': ['hvac', 'electrical', 'plumbing', 'roofing', 'landscaping', 'other'],
  'electrical-arcing': ['electrical'],
  'burning-smell': ['electrical', 'hvac'],
  flooding: ['plumbing', 'roofing', 'hvac'],
  'sewage-backup': ['plumbing'],
  'tree-on-house': ['landscaping', 'roofing'],
  'power-line-down': ['electrical', 'landscaping'],
  'declared-emergency': ['hvac', 'plumbing', 'electrical', 'roofing', 'landscaping', 'other'],
};
