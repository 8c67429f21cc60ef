import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { registerEvents } from '../routes/events.js';
import { registerWebhooks } from '../routes/webhooks.js';

/** Webhook subscriptions and the event feed partners read. */
export function registerPartnerEvents(app: OpenAPIHono<AppEnv>): void {
  registerWebhooks(app);
  registerEvents(app);
}
