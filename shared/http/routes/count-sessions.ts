import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  countSessionIdSchema,
  countSessionStatusSchema,
  createCountSessionSchema,
} from '../../domain/count-session.js';
import { countSessionSummarySchema, countSessionViewSchema } from '../../domain/count-session-view.js';
import { pageQuerySchema } from '../../domain/page-query.js';
import { slugSchema } from '../../domain/slug.js';
import { createCountSession } from '../../usecases/create-count-session.js';
import { getCountSession } from '../../usecases/get-count-session.js';
import { listCountSessions } from '../../usecases/list-count-sessions.js';
import type { AppEnv } from '../app-env.js';
import { idempotencyFor } from '../idempotency-context.js';
import { readListPage } from '../list-page.js';
import {
  errorResponses,
  idempotentWriteRoute,
  inTransaction,
  jsonContent,
  securedRoute,
} from '../openapi-route.js';
import { pageSchema } from '../pagination-schemas.js';

const BLIND =
  'Blind by default: while a session is counting, no read of it shows what the books say (`figuresShown` false), so counters count what is there, not what they expect.';

const createRoute = idempotentWriteRoute(
  ['logistics'],
  {
    method: 'post',
    path: '/v1/shelters/{id}/count-sessions',
    operationId: 'createCountSession',
    tags: ['Counts'],
    summary: 'Start a count session at a shelter: every item, a category, or a list',
    description: `${BLIND} At most 90 items a session (one transaction posts it): count a larger catalogue by category. Lines are then entered from any device (PUT .../lines/{itemId}), the session submitted, and, where a line differs beyond its item's tolerance, approved by a second person.`,
    params: z.object({ id: slugSchema }),
    body: createCountSessionSchema,
    success: { status: 201, description: 'Started.', schema: countSessionViewSchema },
  },
  { ...inTransaction, location: '/v1/count-sessions' },
);

const listRoute = securedRoute(['logistics', 'admin'], {
  method: 'get',
  path: '/v1/shelters/{id}/count-sessions',
  operationId: 'listCountSessions',
  tags: ['Counts'],
  summary: 'A shelter’s count sessions, newest first',
  description: 'status=counting lists the drafts a device can go on with.',
  request: {
    params: z.object({ id: slugSchema }),
    query: pageQuerySchema.extend({ status: countSessionStatusSchema.optional() }).strict(),
  },
  responses: {
    200: { description: 'One page.', content: jsonContent(pageSchema(countSessionSummarySchema)) },
    404: errorResponses[404],
  },
});

const getRoute = securedRoute(['logistics', 'admin'], {
  method: 'get',
  path: '/v1/count-sessions/{id}',
  operationId: 'getCountSession',
  tags: ['Counts'],
  summary: 'A count session with every line (names in English and Khmer, units, who counted and when)',
  description: `${BLIND} Submitted sessions show each line reviewed against the books now (what an approval would post), posted ones what they posted. A session of a shelter outside the key's scope answers 404.`,
  request: { params: z.object({ id: countSessionIdSchema }) },
  responses: {
    200: { description: 'The session.', content: jsonContent(countSessionViewSchema) },
    404: errorResponses[404],
  },
});

export function registerCountSessions(app: OpenAPIHono<AppEnv>) {
  app.openapi(createRoute, async (c) => {
    const input = {
      ...c.req.valid('json'),
      shelterId: c.req.valid('param').id,
      idempotency: idempotencyFor(c, 201),
    };
    return c.json(await createCountSession(input, c.get('principal'), c.get('deps')), 201);
  });

  app.openapi(listRoute, async (c) => {
    const shelterId = c.req.valid('param').id;
    const page = await readListPage(c, c.req.valid('query'), (query) =>
      listCountSessions({ ...query, shelterId }, c.get('principal'), c.get('deps')),
    );
    return c.json(page, 200);
  });

  app.openapi(getRoute, async (c) => {
    const input = { sessionId: c.req.valid('param').id };
    return c.json(await getCountSession(input, c.get('principal'), c.get('deps')), 200);
  });
}
