import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { registerApiKeys } from '../routes/api-keys.js';
import { registerOrganizations } from '../routes/organizations.js';

/** Organisations and API keys: an admin's and a coordinator's set-up, rarely called. */
export function registerAdministration(app: OpenAPIHono<AppEnv>): void {
  registerOrganizations(app);
  registerApiKeys(app);
}
