// A stand-in for Claude's judgement on Naxio's own `record_qualification` tool, so a demo on the
// sandbox shows plausible qualifications without anyone scripting them. Keyword rules over what
// the lead wrote: no better than a demo needs, and never used when a spec scripts an answer.
import { forcedTool, lastUserText } from './message-body';
import type { DefaultResponder } from './types';

export const QUALIFICATION_TOOL = 'record_qualification';

const EMERGENCY = /\b(gas|carbon monoxide|co alarm|fire|smoke|spark\w*|burning|flood\w*|burst|sewage|no heat|not heating|freezing|pouring|tree (fell|on))\b/i;
const CALM = /\b(not urgent|no rush|whenever|next week|tune.?up|maintenance|quote|estimate)\b/i;
const JOB = /\b(broken|not working|stopped|leak\w*|clog\w*|repair|fix|install\w*|replace\w*|service|out|noise)\b/i;
const LOW_INTENT = /\b(wrong number|who is this|unsubscribe|not interested|seo|marketing|hiring|job opening)\b/i;

const SERVICES: Array<[string, RegExp]> = [
  ['hvac', /\b(furnace|heat pump|ac|a\/c|air condition\w*|heating|cooling|thermostat|hvac)\b/i],
  ['plumbing', /\b(pipe|leak\w*|drain|toilet|sink|water heater|sewage|clog\w*|faucet)\b/i],
  ['electrical', /\b(outlet|breaker|wiring|spark\w*|panel|lights?|power)\b/i],
  ['roofing', /\b(roof\w*|shingles?|gutters?)\b/i],
  ['landscaping', /\b(lawn|yard|tree|mow\w*|irrigation|landscap\w*)\b/i],
];

const SUB_CATEGORIES: Array<[string, RegExp]> = [
  ['gas-smell', /\bgas\b/i],
  ['co-alarm', /\b(carbon monoxide|co alarm)\b/i],
  ['burst-pipe', /\bburst\b/i],
  ['sewage-backup', /\bsewage\b/i],
  ['sparking-outlet', /\bspark\w*\b/i],
  ['no-heat', /\b(no heat|not heating|furnace)\b/i],
  ['no-cooling', /\b(ac|a\/c|not cooling|no cool\w*)\b/i],
  ['active-leak', /\bleak\w*\b/i],
  ['clog', /\bclog\w*\b/i],
  ['storm-damage', /\bstorm\b/i],
  ['tune-up', /\btune.?up\b/i],
];

/** The lead's lines of the conversation block the Naxio prompts send, else the whole last turn. */
function leadWords(text: string): string {
  const lines = [...text.matchAll(/^\[[^\]]*\] Lead: (.*)$/gm)].map((match) => match[1] ?? '');
  return lines.length > 0 ? lines.join('\n') : text;
}

export function imitateQualification(userText: string): Record<string, unknown> {
  const said = leadWords(userText);
  const trade = /\(trade: (\w+)\)/.exec(userText)?.[1];
  const service = SERVICES.find(([, words]) => words.test(said))?.[0] ?? trade ?? 'unknown';
  const urgency = EMERGENCY.test(said) && !CALM.test(said) ? 'emergency' : JOB.test(said) || CALM.test(said) ? 'scheduled' : 'inquiry';
  const intent = said.trim() === '' || LOW_INTENT.test(said) ? 'low' : urgency === 'inquiry' && said.length < 25 ? 'low' : 'high';
  const zip = /\b\d{5}\b/.exec(said)?.[0] ?? null;
  const firstLine = said.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'No details yet';
  return {
    urgency,
    serviceType: service,
    subCategory: SUB_CATEGORIES.find(([, words]) => words.test(said))?.[0] ?? 'general',
    serviceArea: { zip, city: null },
    intent,
    summary: firstLine.slice(0, 140),
  };
}

/** Answers `record_qualification` like Claude would, roughly; other requests get the built-in answer. */
export const imitateNaxioClaude: DefaultResponder = (request) => {
  const tool = forcedTool(request);
  if (tool?.name !== QUALIFICATION_TOOL) return undefined;
  return { toolUse: { name: tool.name, input: imitateQualification(lastUserText(request)) } };
};
