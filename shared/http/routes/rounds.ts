import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { createRoundSchema, roundQuerySchema, roundSchema, updateRoundSchema } from '../../domain/round.js';
import { closeRound } from '../../usecases/close-round.js';
import { createRound } from '../../usecases/create-round.js';
import { getRound, listRounds } from '../../usecases/list-rounds.js';
import { openRound } from '../../usecases/open-round.js';
import { updateRound } from '../../usecases/update-round.js';
import type { AppEnv } from '../app-env.js';
import { readListPage } from '../list-page.js';
import { errorResponses, idempotentWriteRoute, jsonContent, securedRoute } from '../openapi-route.js';
import { pageSchema } from '../pagination-schemas.js';

export const roundParams = z.object({ id: z.string().min(1).max(64) });

const createRoute = idempotentWriteRoute(
  ['coordinator', 'admin'],
  {
    method: 'post',
    path: '/v1/rounds',
    operationId: 'createRound',
    tags: ['Rounds'],
    summary: 'Create a distribution round (a draft) with its ration rules',
    description:
      'A coordinator’s round is its own organisation’s, at shelters of its key’s scope; an admin may share a round across organisations (`organizationIds`). Bad rules are refused field by field (`body.rules.2.people`).',
    body: createRoundSchema,
    success: { status: 201, description: 'Created, as a draft.', schema: roundSchema },
    notFound: false,
  },
  { location: '/v1/rounds', storeResponse: true },
);

const listRoute = securedRoute(['coordinator', 'admin'], {
  method: 'get',
  path: '/v1/rounds',
  operationId: 'listRounds',
  tags: ['Rounds'],
  summary: 'Rounds your organisation shares, newest first',
  request: { query: roundQuerySchema },
  responses: { 200: { description: 'One page.', content: jsonContent(pageSchema(roundSchema)) } },
});

const getRoute = securedRoute(['coordinator', 'admin'], {
  method: 'get',
  path: '/v1/rounds/{id}',
  operationId: 'getRound',
  tags: ['Rounds'],
  summary: 'One round',
  request: { params: roundParams },
  responses: {
    200: { description: 'The round.', content: jsonContent(roundSchema) },
    404: errorResponses[404],
  },
});

const patchRoute = securedRoute(['coordinator', 'admin'], {
  method: 'patch',
  path: '/v1/rounds/{id}',
  operationId: 'updateRound',
  tags: ['Rounds'],
  summary: 'Change a draft round (new rules raise rulesVersion)',
  request: { params: roundParams, body: { required: true, content: jsonContent(updateRoundSchema) } },
  responses: {
    200: { description: 'Updated.', content: jsonContent(roundSchema) },
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

const openRoute = idempotentWriteRoute(
  ['coordinator', 'admin'],
  {
    method: 'post',
    path: '/v1/rounds/{id}/open',
    operationId: 'openRound',
    tags: ['Rounds'],
    summary: 'Open a draft round: households can be issued from now on',
    params: roundParams,
    body: z.object({}).strict(),
    bodyRequired: false,
    success: { status: 200, description: 'Open.', schema: roundSchema },
  },
  { storeResponse: true },
);

const closeRoute = idempotentWriteRoute(
  ['coordinator', 'admin'],
  {
    method: 'post',
    path: '/v1/rounds/{id}/close',
    operationId: 'closeRound',
    tags: ['Rounds'],
    summary: 'Close a round, four eyes: one key asks, a second key of the same organisation confirms',
    description:
      'The first call records `closeRequest` (the round stays `open`). The same call by a different key of the requesting organisation closes it: every outstanding voucher is voided (past its validity: expired), its reservation released, and the reconciliation frozen. The same key twice, or a key of another organisation, is 409; a key whose scope leaves out a shelter of the round is 403 (it could not void those vouchers one by one either).',
    params: roundParams,
    body: z.object({}).strict(),
    bodyRequired: false,
    success: {
      status: 200,
      description: 'The round: `open` with `closeRequest` after the first key, `closed` after the second.',
      schema: roundSchema,
    },
  },
  { storeResponse: true },
);

export function registerRounds(app: OpenAPIHono<AppEnv>) {
  app.openapi(createRoute, async (c) => {
    return c.json(await createRound(c.req.valid('json'), c.get('principal'), c.get('deps')), 201);
  });
  app.openapi(listRoute, async (c) => {
    const page = await readListPage(c, c.req.valid('query'), (query) =>
      listRounds(query, c.get('principal'), c.get('deps')),
    );
    return c.json(page, 200);
  });
  app.openapi(getRoute, async (c) => {
    return c.json(
      await getRound({ roundId: c.req.valid('param').id }, c.get('principal'), c.get('deps')),
      200,
    );
  });
  app.openapi(patchRoute, async (c) => {
    const input = { roundId: c.req.valid('param').id, patch: c.req.valid('json') };
    return c.json(await updateRound(input, c.get('principal'), c.get('deps')), 200);
  });
  app.openapi(openRoute, async (c) => {
    return c.json(
      await openRound({ roundId: c.req.valid('param').id }, c.get('principal'), c.get('deps')),
      200,
    );
  });
  app.openapi(closeRoute, async (c) => {
    return c.json(
      await closeRound({ roundId: c.req.valid('param').id }, c.get('principal'), c.get('deps')),
      200,
    );
  });
}
