import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { registerApiKeys } from '../routes/api-keys.js';
import { registerInvitations } from '../routes/invitations.js';
import { registerOrganizations } from '../routes/organizations.js';
import { registerPeople } from '../routes/people.js';

/** Organisations, API keys, people and their invitations: an admin's and a coordinator's set-up, rarely called. */
export function registerAdministration(app: OpenAPIHono<AppEnv>): void {
  registerOrganizations(app);
  registerApiKeys(app);
  registerPeople(app);
  registerInvitations(app);
}
