import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  approveCountSchema,
  cancelCountSchema,
  countReasonSchema,
  countSessionIdSchema,
  enterCountLineSchema,
  rejectCountSchema,
} from '../../domain/count-session.js';
import { countLineViewSchema, countSessionViewSchema } from '../../domain/count-session-view.js';
import { slugSchema } from '../../domain/slug.js';
import { approveCountSession } from '../../usecases/approve-count-session.js';
import { cancelCountSession } from '../../usecases/cancel-count-session.js';
import { enterCountLine } from '../../usecases/enter-count-line.js';
import { giveCountReason } from '../../usecases/give-count-reason.js';
import { rejectCountSession } from '../../usecases/reject-count-session.js';
import { submitCountSession } from '../../usecases/submit-count-session.js';
import type { AppEnv } from '../app-env.js';
import { idempotencyFor } from '../idempotency-context.js';
import {
  errorResponses,
  idempotentWriteRoute,
  inTransaction,
  jsonContent,
  securedRoute,
} from '../openapi-route.js';

const params = z.object({ id: countSessionIdSchema });
const lineParams = z.object({ id: countSessionIdSchema, itemId: slugSchema });
const noBody = z.object({}).strict();
const answered = {
  status: 200,
  description: 'The session after the step.',
  schema: countSessionViewSchema,
} as const;

const lineRoute = securedRoute(['logistics'], {
  method: 'put',
  path: '/v1/count-sessions/{id}/lines/{itemId}',
  operationId: 'enterCountLine',
  tags: ['Counts'],
  summary: 'Enter or change one counted line while the session is counting',
  description:
    'Idempotent by nature (no Idempotency-Key): the same count sent again changes nothing and keeps its first time. Any device may enter any line, so a draft goes on from another phone. Send `countedAt` (the device clock) for a line counted offline and sent later: the line is compared with the books at that time. Who counted and when are kept. While the session is blind the answer holds no figure from the books.',
  request: { params: lineParams, body: { required: true, content: jsonContent(enterCountLineSchema) } },
  responses: {
    200: { description: 'The line as entered.', content: jsonContent(countLineViewSchema) },
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

const reasonRoute = securedRoute(['logistics'], {
  method: 'put',
  path: '/v1/count-sessions/{id}/lines/{itemId}/reason',
  operationId: 'giveCountReason',
  tags: ['Counts'],
  summary: 'Say why a line differs from the books (once submitted)',
  description:
    'Every line beyond tolerance needs a reason before the session can be approved; giving one again replaces it. Idempotent by nature.',
  request: { params: lineParams, body: { required: true, content: jsonContent(countReasonSchema) } },
  responses: {
    200: { description: 'The line with its reason.', content: jsonContent(countLineViewSchema) },
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

const submitRoute = idempotentWriteRoute(
  ['logistics'],
  {
    method: 'post',
    path: '/v1/count-sessions/{id}/submit',
    operationId: 'submitCountSession',
    tags: ['Counts'],
    summary: 'Submit a count: the differences, and the posting if every line is within tolerance',
    description:
      'Every item needs a line first (409 `count-incomplete` names the rest). Each line is compared with the books at its count time; when every difference is within its item’s tolerance (default 2% or 1 unit, whichever is larger) the session posts now, one adjustment per item in one ledger entry. Otherwise it waits (`submitted`) for a reason on each line beyond tolerance and a second person’s approval; nothing moves until then.',
    params,
    body: noBody,
    bodyRequired: false,
    success: answered,
  },
  inTransaction,
);

const approveRoute = idempotentWriteRoute(
  ['logistics'],
  {
    method: 'post',
    path: '/v1/count-sessions/{id}/approve',
    operationId: 'approveCountSession',
    tags: ['Counts'],
    summary: 'Approve a submitted count (a second person): it posts',
    description:
      'Four eyes, per person: nobody approves a line they counted beyond tolerance (from any of their keys), and a machine key never approves (403 `count-needs-second-person`). Every line beyond tolerance needs a reason (409 `count-reasons-missing`). Posts in one transaction: each line adds counted − recorded at its count time to the balance now, so what moved since (a redemption) is kept. Of two approvals at once, one posts; the other is 409.',
    params,
    body: approveCountSchema,
    bodyRequired: false,
    success: answered,
  },
  inTransaction,
);

const rejectRoute = idempotentWriteRoute(
  ['logistics'],
  {
    method: 'post',
    path: '/v1/count-sessions/{id}/reject',
    operationId: 'rejectCountSession',
    tags: ['Counts'],
    summary: 'Send a submitted count back to counting, saying what to recount',
    description: 'Nothing posts. The lines stay, to be counted again where the note says.',
    params,
    body: rejectCountSchema,
    success: answered,
  },
  inTransaction,
);

const cancelRoute = idempotentWriteRoute(
  ['logistics'],
  {
    method: 'post',
    path: '/v1/count-sessions/{id}/cancel',
    operationId: 'cancelCountSession',
    tags: ['Counts'],
    summary: 'Cancel a count that has not posted; nothing ever posts from it',
    params,
    body: cancelCountSchema,
    bodyRequired: false,
    success: answered,
  },
  inTransaction,
);

export function registerCountSessionSteps(app: OpenAPIHono<AppEnv>) {
  app.openapi(lineRoute, async (c) => {
    const { id, itemId } = c.req.valid('param');
    const input = { ...c.req.valid('json'), sessionId: id, itemId };
    return c.json(await enterCountLine(input, c.get('principal'), c.get('deps')), 200);
  });

  app.openapi(reasonRoute, async (c) => {
    const { id, itemId } = c.req.valid('param');
    const input = { ...c.req.valid('json'), sessionId: id, itemId };
    return c.json(await giveCountReason(input, c.get('principal'), c.get('deps')), 200);
  });

  app.openapi(submitRoute, async (c) => {
    const input = { sessionId: c.req.valid('param').id, idempotency: idempotencyFor(c, 200) };
    return c.json(await submitCountSession(input, c.get('principal'), c.get('deps')), 200);
  });

  app.openapi(approveRoute, async (c) => {
    const body = (c.req.valid('json') as z.infer<typeof approveCountSchema> | undefined) ?? {};
    const input = {
      sessionId: c.req.valid('param').id,
      note: body.note,
      idempotency: idempotencyFor(c, 200),
    };
    return c.json(await approveCountSession(input, c.get('principal'), c.get('deps')), 200);
  });

  app.openapi(rejectRoute, async (c) => {
    const input = {
      sessionId: c.req.valid('param').id,
      ...c.req.valid('json'),
      idempotency: idempotencyFor(c, 200),
    };
    return c.json(await rejectCountSession(input, c.get('principal'), c.get('deps')), 200);
  });

  app.openapi(cancelRoute, async (c) => {
    const body = (c.req.valid('json') as z.infer<typeof cancelCountSchema> | undefined) ?? {};
    const input = {
      sessionId: c.req.valid('param').id,
      note: body.note,
      idempotency: idempotencyFor(c, 200),
    };
    return c.json(await cancelCountSession(input, c.get('principal'), c.get('deps')), 200);
  });
}
