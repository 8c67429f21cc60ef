import type { Principal } from '../domain/api-key.js';
import type { PageQuery } from '../domain/page-query.js';
import { type WebhookView, webhookView } from '../domain/webhook.js';
import type { Page } from '../store/pagination.js';
import type { Stores } from '../store/stores.js';

/** An admin sees every organisation's subscriptions; a coordinator its own organisation's. */
export async function listWebhooks(
  input: PageQuery,
  viewer: Principal,
  deps: { stores: Pick<Stores, 'webhooks'> },
): Promise<Page<WebhookView>> {
  const orgId = viewer.role === 'admin' ? undefined : viewer.orgId;
  const page = await deps.stores.webhooks.list(orgId, input.limit, input.cursor);
  return { ...page, items: page.items.map((webhook) => webhookView(webhook, viewer)) };
}
