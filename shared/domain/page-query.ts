import { z } from '@hono/zod-openapi';

/** The query of every listing: a page size and the opaque cursor of the previous page. */
export const pageQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ format: 'int32' }),
    cursor: z.string().max(2048).optional().openapi({
      description:
        'The `nextCursor` of the previous page, sent back unchanged by the same key with the same filters (`limit` may change). Any other cursor is refused with 400 `invalid-cursor`.',
    }),
  })
  .strict();
export type PageQuery = z.infer<typeof pageQuerySchema>;
