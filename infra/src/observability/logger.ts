import pino, { type DestinationStream, type Logger } from 'pino';
import type { StoredEvent } from '@naxio/domain';
import { loggableData, maskPhoneNumbers, REDACTED, REDACTED_PATHS } from './redaction';
import { traceFields } from './trace-scope';

export type { Logger } from 'pino';

export type LoggerSettings = {
  /** Default: env LOG_LEVEL, else info. */
  level?: string;
  /** Default: stderr, written synchronously so a crash loses nothing. */
  destination?: DestinationStream;
};

/** JSON lines with the trace of the work in progress, text fields redacted and phone numbers masked. */
export function createLogger(settings: LoggerSettings = {}): Logger {
  return pino(
    {
      level: settings.level ?? process.env.LOG_LEVEL ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: REDACTED },
      mixin: traceFields,
      hooks: { streamWrite: maskPhoneNumbers },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    settings.destination ?? pino.destination({ dest: 2, sync: true }),
  );
}

let processLogger: Logger | undefined;

/** The process's logger, made on first use. */
export function logger(): Logger {
  return (processLogger ??= createLogger());
}

/** Replaces the process's logger (a test that reads the lines, a process with its own settings). */
export function useLogger(next: Logger): void {
  processLogger = next;
}

/** For an HTTP app: a line per request when asked for, otherwise only warnings and errors. */
export function httpLogger(requestLines: boolean, base: Logger = logger()): Logger {
  return requestLines ? base : base.child({}, { level: 'warn' });
}

export type LeadLogFields = { tenantId: string; leadId: string; correlationId: string };

/** A logger for one lead's story; the trace id comes with every line written inside the trace. */
export function leadLogger(fields: LeadLogFields, base: Logger = logger()): Logger {
  return base.child(fields);
}

/** A logger for one event: the lead's fields, the event's id and type, and its identifying data. */
export function eventLogger(event: StoredEvent, base: Logger = logger()): Logger {
  const { tenantId, streamId: leadId, correlationId, eventId } = event.metadata;
  return leadLogger({ tenantId, leadId, correlationId }, base).child({ eventId, type: event.type, data: loggableData(event.data) });
}
