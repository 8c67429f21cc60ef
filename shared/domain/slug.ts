import { z } from '@hono/zod-openapi';

/** Ids are slugs chosen by the administrator: readable in URLs, logs and exports. */
export const slugSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and hyphens, starting with a letter or digit');
