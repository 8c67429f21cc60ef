import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { domainEventSchema } from '../../events/event-schemas.js';
import { eventQuerySchema, readEvents } from '../../usecases/read-events.js';
import type { AppEnv } from '../app-env.js';
import { jsonContent, securedRoute } from '../openapi-route.js';

const cursor = z
  .string()
  .openapi({ description: 'This event’s position: pass it as `after` to read on from it.' });
/**
 * Each event type with its feed position. Added to every member (not intersected with the union):
 * the events are closed objects, and an intersection of closed objects admits no value.
 */
const [first, ...rest] = domainEventSchema.options.map((event) => event.extend({ cursor }));
const feedEventSchema = z
  .discriminatedUnion('type', [first as NonNullable<typeof first>, ...rest])
  .openapi('FeedEvent');

const eventPageSchema = z
  .object({
    items: z.array(feedEventSchema),
    nextCursor: z.string().nullable().openapi({
      description: 'Pass as `after` for what comes next; the same as `after` when nothing new has come yet.',
    }),
  })
  .openapi('EventPage');

const feedRouteDef = securedRoute(['admin', 'coordinator', 'logistics'], {
  method: 'get',
  path: '/v1/events',
  operationId: 'readEvents',
  tags: ['Events'],
  summary: 'The event feed, for partners who cannot receive webhooks',
  description:
    'The same events webhooks carry, oldest first, kept 7 days: this organisation’s voucher events and the stock and transfer events of the shelters this key reaches. Poll with the last `nextCursor` as `after`; an event appears about 2 seconds after its change.',
  request: { query: eventQuerySchema },
  responses: { 200: { description: 'Events after the cursor.', content: jsonContent(eventPageSchema) } },
});

export function registerEvents(app: OpenAPIHono<AppEnv>) {
  app.openapi(feedRouteDef, async (c) => {
    return c.json(await readEvents(c.req.valid('query'), c.get('principal'), c.get('deps')), 200);
  });
}
