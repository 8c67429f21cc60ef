import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Principal } from '../../domain/api-key.js';
import type { IdempotencyCompletion } from '../../domain/idempotency.js';
import { adjustmentSchema, countSchema, movementSchema, receiptSchema } from '../../domain/movement.js';
import { slugSchema } from '../../domain/slug.js';
import { countResultSchema } from '../../domain/stock-count.js';
import { recordAdjustment } from '../../usecases/record-adjustment.js';
import { recordCount } from '../../usecases/record-count.js';
import { recordReceipt } from '../../usecases/record-receipt.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { idempotencyFor } from '../idempotency-context.js';
import { idempotentWriteRoute, inTransaction } from '../openapi-route.js';

const params = z.object({ id: slugSchema });

const recorded = {
  status: 201,
  description: 'Recorded: the ledger entry, with each line’s balance after.',
  schema: movementSchema,
} as const;

const receiptRoute = idempotentWriteRoute(
  ['logistics'],
  {
    method: 'post',
    path: '/v1/shelters/{id}/receipts',
    operationId: 'recordReceipt',
    tags: ['Stock'],
    summary: 'Record stock received at a shelter',
    params,
    body: receiptSchema,
    success: recorded,
  },
  inTransaction,
);

const adjustmentRoute = idempotentWriteRoute(
  ['logistics'],
  {
    method: 'post',
    path: '/v1/shelters/{id}/adjustments',
    operationId: 'recordAdjustment',
    tags: ['Stock'],
    summary: 'Correct stock (damaged, expired, lost, count, other), signed quantities',
    description:
      'Refused with 409 `insufficient-stock`, naming the items, if on-hand stock would go below zero.',
    params,
    body: adjustmentSchema,
    success: recorded,
  },
  inTransaction,
);

const countRoute = idempotentWriteRoute(
  ['logistics'],
  {
    method: 'post',
    path: '/v1/shelters/{id}/counts',
    operationId: 'recordCount',
    tags: ['Stock'],
    summary: 'Record a physical count; differences become count adjustments',
    description:
      'A count below what vouchers reserved is recorded (it is what is on the shelf) and answered with a warning per item naming the vouchers it no longer backs.',
    params,
    body: countSchema,
    success: {
      status: 201,
      description: 'Recorded: the ledger entry, with each line’s balance after, and any warnings.',
      schema: countResultSchema,
    },
  },
  inTransaction,
);

/** The three routes differ only in their use case: each records one movement at the shelter in the path. */
type RecordMovement<I, R> = (
  input: I & { shelterId: string; idempotency?: IdempotencyCompletion | undefined },
  actor: Principal,
  deps: AppDeps,
) => Promise<R>;

async function recordAtShelter<I, R extends object>(
  c: Context<AppEnv>,
  record: RecordMovement<I, R>,
  shelterId: string,
  input: I,
) {
  const movement = await record(
    { ...input, shelterId, idempotency: idempotencyFor(c, 201) },
    c.get('principal'),
    c.get('deps'),
  );
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
