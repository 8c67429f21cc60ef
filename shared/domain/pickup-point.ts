import { z } from '@hono/zod-openapi';
import { slugSchema } from './slug.js';

export const createPickupPointSchema = z
  .object({
    id: slugSchema.optional().openapi({ description: 'Chosen id; generated when absent.' }),
    name: z.string().trim().min(1).max(200),
  })
  .strict()
  .openapi('CreatePickupPoint');

export const pickupPointSchema = z
  .object({ id: slugSchema, shelterId: slugSchema, name: z.string(), createdAt: z.string() })
  .openapi('PickupPoint');

export type PickupPoint = z.infer<typeof pickupPointSchema>;
