import { z } from '@hono/zod-openapi';
import type { Principal } from './api-key.js';
import { attributionFor, createdFields } from './attribution.js';
import { slugSchema } from './slug.js';

export const createPickupPointSchema = z
  .object({
    id: slugSchema.optional().openapi({ description: 'Chosen id; generated when absent.' }),
    name: z.string().trim().min(1).max(200),
    nameKm: z.string().trim().min(1).max(200).optional().openapi({
      description: 'Name in Khmer, shown to volunteers who read Khmer.',
    }),
  })
  .strict()
  .openapi('CreatePickupPoint');

export type CreatePickupPointInput = z.infer<typeof createPickupPointSchema>;

/** A pickup point as stored. It never moves to another shelter (no operation changes `shelterId`). */
export const pickupPointSchema = z
  .object({
    id: slugSchema,
    shelterId: slugSchema,
    name: z.string(),
    nameKm: z.string().optional(),
    ...createdFields,
  })
  .strict();

/** A pickup point as the API shows it: `createdBy` (a key id) to admins only. */
export const pickupPointViewSchema = pickupPointSchema.partial({ createdBy: true }).openapi('PickupPoint');

export type PickupPoint = z.infer<typeof pickupPointSchema>;
export type PickupPointView = z.infer<typeof pickupPointViewSchema>;

export function pickupPointView(point: PickupPoint, viewer: Pick<Principal, 'role'>): PickupPointView {
  return attributionFor(point, viewer);
}
