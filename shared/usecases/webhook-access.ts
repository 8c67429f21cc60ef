import type { Principal } from '../domain/api-key.js';
import type { WebhookRecord } from '../domain/webhook.js';
import { NotFoundError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';

/**
 * A subscription as its manager may see it: an admin any organisation's, a coordinator its own
 * organisation's. To anyone else it does not exist (404, as for every record out of reach).
 */
export async function loadManagedWebhook(
  webhookId: string,
  viewer: Principal,
  stores: Pick<Stores, 'webhooks'>,
): Promise<WebhookRecord> {
  const webhook = await stores.webhooks.get(webhookId);
  if (webhook === undefined || (viewer.role !== 'admin' && webhook.orgId !== viewer.orgId)) {
    throw new NotFoundError('Webhook', webhookId);
  }
  return webhook;
}
