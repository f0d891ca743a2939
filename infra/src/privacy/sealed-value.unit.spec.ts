import { randomBytes } from 'node:crypto';
import { ERASED } from './personal-fields';
import { PrivacyErrorCode } from './privacy-errors';
import { isSealed, leadKeyId, seal, unseal } from './sealed-value';

const key = randomBytes(32);
const at = { streamId: 'lead-t-abc', eventId: 'e-1', type: 'ReplyReceived', field: 'text' };

describe('sealed values', () => {
  it('open to what was sealed, strings and other JSON alike', () => {
    for (const value of ['My AC is out, 12 Elm St', '', { nested: [1, 'two'] }, 42]) {
      const sealed = seal(value, key, at);
      expect(isSealed(sealed)).toBe(true);
      expect(unseal(sealed, key, at)).toEqual(value);
    }
  });

  it('are strings that give nothing away and differ every time (fresh IV)', () => {
    const [a, b] = [seal('+15125550101', key, at), seal('+15125550101', key, at)];
    expect(a).not.toBe(b);
    expect(a).toMatch(new RegExp(`^pii:v1:${leadKeyId(key)}:[A-Za-z0-9_-]+$`));
    expect(a).not.toContain('5125550101');
  });

  it('read as erased once the key is gone, or when a newer key of the lead is all there is', () => {
    const sealed = seal('+15125550101', key, at);
    expect(unseal(sealed, null, at)).toBe(ERASED);
    expect(unseal(sealed, randomBytes(32), at)).toBe(ERASED);
  });

  it('refuse a value altered under its own key, or moved to another field, event or lead', () => {
    const sealed = seal('I need a plumber', key, at);
    // A character well inside the ciphertext: the last base64 characters may carry unused bits.
    const i = sealed.length - 10;
    const flipped = `${sealed.slice(0, i)}${sealed[i] === 'A' ? 'B' : 'A'}${sealed.slice(i + 1)}`;
    expect(() => unseal(flipped, key, at)).toThrow(expect.objectContaining({ code: PrivacyErrorCode.sealedValueRejected }));
    for (const elsewhere of [{ field: 'callerPhone' }, { eventId: 'e-2' }, { streamId: 'lead-t-other' }]) {
      expect(() => unseal(sealed, key, { ...at, ...elsewhere })).toThrow(expect.objectContaining({ code: PrivacyErrorCode.sealedValueRejected }));
    }
  });

  it('take only 256-bit keys', () => {
    expect(() => seal('x', randomBytes(16), at)).toThrow(expect.objectContaining({ code: PrivacyErrorCode.invalidKey }));
  });

  it('are told apart from clear text', () => {
    expect(isSealed('+15125550101')).toBe(false);
    expect(isSealed('pii:v1: not really')).toBe(false);
    expect(isSealed(null)).toBe(false);
  });
});
