import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { slugSchema } from '../../domain/slug.js';
import {
  issueVoucherSchema,
  voidVoucherSchema,
  voucherStatusSchema,
  voucherViewSchema,
} from '../../domain/voucher.js';
import { ValidationError } from '../../errors/app-errors.js';
import { buildProblem } from '../../errors/problem-details.js';
import { issueVoucher } from '../../usecases/issue-voucher.js';
import { issueVoucherBatch, MAX_BATCH } from '../../usecases/issue-voucher-batch.js';
import { listVouchers } from '../../usecases/list-vouchers.js';
import { voidVoucher } from '../../usecases/void-voucher.js';
import { loadOwnVoucher, voucherView } from '../../usecases/voucher-context.js';
import type { AppEnv } from '../app-env.js';
import { idempotencyFor } from '../idempotency-context.js';
import { errorResponses, idempotencyErrors, idempotencyHeaders, securedRoute } from '../openapi-route.js';
import { pageQuerySchema, pageSchema } from '../pagination-schemas.js';
import { problemSchema } from '../problem.js';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
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

const issueRoute = securedRoute(
  ['coordinator'],
  {
    method: 'post',
    path: '/v1/vouchers',
    tags: ['Vouchers'],
    summary: 'Issue a voucher (reserves its lines at the shelter)',
    description:
      'When available stock cannot honour it: 409 `insufficient-stock` listing each short item, and nothing is reserved.',
    request: { headers: idempotencyHeaders, body: { required: true, content: json(issueVoucherSchema) } },
    responses: {
      201: { description: 'Issued.', content: json(voucherViewSchema) },
      404: errorResponses[404],
      ...idempotencyErrors,
    },
  },
  { idempotent: true },
);

const batchRoute = securedRoute(
  ['coordinator'],
  {
    method: 'post',
    path: '/v1/vouchers/batch',
    tags: ['Vouchers'],
    summary: `Issue up to ${MAX_BATCH} vouchers, each all-or-nothing, with a result per row`,
    request: { headers: idempotencyHeaders, body: { required: true, content: json(batchSchema) } },
    responses: {
      200: { description: 'A result per row.', content: json(batchResultSchema) },
      ...idempotencyErrors,
    },
  },
  { idempotent: true },
);

const listRoute = securedRoute(['coordinator'], {
  method: 'get',
  path: '/v1/vouchers',
  tags: ['Vouchers'],
  summary: 'Your organisation’s vouchers, newest first',
  request: {
    query: pageQuerySchema.extend({
      status: voucherStatusSchema.optional(),
      shelterId: slugSchema.optional(),
      issuedFrom: z.iso.date().optional().openapi({ description: 'First issue date (UTC), YYYY-MM-DD.' }),
      issuedTo: z.iso
        .date()
        .optional()
        .openapi({ description: 'Last issue date (UTC), YYYY-MM-DD, inclusive.' }),
    }),
  },
  responses: { 200: { description: 'One page.', content: json(pageSchema(voucherViewSchema)) } },
});

const getRoute = securedRoute(['coordinator'], {
  method: 'get',
  path: '/v1/vouchers/{id}',
  tags: ['Vouchers'],
  summary: 'One of your organisation’s vouchers',
  request: { params: voucherParams },
  responses: {
    200: { description: 'The voucher.', content: json(voucherViewSchema) },
    404: errorResponses[404],
  },
});

const voidRoute = securedRoute(
  ['coordinator'],
  {
    method: 'post',
    path: '/v1/vouchers/{id}/void',
    tags: ['Vouchers'],
    summary: 'Cancel a voucher (releases its reservation)',
    request: {
      params: voucherParams,
      headers: idempotencyHeaders,
      body: { required: false, content: json(voidVoucherSchema) },
    },
    responses: {
      200: { description: 'Void.', content: json(voucherViewSchema) },
      404: errorResponses[404],
      ...idempotencyErrors,
    },
  },
  { idempotent: true },
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
    const deps = c.get('deps');
    const claim = c.get('idempotency');
    const batch = await issueVoucherBatch(
      {
        vouchers: c.req.valid('json').vouchers,
        idempotency: claim === undefined ? undefined : { apiKeyId: claim.apiKeyId, key: claim.key },
      },
      c.get('principal'),
      deps,
    );
    // Each failed row as the problem a single issue would have answered, located in the batch.
    const result = {
      ...batch,
      results: batch.results.map((row) => {
        if ('voucher' in row) return { index: row.index, status: 201, voucher: row.voucher };
        const err =
          row.error instanceof ValidationError
            ? row.error.locatedAt(`body.vouchers.${row.index}`)
            : row.error;
        const problem = buildProblem(err.code, err.message, c.get('requestId'), err.extra);
        return { index: row.index, status: problem.status, problem };
      }),
    };
    // Rows committed one by one with their own keys; the batch answer is stored once all are done.
    if (claim !== undefined)
      await deps.stores.idempotency.complete(claim, { status: 200, body: JSON.stringify(result) });
    return c.json(result, 200);
  });

  app.openapi(listRoute, async (c) => {
    const { issuedFrom, issuedTo, ...query } = c.req.valid('query');
    const page = await listVouchers(
      { ...query, issuedFrom, issuedTo: issuedTo === undefined ? undefined : `${issuedTo}T23:59:59.999Z` },
      c.get('principal'),
      c.get('deps'),
    );
    return c.json(page, 200);
  });

  app.openapi(getRoute, async (c) => {
    const deps = c.get('deps');
    const voucher = await loadOwnVoucher(c.req.valid('param').id, c.get('principal'), deps);
    const now = deps.now();
    const beneficiary = await deps.stores.vouchers.beneficiary(voucher.id, now);
    return c.json(voucherView(voucher, beneficiary?.householdSize ?? null, deps.secrets.keyRing, now), 200);
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
