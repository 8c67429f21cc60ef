import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { issueVoucherSchema, voidVoucherSchema, voucherViewSchema } from '../../domain/voucher.js';
import { getVoucher } from '../../usecases/get-voucher.js';
import { issueVoucher } from '../../usecases/issue-voucher.js';
import { issueVoucherBatch, MAX_BATCH } from '../../usecases/issue-voucher-batch.js';
import { listVouchers, voucherQuerySchema } from '../../usecases/list-vouchers.js';
import { voidVoucher } from '../../usecases/void-voucher.js';
import type { AppEnv } from '../app-env.js';
import { batchAnswer } from '../batch-row-problem.js';
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
import { problemSchema } from '../problem.js';

export const voucherParams = z.object({ id: z.string().min(1).max(64) });

const batchSchema = z
  .object({ vouchers: z.array(issueVoucherSchema).min(1).max(MAX_BATCH) })
  .strict()
  .openapi('IssueVoucherBatch');
const batchResultSchema = z
  .object({
    issued: z.number().int(),
    failed: z.number().int(),
    results: z.array(
      z.object({
        index: z.number().int(),
        status: z.number().int(),
        voucher: voucherViewSchema.optional(),
        problem: problemSchema.optional(),
      }),
    ),
  })
  .openapi('IssueVoucherBatchResult');

const issueRoute = idempotentWriteRoute(
  ['coordinator'],
  {
    method: 'post',
    path: '/v1/vouchers',
    operationId: 'issueVoucher',
    tags: ['Vouchers'],
    summary: 'Issue a voucher (reserves its lines at the shelter)',
    description:
      'When available stock cannot honour it: 409 `insufficient-stock` listing each short item, and nothing is reserved.',
    body: issueVoucherSchema,
    success: { status: 201, description: 'Issued.', schema: voucherViewSchema },
  },
  { location: '/v1/vouchers', recordedInTransaction: true },
);

const batchRoute = idempotentWriteRoute(
  ['coordinator'],
  {
    method: 'post',
    path: '/v1/vouchers/batch',
    operationId: 'issueVoucherBatch',
    tags: ['Vouchers'],
    summary: `Issue up to ${MAX_BATCH} vouchers, each all-or-nothing, with a result per row`,
    body: batchSchema,
    success: { status: 200, description: 'A result per row.', schema: batchResultSchema },
    // A row naming an unknown shelter fails in its own result; the batch itself never answers 404.
    notFound: false,
  },
  // Rows commit one by one, each under its own derived key; the batch's answer is stored once
  // all are done.
  { storeResponse: true },
);

const listRoute = securedRoute(['coordinator'], {
  method: 'get',
  path: '/v1/vouchers',
  operationId: 'listVouchers',
  tags: ['Vouchers'],
  summary: 'Your organisation’s vouchers, newest first',
  request: { query: voucherQuerySchema },
  responses: { 200: { description: 'One page.', content: jsonContent(pageSchema(voucherViewSchema)) } },
});

const getRoute = securedRoute(['coordinator'], {
  method: 'get',
  path: '/v1/vouchers/{id}',
  operationId: 'getVoucher',
  tags: ['Vouchers'],
  summary: 'One of your organisation’s vouchers',
  request: { params: voucherParams },
  responses: {
    200: { description: 'The voucher.', content: jsonContent(voucherViewSchema) },
    404: errorResponses[404],
  },
});

const voidRoute = idempotentWriteRoute(
  ['coordinator'],
  {
    method: 'post',
    path: '/v1/vouchers/{id}/void',
    operationId: 'voidVoucher',
    tags: ['Vouchers'],
    summary: 'Cancel a voucher (releases its reservation)',
    params: voucherParams,
    body: voidVoucherSchema,
    bodyRequired: false,
    success: { status: 200, description: 'Void.', schema: voucherViewSchema },
  },
  inTransaction,
);

export function registerVouchers(app: OpenAPIHono<AppEnv>) {
  app.openapi(issueRoute, async (c) => {
    const view = await issueVoucher(
      { ...c.req.valid('json'), idempotency: idempotencyFor(c, 201) },
      c.get('principal'),
      c.get('deps'),
    );
    return c.json(view, 201);
  });

  app.openapi(batchRoute, async (c) => {
    const claim = c.get('idempotency');
    const batch = await issueVoucherBatch(
      {
        vouchers: c.req.valid('json').vouchers,
        idempotency: claim === undefined ? undefined : { apiKeyId: claim.apiKeyId, key: claim.key },
      },
      c.get('principal'),
      c.get('deps'),
    );
    // Each failed row as the problem a single issue would have answered, located in the batch;
    // the idempotent() middleware stores this whole answer once every row is done.
    const result = batchAnswer(batch, c.get('requestId'));
    return c.json(result, 200);
  });

  app.openapi(listRoute, async (c) => {
    const page = await readListPage(c, c.req.valid('query'), (query) =>
      listVouchers(query, c.get('principal'), c.get('deps')),
    );
    return c.json(page, 200);
  });

  app.openapi(getRoute, async (c) => {
    const voucherId = c.req.valid('param').id;
    return c.json(await getVoucher({ voucherId }, c.get('principal'), c.get('deps')), 200);
  });

  app.openapi(voidRoute, async (c) => {
    const view = await voidVoucher(
      { voucherId: c.req.valid('param').id, ...c.req.valid('json'), idempotency: idempotencyFor(c, 200) },
      c.get('principal'),
      c.get('deps'),
    );
    return c.json(view, 200);
  });
}
