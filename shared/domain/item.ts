import { z } from '@hono/zod-openapi';
import { slugSchema } from './slug.js';

export const itemCategorySchema = z
  .enum(['food', 'water', 'bedding', 'hygiene', 'other'])
  .openapi('ItemCategory');
export const itemUnitSchema = z.enum(['kg', 'L', 'piece', 'pack']).openapi('ItemUnit');

export const createItemSchema = z
  .object({
    id: slugSchema.openapi({ example: 'rice' }),
    name: z.string().trim().min(1).max(200),
    nameKm: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: 'Name in Khmer, printed on voucher slips and shown to volunteers.' }),
    category: itemCategorySchema,
    unit: itemUnitSchema,
    dailyNeedPerPerson: z.number().positive().max(1000).optional().openapi({
      description: 'Units one person needs per day (Sphere: water 15 L); enables days of cover.',
    }),
  })
  .strict()
  .openapi('CreateItem');

export const itemSchema = createItemSchema.extend({ createdAt: z.string() }).openapi('Item');

export type Item = z.infer<typeof itemSchema>;
export type ItemUnit = z.infer<typeof itemUnitSchema>;

/** Pieces and packs are counted, not weighed: their quantities must be whole numbers. */
export function unitIsCountable(unit: ItemUnit): boolean {
  return unit === 'piece' || unit === 'pack';
}
