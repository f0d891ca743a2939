/**
 * What makes a non-emergency reply a job to book (something is wrong, or the lead asks for work)
 * or an inquiry (price, quote, "do you do …", someday plans).
 */
export const problemWords =
  /\b(not working|isn'?t working|isnt working|stopped working|doesn'?t work|don'?t work|won'?t (turn on|start|close|open|drain|flush|stop|reset|stay lit|go down|come on|work|cool|heat|blow)|not (cooling|coolin|heating|blowing|turning on|draining|flushing)|quit|broke|broken|busted|died|leak\w*|drip\w*|clog\w*|backed up|backing up|gurgl\w*|trip(s|ping|ped)|flicker\w*|nois(e|y)|grinding|banging|whistling|rattl\w*|squeal\w*|buzz\w*|smell\w*|no hot water|no power|lost power|no heat|no ac|no air|blowing (warm|hot|cold)|keeps running|running all night|cracked|damage[ds]?|blew off|blown off|ripped off|missing|stain|overgrown|fell|fallen|sagging|pulling away|loose|overflow\w*|humid|hotter than|colder than|can'?t (change|get|turn|find)|blank|issues?|problems?|ice|iced|icing|frozen|freezing up|rott(ed|ing)|peeling|puddle|spark\w*|melt\w*|flagged|only getting|hanging|dead|no funciona|no sirve|no prende\w*|no enfria|no calienta|no sale|roto|rota|tapad[oa]|gotea\w*|goteras?|fuga|hace ruido|se descompuso|descompuesto|danad[oa]|problema)\b|\b(ac|heat|heater|furnace|power|lights?|unit|system) (is |went |are )?out\b/;

export const requestWords =
  /\b(need|needs|needed|necesito|necesitamos|ocupo|want|wanting|would like|i'?d like|looking (to|for)|can (you|u|someone|somebody|y'?all|ya)|could (you|u|someone|somebody)|come (out|by|over|take|look)|send (someone|somebody|a tech|sum1|somebody)|schedule|book|appointment|cita|set up|get (it|this|them) (fixed|checked|done|looked at|replaced|cleaned|serviced)|please|pls|plz|install\w*|replac\w*|fix(ed)?|repair\w*|take (it |them )?down|taken down|remov(e|ed|al)|clean(ed|ing)?|clean ?up|mow(ed|ing)?|cut|trim\w*|winteriz\w*|look at|looked at|take a look|check (it )?out|quiero|quisiera|revisar|arreglar|reparar|instalar|cambiar|limpiar|cortar|podar|quitar|vengan?|venir|mandar|manden)\b/;

export const timingWords =
  /\b(today|tonight|tomorrow|this (week|weekend|morning|afternoon|evening)|next (week|month)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|before (closing|the|next)|manana|hoy|asap|whenever works|whenever you can|til tomorrow|until tomorrow)\b/;

export const priceWords =
  /\b(how much|what (do|does|would|will) (you|u|y'?all|ya|it|that|this)( \w+)? (charge|cost|run)|what('?s| is| are) (your|the) (price|rate|cost|fee|charge)s?|costs?|prices?|pricing|rates?|quotes?|estimates?|per (hour|square|sq|month|visit)|hourly|charge extra|cuanto (cuesta|cobra|cobran|sale)|precios?|cotizacion|presupuesto)\b/;

export const capabilityQuestion =
  /\b(do|does) (you|u|y'?all|yall|ya|your (company|team|guys))( guys)?( also)? (do|offer|service|install|fix|work|handle|repair|provide|carry|have|take)\b|\b(if|whether) (you|u|y'?all|yall)( guys)? (do|offer|service|install|fix|handle|work on)\b|\bare you (able|licensed|insured)\b|\bis it possible\b|\b(hacen|ofrecen|trabajan)\b/;

export const somedayWords =
  /\b(thinking (about|of)|considering|at some point|someday|eventually|down the road|just (curious|wondering)|curious|pensando en|future reference|for the future|in the future)\b/;

/** Curiosity without a job: "just curious", "shopping around", "for future reference". */
export const curiosityWords =
  /\b(just curious|just wondering|shopping around|for the future|future reference|just want(ed)? to know|asking for a friend|hourly rate|per hour)\b/;

/** "Call me back" asks for a conversation, not yet for a trade's work. */
export const callbackWords = /\b(call me( back)?|give me a call|call back|return my call|llamame|marcame)\b/;
