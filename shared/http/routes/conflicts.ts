import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  conflictIdSchema,
  conflictSchema,
  conflictStatusSchema,
  resolveConflictSchema,
} from '../../domain/conflict.js';
import { pageQuerySchema } from '../../domain/page-query.js';
import { slugSchema } from '../../domain/slug.js';
import { getConflict, listConflicts, resolveConflict } from '../../usecases/conflicts.js';
import type { AppEnv } from '../app-env.js';
import { idempotencyFor } from '../idempotency-context.js';
import { readListPage } from '../list-page.js';
import { errorResponses, idempotentWriteRoute, jsonContent, securedRoute } from '../openapi-route.js';
import { pageSchema } from '../pagination-schemas.js';

const roles = ['admin', 'coordinator', 'logistics'] as const;
const conflictParams = z.object({ id: conflictIdSchema });

const listRoute = securedRoute([...roles], {
  method: 'get',
  path: '/v1/conflicts',
  tags: ['Conflicts'],
  summary: 'Offline handovers that could not become redemptions, by shelter and status',
  description:
    'Coordinators see the conflicts of their organisation’s vouchers; logistics leads every one of their shelters.',
  operationId: 'listConflicts',
  request: {
    query: pageQuerySchema.extend({ shelterId: slugSchema, status: conflictStatusSchema.optional() }),
  },
  responses: {
    200: { description: 'One page.', content: jsonContent(pageSchema(conflictSchema)) },
    404: errorResponses[404],
  },
});

const getRoute = securedRoute([...roles], {
  method: 'get',
  path: '/v1/conflicts/{id}',
  tags: ['Conflicts'],
  summary: 'A conflict: the voucher, both handovers, devices and times',
  operationId: 'getConflict',
  request: { params: conflictParams },
  responses: {
    200: { description: 'The conflict.', content: jsonContent(conflictSchema) },
    404: errorResponses[404],
  },
});

const resolveRoute = idempotentWriteRoute([...roles], {
  method: 'post',
  path: '/v1/conflicts/{id}/resolve',
  tags: ['Conflicts'],
  summary: 'Resolve a conflict with who and why',
  description:
    '"goods-handed-out": the goods left twice; stock goes down by the offline lines as an adjustment with reason duplicate-handover. "no-goods": nothing moves. Resolved once (409 after).',
  operationId: 'resolveConflict',
  params: conflictParams,
  body: resolveConflictSchema,
  success: { status: 200, description: 'Resolved.', schema: conflictSchema },
});

export function registerConflicts(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    const page = await readListPage(c, c.req.valid('query'), (query) =>
      listConflicts(query, c.get('principal'), c.get('deps')),
    );
    return c.json(page, 200);
  });

  app.openapi(getRoute, async (c) => {
    return c.json(
      await getConflict({ conflictId: c.req.valid('param').id }, c.get('principal'), c.get('deps')),
      200,
    );
  });

  app.openapi(resolveRoute, async (c) => {
    const input = {
      conflictId: c.req.valid('param').id,
      ...c.req.valid('json'),
      idempotency: idempotencyFor(c, 200),
    };
    return c.json(await resolveConflict(input, c.get('principal'), c.get('deps')), 200);
  });
}
