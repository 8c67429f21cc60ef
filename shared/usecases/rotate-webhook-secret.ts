import type { SecretSealer } from '../auth/secret-sealer.js';
import type { Principal } from '../domain/api-key.js';
import type { Idempotent } from '../domain/idempotency.js';
import {
  liveSigningSecrets,
  type RotateSecretInput,
  type WebhookView,
  webhookView,
} from '../domain/webhook.js';
import { rotateSigningSecrets } from '../domain/webhook-secret-rotation.js';
import { ConflictError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';
import { sealedReply } from './sealed-reply.js';
import { loadManagedWebhook } from './webhook-access.js';
import { newSigningSecret, sealedLiveSecrets } from './webhook-secrets.js';

/**
 * POST /v1/webhooks/{id}/rotate-secret: a new signing secret, shown once. During the overlap
 * every delivery carries a signature under the new secret and one under each secret it replaces
 * (Standard Webhooks allows several in one header), so the receiver switches whenever it is
 * ready; after it, only the new one signs. Under an Idempotency-Key a retry replays this answer
 * rather than rotating again (which would retire the secret the caller never saw).
 */
export async function rotateWebhookSecret(
  input: { webhookId: string } & RotateSecretInput & Idempotent,
  actor: Principal,
  deps: { stores: Pick<Stores, 'webhooks'>; sealer: SecretSealer; now: () => Date },
): Promise<WebhookView & { secret: string }> {
  const webhook = await loadManagedWebhook(input.webhookId, actor, deps.stores);
  const now = deps.now();
  const [newest] = liveSigningSecrets(webhook, now);
  if (newest === undefined) throw new Error(`Webhook ${webhook.id} has no live signing secret`);
  const { secret, stored } = await newSigningSecret(webhook.id, deps.sealer, now);
  const rotation = rotateSigningSecrets(
    await sealedLiveSecrets(webhook, deps.sealer, now),
    stored,
    now,
    input.overlapHours,
  );
  if (rotation.kind === 'refused') throw new ConflictError(rotation.message);
  const { secret: _inClear, ...rest } = webhook;
  const answer = { ...webhookView({ ...rest, signingSecrets: rotation.secrets }, actor, now), secret };
  const seen = 'plaintext' in newest ? { plaintext: newest.plaintext } : { sealed: newest.sealed };
  await deps.stores.webhooks.replaceSecrets(
    webhook.id,
    rotation.secrets,
    seen,
    await sealedReply(deps.sealer, input.idempotency, answer),
  );
  return answer;
}
