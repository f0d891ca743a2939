import type { Intent, Urgency } from '../qualification';
import type { Reading } from './reading';

/**
 * Scheduled when something is wrong or the lead asks for work; an inquiry for prices, quotes,
 * "do you do …" and someday plans. A problem outranks a price question: "how much extra on
 * Saturday? the faucet is leaking" is a job to book.
 */
export function urgencyOf(reading: Reading, emergency: boolean, tradeNamed: boolean): Urgency {
  if (emergency) return 'emergency';
  if (reading.notALead) return 'inquiry';
  if (reading.problem) return 'scheduled';
  if (reading.price || reading.someday) return 'inquiry';
  if (reading.capability && !reading.request) return 'inquiry';
  if (reading.request) return 'scheduled';
  // A bare "gutter cleaning and guards" is a request; a bare "tankless heaters?" is a question.
  if (tradeNamed && !reading.question && !reading.offTopic) return 'scheduled';
  return 'inquiry';
}

/**
 * Low when there is no customer with a job behind the reply: spam, sellers, job seekers, opt-outs,
 * wrong numbers, jokes, "hi"; and price or curiosity questions that name no job.
 */
export function intentOf(reading: Reading, emergency: boolean, tradeNamed: boolean, jobNamed: boolean): Intent {
  if (emergency) return 'high';
  if (reading.notALead) return 'low';
  const asksForWork = reading.problem || reading.request;
  if (reading.offTopic && !asksForWork) return 'low';
  // "Just curious if you do gas lines" still asks about work we could do.
  if (reading.curiosity && !reading.problem && !reading.capability) return 'low';
  if (reading.price && !asksForWork && !jobNamed) return 'low';
  if (!tradeNamed && !asksForWork && !reading.callback && !reading.capability) return 'low';
  return 'high';
}
