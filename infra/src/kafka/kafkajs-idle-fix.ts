// kafkajs 2.2.4, its last release, re-arms a timer after every check of a connection's request
// queue, and with nothing pending the delay comes out negative: every broker connection checks an
// empty queue about once a millisecond for as long as it lives (tulios/kafkajs#1556 and #1704; the
// fix proposed in #1667 was never released). An idle Naxio process spent 3% of a core on it, ten of
// them a third of a two-core machine. An empty queue needs no later look: a request that has to wait
// is put in the queue and schedules its own check, and one that finishes checks the queue at once.

type RequestQueuePrototype = { pending: unknown[]; scheduleCheckPendingRequests(this: RequestQueuePrototype): void };

// The queue is not part of kafkajs's public API; its module has not moved since 2.0.
const RequestQueue = require('kafkajs/src/network/requestQueue') as { prototype: RequestQueuePrototype };

const scheduleCheck = RequestQueue.prototype.scheduleCheckPendingRequests;
RequestQueue.prototype.scheduleCheckPendingRequests = function scheduleOnlyWhenPending(this: RequestQueuePrototype) {
  if (this.pending.length > 0) scheduleCheck.call(this);
};

/** The queue class as patched, for a spec to watch. */
export const kafkaRequestQueue = RequestQueue.prototype as unknown as { checkPendingRequests(): void };
