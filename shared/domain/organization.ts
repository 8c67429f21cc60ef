import { z } from '@hono/zod-openapi';
import { slugSchema } from './slug.js';

export const createOrganizationSchema = z
  .object({
    id: slugSchema,
    name: z.string().trim().min(1).max(200),
  })
  .strict()
  .openapi('CreateOrganization');

export const organizationSchema = createOrganizationSchema
  .extend({ createdAt: z.iso.datetime(), createdBy: z.string() })
  .openapi('Organization');

export type Organization = z.infer<typeof organizationSchema>;
