import { generateKeyPairSync, sign } from 'node:crypto';

export const SIGNATURE_HEADER = 'telnyx-signature-ed25519';
export const TIMESTAMP_HEADER = 'telnyx-timestamp';

export interface WebhookSigner {
  /** Base64 of the raw 32-byte Ed25519 public key, the form Mission Control shows and the SDK takes. */
  publicKey: string;
  /** The two headers Telnyx puts on a webhook whose body is exactly `rawBody`. */
  sign(rawBody: string, timestampSeconds?: number): Record<string, string>;
}

/** A fresh key pair per sandbox, so a test can never verify with a key it was not handed. */
export function createWebhookSigner(): WebhookSigner {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  // An Ed25519 SPKI DER is a fixed 12-byte prefix followed by the 32 raw key bytes; Telnyx
  // publishes only the raw bytes.
  const rawPublicKey = publicKey.export({ type: 'spki', format: 'der' }).subarray(-32);

  return {
    publicKey: rawPublicKey.toString('base64'),
    sign(rawBody, timestampSeconds = Math.floor(Date.now() / 1000)) {
      const timestamp = String(timestampSeconds);
      // Telnyx signs "<timestamp>|<body>": binding the timestamp stops replays of an old body.
      const signature = sign(null, Buffer.from(`${timestamp}|${rawBody}`, 'utf8'), privateKey);
      return { [SIGNATURE_HEADER]: signature.toString('base64'), [TIMESTAMP_HEADER]: timestamp };
    },
  };
}
