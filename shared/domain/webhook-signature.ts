import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/**
 * Webhook payloads are signed per the Standard Webhooks specification, with its reference
 * package: `webhook-id` (the event's id, the same on every retry so receivers can deduplicate),
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
  const signatures = secrets.map((secret) => new Webhook(secret).sign(eventId, sentAt, payload));
  return {
    'webhook-id': eventId,
    'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
