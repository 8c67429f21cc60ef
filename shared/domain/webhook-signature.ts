import { createHmac, randomBytes } from 'node:crypto';

/**
 * Webhook payloads are signed per the Standard Webhooks specification: `webhook-id` (the event's id, the same on every retry so receivers can deduplicate),
 * `webhook-timestamp` (Unix seconds of this attempt) and `webhook-signature`
 * (`v1,<base64 HMAC-SHA256 of "id.timestamp.payload">`). A subscription's secret is shown to its
 * owner once, as `whsec_<base64 of 32 random bytes>`.
 */
export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

const SECRET_PREFIX = 'whsec_';

/**
 * `v1,<base64 HMAC-SHA256 of "id.timestamp.payload">` keyed with the secret's bytes, as the
 * specification defines it. Node's HMAC rather than the reference package (its own SHA-256 and
 * base64 in JS, ~14 KB of every cold start); the tests verify each signature with that package.
 */
function signature(secret: string, eventId: string, seconds: number, payload: string): string {
  const key = Buffer.from(
    secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret,
    'base64',
  );
  return `v1,${createHmac('sha256', key).update(`${eventId}.${seconds}.${payload}`).digest('base64')}`;
}

export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/**
 * Signs one delivery attempt. While a secret is being rotated, both the new and the old secret
 * sign (space-separated signatures, as the specification allows), so receivers can switch over.
 */
export function signWebhook(
  secrets: readonly [string, ...string[]],
  eventId: string,
  sentAt: Date,
  payload: string,
): WebhookHeaders {
  const seconds = Math.floor(sentAt.getTime() / 1000);
  const signatures = secrets.map((secret) => signature(secret, eventId, seconds, payload));
  return {
    'webhook-id': eventId,
    'webhook-timestamp': String(seconds),
    'webhook-signature': signatures.join(' '),
  };
}
