import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { ERASED, type Erased } from './personal-fields';
import { PrivacyError, PrivacyErrorCode } from './privacy-errors';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const PREFIX = 'pii:v1:';
/** pii:v1:<key id>:<base64url of iv ‖ ciphertext ‖ tag>. A string, so Avro string fields still hold it. */
const SEALED = /^pii:v1:([A-Za-z0-9_-]{11}):([A-Za-z0-9_-]+)$/;

/**
 * Which key sealed a value, without revealing it: 64 bits of SHA-256 over 256 random bits. After a
 * lead is forgotten and calls again, its new key has a new id, so old values read as erased instead
 * of failing authentication under the wrong key.
 */
export function leadKeyId(key: Buffer): string {
  let id = keyIds.get(key);
  if (id === undefined) keyIds.set(key, (id = createHash('sha256').update(key).digest().subarray(0, 8).toString('base64url')));
  return id;
}

// A page of events opens many values under the same key object.
const keyIds = new WeakMap<Buffer, string>();

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new PrivacyError(PrivacyErrorCode.invalidKey, `a lead key has ${KEY_BYTES} bytes, not ${key.length}`);
}

/** The place a value belongs to; bound into the seal so it cannot be moved to another field, event or lead. */
export type SealContext = { streamId: string; eventId: string; type: string; field: string };

const aad = (c: SealContext) => Buffer.from(`naxio-pii-v1\n${c.streamId}\n${c.eventId}\n${c.type}\n${c.field}`);

export const isSealed = (value: unknown): value is string => typeof value === 'string' && value.startsWith(PREFIX) && SEALED.test(value);

/** AES-256-GCM over the value's JSON, with a fresh IV each time. */
export function seal(value: unknown, key: Buffer, context: SealContext): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad(context));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return `${PREFIX}${leadKeyId(key)}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
}

/**
 * The value sealed in `sealed`, or ERASED when its key is gone (null, or a newer key of the same
 * lead). Refuses a value that fails authentication under its own key: that is tampering, not erasure.
 */
export function unseal(sealed: string, key: Buffer | null, context: SealContext): unknown | Erased {
  const match = SEALED.exec(sealed);
  if (!match) throw new PrivacyError(PrivacyErrorCode.sealedValueRejected, `${context.type}.${context.field} of ${context.streamId} is not a sealed value`);
  if (!key || leadKeyId(key) !== match[1]) return ERASED;
  checkKey(key);
  const raw = Buffer.from(match[2]!, 'base64url');
  try {
    if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('too short');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES)).setAAD(aad(context));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as unknown;
  } catch {
    throw new PrivacyError(PrivacyErrorCode.sealedValueRejected, `${context.type}.${context.field} of ${context.streamId} (event ${context.eventId}) fails authentication under the lead's key`);
  }
}

export const newLeadKey = (): Buffer => randomBytes(KEY_BYTES);
