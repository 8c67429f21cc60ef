import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { reconciliationViewSchema } from '../../domain/round-report-view.js';
import { reconciliationCsv, roundReconciliation } from '../../usecases/round-reconciliation.js';
import type { AppEnv } from '../app-env.js';
import { errorResponses, securedRoute } from '../openapi-route.js';
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
}
