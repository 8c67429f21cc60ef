import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { registerNeedsReports } from '../routes/needs-reports.js';
import { registerPlans } from '../routes/plans.js';

/** What to move where (issue 23): the suggested transfer plan and the needs report for donors. */
export function registerLogisticsPlans(app: OpenAPIHono<AppEnv>): void {
  registerPlans(app);
  registerNeedsReports(app);
}
