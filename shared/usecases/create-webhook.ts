import { ulid } from 'ulid';
import type { SecretSealer } from '../auth/secret-sealer.js';
import type { Principal } from '../domain/api-key.js';
import type { Idempotent } from '../domain/idempotency.js';
import {
  type CreateWebhookInput,
  type WebhookRecord,
  type WebhookView,
  webhookView,
} from '../domain/webhook.js';
import { checkWebhookUrl, type ResolveHost, type WebhookUrlPolicy } from '../domain/webhook-url.js';
import { ForbiddenError, ValidationError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';
import { sealedReply } from './sealed-reply.js';
import { newSigningSecret } from './webhook-secrets.js';

export interface CreateWebhookDeps {
  stores: Pick<Stores, 'webhooks'>;
  webhooks: { urlPolicy: WebhookUrlPolicy; resolveHost: ResolveHost };
  sealer: SecretSealer;
  now: () => Date;
}

/**
 * Subscribes the caller's organisation to events at a URL. The subscription reaches what the
 * creating key reaches (its shelters), narrowed by the optional shelter filter, so a webhook
 * never tells a partner more than its key could read. The signing secret is returned once and
 * kept sealed; under an Idempotency-Key, a retry replays this answer (the sealed copy opened)
 * rather than subscribing twice.
 */
export async function createWebhook(
  input: CreateWebhookInput & Idempotent,
  actor: Principal,
  deps: CreateWebhookDeps,
): Promise<WebhookView & { secret: string }> {
  const urlErrors = await checkWebhookUrl(input.url, deps.webhooks.urlPolicy, deps.webhooks.resolveHost);
  if (urlErrors.length > 0) throw new ValidationError('The webhook URL cannot be used.', urlErrors);
  const reach = actor.scope.shelterIds;
  if (input.shelterIds !== undefined && reach !== '*') {
    const outside = input.shelterIds.filter((shelterId) => !reach.includes(shelterId));
    if (outside.length > 0) {
      throw new ForbiddenError(
        `This key does not reach shelter(s) ${outside.join(', ')}: subscribe to shelters in its scope (${reach.join(', ')}).`,
      );
    }
  }
  const now = deps.now();
  const id = `whk_${ulid()}`;
  const { secret, stored } = await newSigningSecret(id, deps.sealer, now);
  const record: WebhookRecord = {
    id,
    orgId: actor.orgId,
    url: input.url,
    eventTypes: [...new Set(input.eventTypes)],
    shelterIds: input.shelterIds ?? reach,
    ...(input.description === undefined ? {} : { description: input.description }),
    status: 'active',
    signingSecrets: [stored],
    createdAt: now.toISOString(),
    createdBy: actor.keyId,
  };
  const created = { ...webhookView(record, actor, now), secret };
  await deps.stores.webhooks.create(record, await sealedReply(deps.sealer, input.idempotency, created));
  return created;
}
