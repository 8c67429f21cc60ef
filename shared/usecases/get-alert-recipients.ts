import { type AlertRecipients, stockAlertSubscription } from '../domain/alert-recipients.js';
import type { Principal } from '../domain/api-key.js';
import { DIGEST_INTERVAL_MS } from '../domain/stock-alert.js';
import type { AlertRecipientsReader } from '../events/alert-recipients.js';
import type { Stores } from '../store/stores.js';
import { assertShelterInScope, loadShelter } from './stock-context.js';

/**
 * Who a shelter's stock alerts reach, for its logistics lead to check before relying on them: the
 * digest's channel and addresses (confirmed or not), what waits for the next digest, and every
 * organisation's webhook that subscribes to the shelter's stock alerts (host only: a URL's path
 * may hold a token, and the subscription is another organisation's).
 */
export async function getAlertRecipients(
  input: { shelterId: string },
  viewer: Principal,
  deps: { stores: Pick<Stores, 'shelters' | 'alerts' | 'webhooks'>; alertRecipients: AlertRecipientsReader },
): Promise<AlertRecipients> {
  assertShelterInScope(viewer, input.shelterId);
  await loadShelter(deps.stores.shelters, input.shelterId);
  const [digest, state, webhooks] = await Promise.all([
    deps.alertRecipients(),
    deps.stores.alerts.get(input.shelterId),
    allWebhooks(deps.stores.webhooks),
  ]);
  return {
    shelterId: input.shelterId,
    digest: {
      channel: digest.channel,
      everyMinutes: DIGEST_INTERVAL_MS / 60_000,
      recipients: digest.recipients,
      pendingAlerts: state?.pending.length ?? 0,
      lastSentAt: state?.lastSentAt ?? null,
    },
    webhooks: webhooks.flatMap((webhook) => stockAlertSubscription(webhook, input.shelterId) ?? []),
  };
}

/** Every subscription, active or disabled (a disabled one is shown: it is why alerts stopped). */
async function allWebhooks(store: Pick<Stores['webhooks'], 'list'>) {
  const all = [];
  let cursor: string | undefined;
  do {
    const page = await store.list(undefined, 200, cursor);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return all;
}
