import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { registerCountSessionSteps } from '../routes/count-session-steps.js';
import { registerCountSessions } from '../routes/count-sessions.js';

/** Count sessions (issue 23 §2): started at a shelter, counted line by line, submitted, approved. */
export function registerStockCounts(app: OpenAPIHono<AppEnv>): void {
  registerCountSessions(app);
  registerCountSessionSteps(app);
}
