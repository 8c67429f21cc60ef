import { z } from '@hono/zod-openapi';

/** The answer of every listing: one page and the cursor of the next, null on the last page. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
