import type { Principal } from '../domain/api-key.js';
import { type WebhookView, webhookView } from '../domain/webhook.js';
import type { Stores } from '../store/stores.js';
import { loadManagedWebhook } from './webhook-access.js';

type Deps = { stores: Pick<Stores, 'webhooks'> };

/** One subscription, with why it was disabled if it was. */
export async function getWebhook(
  input: { webhookId: string },
  viewer: Principal,
  deps: Deps,
): Promise<WebhookView> {
  return webhookView(await loadManagedWebhook(input.webhookId, viewer, deps.stores), viewer);
}

/** Ends a subscription: nothing more is queued or sent to it, and its queue and history go. */
export async function deleteWebhook(
  input: { webhookId: string },
  viewer: Principal,
  deps: Deps,
): Promise<void> {
  await loadManagedWebhook(input.webhookId, viewer, deps.stores);
  await deps.stores.webhooks.delete(input.webhookId);
}

/** Turns a disabled subscription back on once its receiver works; events from now on are queued. */
export async function enableWebhook(
  input: { webhookId: string },
  viewer: Principal,
  deps: Deps,
): Promise<WebhookView> {
  await loadManagedWebhook(input.webhookId, viewer, deps.stores);
  return webhookView(await deps.stores.webhooks.enable(input.webhookId), viewer);
}
