import { z } from '@hono/zod-openapi';
import { createdFields } from './attribution.js';
import { slugSchema } from './slug.js';

export const createOrganizationSchema = z
  .object({
    id: slugSchema,
    name: z.string().trim().min(1).max(200),
  })
  .strict()
  .openapi('CreateOrganization');

export type CreateOrganizationInput = z.infer<typeof createOrganizationSchema>;

/** An organisation as stored and shown (only admins read organisations). Parsed on every read. */
export const organizationSchema = createOrganizationSchema
  .extend(createdFields)
  .strict()
  .openapi('Organization');

export type Organization = z.infer<typeof organizationSchema>;
