import { z } from '@hono/zod-openapi';
import { domainEventSchema, type EventType } from '../events/event-schemas.js';
import { actorIdSchema, createdFields } from './attribution.js';
import { slugSchema } from './slug.js';

/** Every event type a partner can subscribe to, in the order the design document lists them. */
export const eventTypes = domainEventSchema.options.map((option) => option.shape.type.value) as [
  EventType,
  ...EventType[],
];
export const eventTypeSchema = z.enum(eventTypes).openapi('EventType');

/** The shelters a subscription hears about: the creating key's reach, narrowed by the filter. */
const shelterReachSchema = z.union([z.literal('*'), z.array(slugSchema).max(100)]);

export const createWebhookSchema = z
  .object({
    url: z.string().min(1).max(2000).openapi({
      description:
        'Where events are POSTed. On AWS: https to a public address only; locally, http://localhost too.',
      example: 'https://partner.example.org/supplyline/events',
    }),
    eventTypes: z.array(eventTypeSchema).min(1).max(eventTypes.length),
    shelterIds: z.array(slugSchema).min(1).max(100).optional().openapi({
      description: 'Only events of these shelters; all shelters in the key’s scope when absent.',
    }),
    description: z.string().trim().max(200).optional(),
  })
  .strict()
  .openapi('CreateWebhook');
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const webhookStatusSchema = z.enum(['active', 'disabled']);

/** A subscription as stored. The secret is kept (it signs every delivery) and shown once. */
export const webhookRecordSchema = z
  .object({
    id: z.string().min(1).max(64),
    orgId: slugSchema,
    url: z.string(),
    eventTypes: z.array(eventTypeSchema),
    shelterIds: shelterReachSchema,
    description: z.string().optional(),
    status: webhookStatusSchema,
    secret: z.string(),
    ...createdFields,
    /** Since when every attempt failed; cleared by the next delivery that succeeds. */
    failingSince: z.iso.datetime().optional(),
    lastError: z.string().optional(),
    disabledAt: z.iso.datetime().optional(),
    disabledReason: z.string().optional(),
    /** While a worker delivers this subscription's queue, no other does (order per subscription). */
    drainingUntil: z.iso.datetime().optional(),
    drainedBy: z.string().optional(),
  })
  .strict();
export type WebhookRecord = z.infer<typeof webhookRecordSchema>;

/** What the API shows of a subscription (named schemas are built from this, never from each other). */
const webhookViewShape = webhookRecordSchema
  .omit({ secret: true, drainingUntil: true, drainedBy: true, createdBy: true })
  .extend({ createdBy: actorIdSchema.optional() });

export const webhookViewSchema = webhookViewShape.openapi('Webhook');
export type WebhookView = z.infer<typeof webhookViewSchema>;

export const createdWebhookSchema = webhookViewShape
  .extend({
    secret: z.string().openapi({
      description:
        'The signing secret (`whsec_…`), shown this once: verify `webhook-signature` with it (Standard Webhooks).',
    }),
  })
  .openapi('CreatedWebhook');

export function webhookView(record: WebhookRecord, viewer: { role: string }): WebhookView {
  const { secret: _secret, drainingUntil: _until, drainedBy: _by, createdBy, ...view } = record;
  // Key ids are shown to admins only, as for every other record (attribution.ts).
  return viewer.role === 'admin' ? { ...view, createdBy } : view;
}

/** One attempt to deliver one event to one subscription. */
export const deliveryAttemptSchema = z
  .object({
    at: z.iso.datetime(),
    /** The receiver's HTTP status; absent when no answer came (refused, timed out, unreachable). */
    responseStatus: z.number().int().optional(),
    error: z.string().optional(),
    latencyMs: z.number(),
    /** A redelivery asked for by a person, outside the queue's order. */
    manual: z.boolean().optional(),
  })
  .strict()
  .openapi('DeliveryAttempt');
export type DeliveryAttempt = z.infer<typeof deliveryAttemptSchema>;

/**
 * An event queued for one subscription, or its outcome. `pending` waits its turn (or its next
 * retry); `delivered` was answered 2xx; `abandoned` was still pending when its subscription was
 * deleted or disabled (redeliver it by hand once the receiver works).
 */
export const deliveryStatusSchema = z.enum(['pending', 'delivered', 'abandoned']);

export const deliverySchema = z
  .object({
    /** The event's position in the feed: deliveries of a subscription go out in this order. */
    id: z.string(),
    webhookId: z.string(),
    eventId: z.string(),
    eventType: eventTypeSchema,
    status: deliveryStatusSchema,
    createdAt: z.iso.datetime(),
    attempts: z.number().int(),
    nextAttemptAt: z.iso.datetime().optional(),
    deliveredAt: z.iso.datetime().optional(),
    /** The latest attempts, newest last (at most 20 kept). */
    attemptLog: z.array(deliveryAttemptSchema),
  })
  .strict()
  .openapi('WebhookDelivery');
export type Delivery = z.infer<typeof deliverySchema>;

/** Attempts kept on a delivery record: enough to see a pattern, bounded so the record stays small. */
export const ATTEMPT_LOG_LENGTH = 20;
