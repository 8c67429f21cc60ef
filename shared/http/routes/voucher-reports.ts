import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { vouchersToday, vouchersTodayQuerySchema } from '../../usecases/vouchers-today.js';
import type { AppEnv } from '../app-env.js';
import { errorResponses, securedRoute } from '../openapi-route.js';

const reportSchema = z
  .object({
    day: z.string().openapi({ example: '2026-11-27' }),
    from: z.string(),
    to: z.string(),
    utcOffsetMinutes: z.number().int(),
    orgId: z
      .string()
      .openapi({ description: 'Whose vouchers `issued` counts: the calling key’s organisation.' }),
    shelters: z.array(
      z.object({
        shelterId: z.string(),
        issued: z.number().int().openapi({ description: 'Vouchers of your organisation issued today.' }),
        redeemed: z.number().int().openapi({
          description: 'Vouchers redeemed today at the shelter, whichever organisation issued them.',
        }),
      }),
    ),
  })
  .openapi('VouchersToday');

const route = securedRoute(['logistics', 'admin'], {
  method: 'get',
  path: '/v1/reports/vouchers-today',
  operationId: 'getVouchersToday',
  tags: ['Stock'],
  summary: 'Vouchers issued and redeemed today, per shelter (counts only)',
  description:
    'Today is the calendar day at `utcOffsetMinutes` (default 420: Cambodia, UTC+07:00). Counts only: no voucher or household data.',
  request: { query: vouchersTodayQuerySchema },
  responses: {
    200: {
      description: 'Counts per shelter in the key’s scope.',
      content: { 'application/json': { schema: reportSchema } },
    },
    404: errorResponses[404],
  },
});

export function registerVoucherReports(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const report = await vouchersToday(c.req.valid('query'), c.get('principal'), c.get('deps'));
    c.header('cache-control', 'no-store');
    return c.json(report, 200);
  });
}
