// AWS Lambda entry for the retry schedule (EventBridge, every minute): webhook deliveries due,
// and stock-alert digests the hour held back.
import { composeDispatcher } from '../shared/composition-root.js';
import { deliverDueWebhooks } from '../shared/usecases/deliver-webhooks.js';
import { sendDueAlertDigests } from '../shared/usecases/stock-alerts.js';

const deps = composeDispatcher();

export async function handler() {
  const [webhooks, digests] = await Promise.all([deliverDueWebhooks(deps), sendDueAlertDigests(deps)]);
  return { ...webhooks, digests: digests.sent };
}
