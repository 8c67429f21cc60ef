import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Principal } from '../../domain/api-key.js';
import { adjustmentReasonSchema, type Movement, movementSchema } from '../../domain/movement.js';
import { slugSchema } from '../../domain/slug.js';
import { countLinesSchema, positiveLinesSchema, signedLinesSchema } from '../../domain/stock-lines.js';
import { recordAdjustment } from '../../usecases/record-adjustment.js';
import { recordCount } from '../../usecases/record-count.js';
import { recordReceipt } from '../../usecases/record-receipt.js';
import type { StockDeps } from '../../usecases/record-shelter-movement.js';
import type { IdempotentResponse } from '../../usecases/stock-context.js';
import type { AppEnv } from '../app-env.js';
import { idempotencyFor } from '../idempotency-context.js';
import {
  errorResponses,
  idempotencyErrors,
  idempotencyHeaders,
  jsonContent,
  securedRoute,
} from '../openapi-route.js';

const params = z.object({ id: slugSchema });
const note = z.string().trim().max(500).optional();

const receiptSchema = z
  .object({
    source: z.string().trim().min(1).max(200).openapi({ example: 'WFP Cambodia' }),
    reference: z
      .string()
      .trim()
      .max(200)
      .optional()
      .openapi({ description: 'Delivery note or donor reference.' }),
    note,
    lines: positiveLinesSchema,
  })
  .strict()
  .openapi('Receipt');

const adjustmentSchema = z
  .object({ reason: adjustmentReasonSchema, note, lines: signedLinesSchema })
  .strict()
  .openapi('Adjustment');

const countSchema = z.object({ note, lines: countLinesSchema }).strict().openapi('Count');

const movementResponses = {
  201: {
    description: 'Recorded: the ledger entry, with each line’s balance after.',
    content: jsonContent(movementSchema),
  },
  404: errorResponses[404],
  ...idempotencyErrors,
};

const receiptRoute = securedRoute(
  ['logistics'],
  {
    method: 'post',
    path: '/v1/shelters/{id}/receipts',
    tags: ['Stock'],
    summary: 'Record stock received at a shelter',
    request: {
      params,
      headers: idempotencyHeaders,
      body: { required: true, content: jsonContent(receiptSchema) },
    },
    responses: movementResponses,
  },
  { idempotent: true },
);

const adjustmentRoute = securedRoute(
  ['logistics'],
  {
    method: 'post',
    path: '/v1/shelters/{id}/adjustments',
    tags: ['Stock'],
    summary: 'Correct stock (damaged, expired, lost, count, other), signed quantities',
    description:
      'Refused with 409 `insufficient-stock`, naming the items, if on-hand stock would go below zero.',
    request: {
      params,
      headers: idempotencyHeaders,
      body: { required: true, content: jsonContent(adjustmentSchema) },
    },
    responses: movementResponses,
  },
  { idempotent: true },
);

const countRoute = securedRoute(
  ['logistics'],
  {
    method: 'post',
    path: '/v1/shelters/{id}/counts',
    tags: ['Stock'],
    summary: 'Record a physical count; differences become count adjustments',
    request: {
      params,
      headers: idempotencyHeaders,
      body: { required: true, content: jsonContent(countSchema) },
    },
    responses: movementResponses,
  },
  { idempotent: true },
);

/** The three routes differ only in their use case: each records one movement at the shelter in the path. */
type RecordMovement<I> = (
  shelterId: string,
  input: I,
  actor: Principal,
  deps: StockDeps,
  idempotency?: IdempotentResponse,
) => Promise<Movement>;

async function recordAtShelter<I>(
  c: Context<AppEnv>,
  record: RecordMovement<I>,
  shelterId: string,
  input: I,
) {
  const movement = await record(shelterId, input, c.get('principal'), c.get('deps'), idempotencyFor(c, 201));
  return c.json(movement, 201);
}

export function registerStockMovements(app: OpenAPIHono<AppEnv>) {
  app.openapi(receiptRoute, (c) =>
    recordAtShelter(c, recordReceipt, c.req.valid('param').id, c.req.valid('json')),
  );
  app.openapi(adjustmentRoute, (c) =>
    recordAtShelter(c, recordAdjustment, c.req.valid('param').id, c.req.valid('json')),
  );
  app.openapi(countRoute, (c) =>
    recordAtShelter(c, recordCount, c.req.valid('param').id, c.req.valid('json')),
  );
}
