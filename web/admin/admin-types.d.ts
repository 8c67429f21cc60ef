// The API as the admin page sees it: the generated client's schemas (web/common/api-contract.d.ts)
// for what the typed calls answer, and the server's own schemas where older sections read them.

import type { Schema } from '../common/api-contract.js';

export type { ApiKeyView } from '../../shared/domain/api-key.js';
export type { DeviceView } from '../../shared/domain/device.js';
export type { Organization } from '../../shared/domain/organization.js';
export type { PickupPointView } from '../../shared/domain/pickup-point.js';
/** GET /v1/shelters: a shelter as listed (settings left at their defaults may be absent). */
export type ShelterView = Schema<'Shelter'>;
export type { Delivery, WebhookView } from '../../shared/domain/webhook.js';
export type { EventType } from '../../shared/events/event-schemas.js';

/** GET /v1/people: a person as listed. */
export type Person = Schema<'Person'>;
/** GET /v1/people/{id}: the person with their keys, devices and latest invitations. */
export type PersonDetail = Schema<'PersonDetail'>;
export type PersonKey = Schema<'PersonKey'>;
export type PersonDevice = Schema<'PersonDevice'>;
export type Invitation = Schema<'Invitation'>;
/** POST /v1/people/{id}/invitations: the one-time link and its QR code, shown once. */
export type CreatedInvitation = Schema<'CreatedInvitation'>;
/** GET /v1/api-keys: a key as listed (never its secret). */
export type ApiKey = Schema<'ApiKey'>;
/** GET /v1/devices: a phone as listed. */
export type Device = Schema<'Device'>;

/** POST /v1/api-keys answers the key and its secret, once. */
export type CreatedApiKey = Schema<'CreatedApiKey'>;

/** POST /v1/webhooks answers the subscription and its signing secret, once. */
export type CreatedWebhook = import('../../shared/domain/webhook.js').WebhookView & { secret: string };

/** The parts of /openapi.json the page reads to know what this server offers. */
export interface ApiDocument {
  paths: Record<string, unknown>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; enum?: string[] }> };
}
