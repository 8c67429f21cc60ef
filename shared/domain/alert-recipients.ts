import { z } from '@hono/zod-openapi';
import { isStockAlertType } from './stock-alert.js';
import { eventTypeSchema, type WebhookRecord } from './webhook.js';

/** Who hears a shelter's stock alerts: the digest's addresses and the webhooks that subscribe to them. */
export const alertRecipientsSchema = z
  .object({
    shelterId: z.string(),
    digest: z.object({
      channel: z.enum(['email', 'log']).openapi({
        description:
          '`email`: the stock-alert topic’s subscriptions below get it; `log`: no topic is configured (a local run), the digest is written to the server log and reaches nobody.',
      }),
      everyMinutes: z.number().int().openapi({
        format: 'int32',
        description: 'At most one digest per shelter in this many minutes.',
      }),
      recipients: z
        .array(
          z.object({
            protocol: z.string().openapi({ example: 'email' }),
            endpoint: z.string().openapi({ example: 'logistics@partner.example.org' }),
            confirmed: z.boolean().openapi({
              description: 'An address that has not confirmed its subscription gets nothing until it does.',
            }),
          }),
        )
        .openapi({ description: 'One list for every shelter: each recipient gets every shelter’s digest.' }),
      pendingAlerts: z
        .number()
        .int()
        .openapi({ format: 'int32', description: 'Alerts waiting for this shelter’s next digest.' }),
      lastSentAt: z.string().nullable(),
    }),
    webhooks: z
      .array(
        z.object({
          id: z.string(),
          orgId: z.string(),
          description: z.string().optional(),
          host: z
            .string()
            .openapi({ description: 'Where events are sent (the host only: a path may hold a token).' }),
          eventTypes: z.array(eventTypeSchema).openapi({ description: 'The stock alerts it subscribes to.' }),
          status: z.enum(['active', 'disabled']),
        }),
      )
      .openapi({
        description:
          'Subscriptions of any organisation that hear this shelter’s stock.low, stock.out or stock.cover-low events.',
      }),
  })
  .openapi('AlertRecipients');
export type AlertRecipients = z.infer<typeof alertRecipientsSchema>;

/** A subscription's view here: its stock-alert types, if it reaches the shelter and asked for any. */
export function stockAlertSubscription(
  webhook: WebhookRecord,
  shelterId: string,
): AlertRecipients['webhooks'][number] | undefined {
  const reaches = webhook.shelterIds === '*' || webhook.shelterIds.includes(shelterId);
  const eventTypes = webhook.eventTypes.filter(isStockAlertType);
  if (!reaches || eventTypes.length === 0) return undefined;
  let host = '';
  try {
    host = new URL(webhook.url).host;
  } catch {
    // a URL the subscription check accepted always parses; nothing to show otherwise
  }
  return {
    id: webhook.id,
    orgId: webhook.orgId,
    ...(webhook.description === undefined ? {} : { description: webhook.description }),
    host,
    eventTypes,
    status: webhook.status,
  };
}
