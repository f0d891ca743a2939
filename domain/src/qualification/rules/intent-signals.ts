/**
 * Replies that are not a customer with a job. `notALead` wins over any trade word ("we offer SEO
 * for HVAC companies"); the softer ones only when the reply asks for nothing.
 */
export const solicitation =
  /\b(we offer|we provide|we sell|i sell|we help (contractors|businesses|companies|home service)|seo\b|google (ranking|reviews|listing|business)|lead gen\w*|(exclusive|more|qualified) leads|marketing|website design|are you the (owner|business owner)|business owner|partner (up|with)|partnership|free audit|wholesale|dealer prices|catalog|merchant services|business (loan|funding|financing)|working capital|i'?m with [a-z]+ (supply|marketing|media|solutions|group)|vendor|w-?9|supply house|setting up accounts|net 30|credit application)\b/;

export const spam =
  /\b(crypto\w*|bitcoin|gift card|click here|congratulations|you'?ve won|you have won|claim your|prize|earn \$?\d+|\d+\/(week|day)|investment opportunity|limited time offer)\b|https?:\/\/|www\.|\bbit\.ly\b/;

export const jobSeeker = /\b(are you hiring|you hiring|hiring\?|looking for (a )?(job|work)|employment|apply (for|to work)|job application|resume|job opening|busco trabajo)\b/;

export const optOut = /^\s*(stop|unsubscribe|cancel|end|quit)\s*[.!]*\s*$|\b(stop (texting|messaging|contacting)|unsubscribe|remove me|take me off|don'?t (text|contact) me|leave me alone|no me (escriban|manden))\b/;

export const wrongNumber =
  /\b(wrong (number|#|guy|person|people)|butt dial\w*|pocket dial\w*|didn'?t mean to call|called by (mistake|accident)|sorry wrong|numero equivocado|is this (the )?[a-z]+( [a-z]+)? (place|restaurant|pharmacy|store|office)|^(hey |hi |hello )?is this [a-z]+\?*$)/;

export const whoIsThis =
  /\b(who is this|who'?s this|who are you|who dis|how did you get (my|this) number|did (someone|somebody|you|u) (from here )?call me|u called me|you called me|quien (es|habla))\b/;

export const joke = /\b(lol|lmao|haha\w*|jk|rofl)\b|😂|🤣/;
