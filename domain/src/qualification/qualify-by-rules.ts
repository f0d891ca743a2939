import type { QualificationRequest, Qualifier } from '../ports/qualifier';
import type { Qualification } from './qualification';
import { emergencySignalsInTurns, withoutName } from './rules/emergency-signals';
import { readReplies } from './rules/reading';
import { serviceAreaOf } from './rules/service-area';
import { serviceTypeOf } from './rules/service-type';
import { summaryOf } from './rules/summary';
import { intentOf, urgencyOf } from './rules/urgency-and-intent';

/**
 * Qualifies a conversation with keyword rules: no network, same answer every time. Only the lead's
 * messages are read (the business's own texts mention "emergency" by design); later messages can
 * correct earlier ones.
 */
export function qualifyByRules(request: QualificationRequest): Qualification {
  const { tenant, conversation } = request;
  const leadTexts = conversation.filter((t) => t.from === 'lead').map((t) => t.text);
  // The company's own name must not raise anything: "is this Bright Spark?" is not a spark.
  const turns = leadTexts.map((t) => withoutName(t, tenant.company));
  const hazards = emergencySignalsInTurns(turns);
  const emergency = hazards.length > 0;
  const reading = readReplies(turns);
  const asksForWork = reading.problem || reading.request;
  const notACustomer = !emergency && (reading.notALead || (reading.offTopic && !asksForWork));
  const found = notACustomer
    ? { serviceType: 'unknown' as const, subCategory: 'general', named: false }
    : serviceTypeOf(turns, tenant.trade, hazards, asksForWork);
  const jobNamed = found.subCategory !== 'general' || found.serviceType === 'other';
  const urgency = urgencyOf(reading, emergency, found.named);
  const intent = intentOf(reading, emergency, found.named, jobNamed);
  const serviceArea = serviceAreaOf(turns, tenant);
  const latestReply = leadTexts[leadTexts.length - 1] ?? '';
  return {
    urgency,
    serviceType: found.serviceType,
    subCategory: found.subCategory,
    serviceArea,
    intent,
    summary: summaryOf({ urgency, serviceType: found.serviceType, subCategory: found.subCategory, serviceArea, intent, latestReply }),
    source: 'rules',
    model: null,
  };
}

/** The rules behind the `Qualifier` port: the fallback when Claude is slow, away or not configured. */
export const rulesQualifier: Qualifier = {
  qualify: async (request) => qualifyByRules(request),
};
