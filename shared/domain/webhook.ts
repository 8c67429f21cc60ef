import { z } from '@hono/zod-openapi';
import { domainEventSchema, type EventType } from '../events/event-schemas.js';
import { actorIdSchema, createdFields } from './attribution.js';
import { slugSchema } from './slug.js';

/**
 * Every event type a partner can subscribe to, in the order the design document lists them
 * (`eventTypeSchema.options`). Read from the event schemas inside this schema, not into a list
 * at module load, so that the deployed build can leave every one of them unbuilt until used.
 */
export const eventTypeSchema = z
  .enum(domainEventSchema.options.map((option) => option.shape.type.value) as [EventType, ...EventType[]])
  .openapi('EventType');

/** The shelters a subscription hears about: the creating key's reach, narrowed by the filter. */
const shelterReachSchema = z.union([z.literal('*'), z.array(slugSchema).max(100)]);

export const createWebhookSchema = z
  .object({
    url: z.string().min(1).max(2000).openapi({
      description:
        'Where events are POSTed. On AWS: https to a public address only; locally, http://localhost too.',
      example: 'https://partner.example.org/supplyline/events',
    }),
    eventTypes: z.array(eventTypeSchema).min(1).max(eventTypeSchema.options.length),
    shelterIds: z.array(slugSchema).min(1).max(100).optional().openapi({
      description: 'Only events of these shelters; all shelters in the key’s scope when absent.',
    }),
    description: z.string().trim().max(200).optional(),
  })
  .strict()
  .openapi('CreateWebhook');
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const webhookStatusSchema = z.enum(['active', 'disabled']);

/**
 * A signing secret as stored: sealed (shared/auth/secret-sealer.ts), never in clear. The newest
 * signs every delivery; one being rotated out keeps signing beside it until `retiresAt`.
 */
export const signingSecretSchema = z
  .object({
    sealed: z.string().min(1),
    createdAt: z.iso.datetime(),
    retiresAt: z.iso.datetime().optional(),
  })
  .strict();
export type SigningSecret = z.infer<typeof signingSecretSchema>;

/** The newest secret and at most two being rotated out: a delivery carries one signature per secret. */
export const MAX_SIGNING_SECRETS = 3;

/** A subscription as stored. Its secrets are kept sealed (they sign every delivery) and shown once. */
export const webhookRecordSchema = z
  .object({
    id: z.string().min(1).max(64),
    orgId: slugSchema,
    url: z.string(),
    eventTypes: z.array(eventTypeSchema),
    shelterIds: shelterReachSchema,
    description: z.string().optional(),
    status: webhookStatusSchema,
    /** Newest first. Absent only on a subscription stored before issue 24 (see `secret`). */
    signingSecrets: z.array(signingSecretSchema).min(1).max(MAX_SIGNING_SECRETS).optional(),
    /**
     * The secret in clear, as subscriptions were stored before issue 24; the retry schedule seals
     * it on its next pass (deliver-webhooks.ts) and it goes. Never written any more.
     */
    secret: z.string().optional(),
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
  .omit({
    secret: true,
    signingSecrets: true,
    drainingUntil: true,
    drainedBy: true,
    createdBy: true,
  })
  .extend({
    createdBy: actorIdSchema.optional(),
    signingSecrets: z
      .array(
        z.object({
          createdAt: z.iso.datetime(),
          retiresAt: z.iso.datetime().optional().openapi({
            description:
              'Being rotated out: deliveries carry its signature beside the newest one until then.',
          }),
        }),
      )
      .openapi({
        description:
          'The secrets deliveries are signed with now, newest first (when each was made, and until when one being rotated out still signs). The secrets themselves are shown only once, when made.',
      }),
  });

export const webhookViewSchema = webhookViewShape.openapi('Webhook');
export type WebhookView = z.infer<typeof webhookViewSchema>;

const secretField = z.string().openapi({
  description:
    'The signing secret (`whsec_…`), shown this once and never again: verify `webhook-signature` with it (Standard Webhooks).',
});

export const createdWebhookSchema = webhookViewShape
  .extend({ secret: secretField })
  .openapi('CreatedWebhook');

export const rotatedWebhookSchema = webhookViewShape
  .extend({ secret: secretField })
  .openapi('WebhookWithNewSecret');

/** Rotating a secret: how long the one it replaces keeps signing beside it. */
export const rotateSecretSchema = z
  .object({
    overlapHours: z.number().int().min(0).max(72).default(24).openapi({
      format: 'int32',
      description:
        'Hours during which deliveries carry signatures under both the new and the current secret, so the receiver can switch over; 0 retires the current secret at once (it leaked). 24 when absent.',
    }),
  })
  .strict()
  .openapi('RotateWebhookSecret');
export type RotateSecretInput = z.infer<typeof rotateSecretSchema>;

export function webhookView(
  record: WebhookRecord,
  viewer: { role: string },
  now: Date = new Date(),
): WebhookView {
  const {
    secret: _secret,
    signingSecrets: _sealed,
    drainingUntil: _until,
    drainedBy: _by,
    createdBy,
    ...view
  } = record;
  const signingSecrets = liveSigningSecrets(record, now).map(({ createdAt, retiresAt }) => ({
    createdAt,
    ...(retiresAt === undefined ? {} : { retiresAt }),
  }));
  // Key ids are shown to admins only, as for every other record (attribution.ts).
  return viewer.role === 'admin' ? { ...view, signingSecrets, createdBy } : { ...view, signingSecrets };
}

/**
 * The secrets that sign a delivery made at `now`, newest first: those not retired yet. A
 * subscription stored before issue 24 has its one secret in clear (`plaintext`) until sealed.
 */
export function liveSigningSecrets(
  record: Pick<WebhookRecord, 'signingSecrets' | 'secret' | 'createdAt'>,
  now: Date,
): Array<{ createdAt: string; retiresAt?: string } & ({ sealed: string } | { plaintext: string })> {
  if (record.signingSecrets === undefined) {
    return record.secret === undefined ? [] : [{ createdAt: record.createdAt, plaintext: record.secret }];
  }
  return record.signingSecrets.filter(
    (secret) => secret.retiresAt === undefined || Date.parse(secret.retiresAt) > now.getTime(),
  );
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
