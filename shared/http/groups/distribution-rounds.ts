import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { registerBeneficiaryChecks } from '../routes/beneficiary-checks.js';
import { registerRoundHouseholds } from '../routes/round-households.js';
import { registerRoundReports } from '../routes/round-reports.js';
import { registerRounds } from '../routes/rounds.js';

/** Distribution rounds: rules, household lists (JSON and CSV), forecasts, reconciliation, "served before?". */
export function registerDistributionRounds(app: OpenAPIHono<AppEnv>): void {
  registerRounds(app);
  registerRoundHouseholds(app);
  registerRoundReports(app);
  registerBeneficiaryChecks(app);
}
