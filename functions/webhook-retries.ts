// AWS Lambda entry for the webhook retry schedule (EventBridge, every minute): whatever is due.
import { composeDispatcher } from '../shared/composition-root.js';
import { deliverDueWebhooks } from '../shared/usecases/deliver-webhooks.js';

const deps = composeDispatcher();

export async function handler() {
  return deliverDueWebhooks(deps);
}
