import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { reconciliationViewSchema } from '../../domain/round-report-view.js';
import {
  beneficiaryCheckResultSchema,
  beneficiaryCheckSchema,
  checkBeneficiaries,
} from '../../usecases/check-beneficiaries.js';
import { reconciliationCsv, roundReconciliation } from '../../usecases/round-reconciliation.js';
import type { AppEnv } from '../app-env.js';
import { errorResponses, jsonContent, securedRoute } from '../openapi-route.js';
import { roundParams } from './rounds.js';

const reconciliationRoute = securedRoute(['coordinator', 'admin'], {
  method: 'get',
  path: '/v1/rounds/{id}/reconciliation',
  operationId: 'getRoundReconciliation',
  tags: ['Rounds'],
  summary: 'Vouchers issued, redeemed, voided, expired and outstanding against stock that left the ledger',
  description:
    'Per organisation, shelter and item. `?format=csv` answers CSV with an HXL hashtag row. A closed round answers the report frozen when it closed. A coordinator sees its own organisation’s rows.',
  request: {
    params: roundParams,
    query: z.object({ format: z.enum(['json', 'csv']).default('json') }).strict(),
  },
  responses: {
    200: {
      description: 'The reconciliation.',
      content: {
        'application/json': { schema: reconciliationViewSchema },
        'text/csv': { schema: z.string() },
      },
    },
    404: errorResponses[404],
  },
});

const checkRoute = securedRoute(['coordinator'], {
  method: 'post',
  path: '/v1/beneficiaries/check',
  operationId: 'checkBeneficiaries',
  tags: ['Rounds'],
  summary:
    'Served before? For each reference: holds a voucher in an open round, and when it was last redeemed',
  description:
    'Across every organisation, and nothing else: never which organisation, round or shelter. Changes nothing, so no Idempotency-Key. The references are pseudonymised at once and are never logged, stored or sent back: results come in request order.',
  request: { body: { required: true, content: jsonContent(beneficiaryCheckSchema) } },
  responses: {
    200: { description: 'One result per reference.', content: jsonContent(beneficiaryCheckResultSchema) },
  },
});

export function registerRoundReports(app: OpenAPIHono<AppEnv>) {
  app.openapi(reconciliationRoute, async (c) => {
    const report = await roundReconciliation(
      { roundId: c.req.valid('param').id },
      c.get('principal'),
      c.get('deps'),
    );
    c.header('cache-control', 'no-store');
    if (c.req.valid('query').format === 'csv') {
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header(
        'content-disposition',
        `attachment; filename="supplyline-${report.roundId}-reconciliation.csv"`,
      );
      return c.body(reconciliationCsv(report), 200) as never;
    }
    return c.json(report, 200);
  });
  app.openapi(checkRoute, async (c) => {
    return c.json(await checkBeneficiaries(c.req.valid('json'), c.get('principal'), c.get('deps')), 200);
  });
}
