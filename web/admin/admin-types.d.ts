// The API as the admin page sees it, from the server's own schemas (as web/common/api-types.d.ts).

export type { ApiKeyView } from '../../shared/domain/api-key.js';
export type { DeviceView } from '../../shared/domain/device.js';
export type { Organization } from '../../shared/domain/organization.js';
export type { PickupPointView } from '../../shared/domain/pickup-point.js';
export type { ShelterView } from '../../shared/domain/shelter.js';
export type { Delivery, WebhookView } from '../../shared/domain/webhook.js';
export type { EventType } from '../../shared/events/event-schemas.js';

/** POST /v1/api-keys answers the key and its secret, once. */
export type CreatedApiKey = import('../../shared/domain/api-key.js').ApiKeyView & { apiKey: string };

/** POST /v1/webhooks answers the subscription and its signing secret, once. */
export type CreatedWebhook = import('../../shared/domain/webhook.js').WebhookView & { secret: string };

/** The parts of /openapi.json the page reads to know what this server offers. */
export interface ApiDocument {
  paths: Record<string, unknown>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; enum?: string[] }> };
}
