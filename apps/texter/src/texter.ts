import type { EventConsumer } from '@naxio/domain';
import { OPENING_TEXT_TRIGGERS, sendOpeningText, type TexterDeps } from './send-opening-text';

export const TEXTER_GROUP = 'texter';

/** The texter is one consumer group: every missed call it sees gets at most one opening text. */
export async function startTexter(consumer: EventConsumer, deps: TexterDeps): Promise<EventConsumer> {
  await consumer.start((event) => sendOpeningText(deps, event), OPENING_TEXT_TRIGGERS);
  return consumer;
}
