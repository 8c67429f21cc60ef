import type { OpenAPIHono } from '@hono/zod-openapi';
import { transferPlanQuerySchema, transferPlanSchema } from '../../domain/plan-views.js';
import { planNetworkTransfers } from '../../usecases/plan-transfers.js';
import type { AppEnv } from '../app-env.js';
import { errorResponses, jsonContent, securedRoute } from '../openapi-route.js';

const planRoute = securedRoute(['logistics', 'admin'], {
  method: 'get',
  path: '/v1/plans/transfers',
  operationId: 'planTransfers',
  tags: ['Plans'],
  summary: 'Suggested transfers that even days of cover across shelters (what to move where)',
  description:
    'Per item, each shelter needs population x daily need per person x `targetDays` - available - stock in transit to it, ' +
    'and can spare what is on its shelf beyond its own target. Spare stock goes to the lowest days of cover first, in whole units, ' +
    'with as few trips as the plan finds: no source is taken below its target, stock is conserved, and the lowest days of cover ' +
    'in the network is never lowered. A key scoped to some shelters plans among those only. Nothing is written: ' +
    '`POST /v1/transfers` with a trip’s `fromShelterId`, `toShelterId` and `lines` dispatches it.',
  request: { query: transferPlanQuerySchema },
  responses: {
    200: { description: 'The plan.', content: jsonContent(transferPlanSchema) },
    404: errorResponses[404],
  },
});

export function registerPlans(app: OpenAPIHono<AppEnv>) {
  app.openapi(planRoute, async (c) => {
    const plan = await planNetworkTransfers(c.req.valid('query'), c.get('principal'), c.get('deps'));
    c.header('cache-control', 'no-store');
    return c.json(plan, 200);
  });
}
