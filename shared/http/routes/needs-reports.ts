import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { needsQuerySchema, needsReportSchema } from '../../domain/plan-views.js';
import { needsReport, needsReportCsv } from '../../usecases/needs-report.js';
import type { AppEnv } from '../app-env.js';
import { errorResponses, jsonContent, securedRoute } from '../openapi-route.js';

const readers = ['logistics', 'coordinator', 'admin'] as const;
const description =
  'Per shelter and item, what is missing to reach `targetDays` of cover: population x daily need per person x days, ' +
  'less what is available (on hand minus reserved) and what is on its way. Only rows missing something; keys scoped ' +
  'to some shelters see those only, and confidential shelters’ locations reach admins only.';

const needsRoute = securedRoute([...readers], {
  method: 'get',
  path: '/v1/reports/needs',
  operationId: 'getNeedsReport',
  tags: ['Plans'],
  summary: 'What each shelter is missing to reach N days of cover (for donors)',
  description,
  request: { query: needsQuerySchema },
  responses: {
    200: { description: 'The report.', content: jsonContent(needsReportSchema) },
    404: errorResponses[404],
  },
});

const needsCsvRoute = securedRoute([...readers], {
  method: 'get',
  path: '/v1/reports/needs.csv',
  operationId: 'getNeedsReportCsv',
  tags: ['Plans'],
  summary: 'The needs report as CSV with an HXL hashtag row',
  description,
  request: { query: needsQuerySchema },
  responses: {
    200: {
      description: 'CSV: header row, HXL hashtag row, one row per shelter and item missing something.',
      content: { 'text/csv': { schema: z.string() } },
    },
    404: errorResponses[404],
  },
});

export function registerNeedsReports(app: OpenAPIHono<AppEnv>) {
  app.openapi(needsRoute, async (c) => {
    const report = await needsReport(c.req.valid('query'), c.get('principal'), c.get('deps'));
    c.header('cache-control', 'no-store');
    return c.json(report, 200);
  });

  app.openapi(needsCsvRoute, async (c) => {
    const query = c.req.valid('query');
    const report = await needsReportCsv(query, c.get('principal'), c.get('deps'));
    c.header('cache-control', 'no-store');
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header(
      'content-disposition',
      `attachment; filename="supplyline-needs-${query.targetDays}-days-${report.date}.csv"`,
    );
    return c.body(report.csv, 200) as never;
  });
}
