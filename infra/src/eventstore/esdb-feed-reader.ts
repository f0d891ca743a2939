import type { Readable } from 'node:stream';

export class FeedEnded extends Error {
  readonly code = 'subscription_feed_ended';
  constructor() {
    super('the server ended the subscription');
    this.name = 'FeedEnded';
  }
}

const noop = () => undefined;

/**
 * Takes what a live object stream has buffered as one batch, and waits when it has nothing. The
 * stream stays paused between batches (we only `read()`), so a slow handler holds the server back
 * through the stream's own back-pressure instead of piling events up in memory.
 */
export class FeedReader<T> {
  private failure: { error: unknown } | undefined;
  private ended = false;
  private signal: () => void = noop;
  private readonly onReadable = () => this.signal();
  private readonly onEnd = () => {
    this.ended = true;
    this.signal();
  };
  private readonly onError = (error: unknown) => {
    this.failure ??= { error };
    this.signal();
  };

  constructor(private readonly stream: Readable) {
    stream.on('readable', this.onReadable);
    stream.on('end', this.onEnd);
    stream.on('close', this.onEnd);
    stream.on('error', this.onError);
  }

  /** Up to `max` items; undefined once `interrupted` resolves first. Throws what the stream failed with. */
  async next(max: number, interrupted: Promise<void>): Promise<T[] | undefined> {
    for (;;) {
      if (this.failure) throw this.failure.error;
      const batch: T[] = [];
      while (batch.length < max) {
        const item = this.stream.read() as T | null;
        if (item === null) break;
        batch.push(item);
      }
      if (batch.length > 0) return batch;
      if (this.ended) throw new FeedEnded();
      // Set before awaiting: the stream's events arrive on later ticks, so none can slip in between.
      const signalled = new Promise<boolean>((resolve) => (this.signal = () => resolve(false)));
      const stop = await Promise.race([signalled, interrupted.then(() => true)]);
      this.signal = noop;
      if (stop) return undefined;
    }
  }

  /** Keeps swallowing errors afterwards: a cancelled call may still report on a stream nobody reads. */
  dispose(): void {
    this.stream.off('readable', this.onReadable);
    this.stream.off('end', this.onEnd);
    this.stream.off('close', this.onEnd);
    this.stream.off('error', this.onError);
    this.stream.on('error', noop);
  }
}
