import { z } from '@hono/zod-openapi';
import type { Principal } from '../domain/api-key.js';
import { pageQuerySchema } from '../domain/page-query.js';
import { slugSchema } from '../domain/slug.js';
import { type Transfer, transferStatusSchema } from '../domain/transfer.js';
import type { Page } from '../store/pagination.js';
import type { Stores } from '../store/stores.js';
import { assertShelterInScope, loadShelter } from './stock-context.js';

export const transferQuerySchema = pageQuerySchema
  .extend({
    shelterId: slugSchema,
    direction: z.enum(['outgoing', 'incoming']).default('incoming'),
    status: transferStatusSchema.optional(),
  })
  .strict();
export type TransferQuery = z.infer<typeof transferQuerySchema>;

/**
 * A shelter's transfers, newest first: what it sent or what is coming to it. Stock in transit
 * is on no shelf, so this is where a logistics lead finds it (`status=in_transit`).
 */
export async function listTransfers(
  input: TransferQuery,
  viewer: Principal,
  deps: { stores: Pick<Stores, 'transfers' | 'shelters'> },
): Promise<Page<Transfer>> {
  assertShelterInScope(viewer, input.shelterId);
  await loadShelter(deps.stores.shelters, input.shelterId);
  return deps.stores.transfers.list(
    input.shelterId,
    input.direction,
    input.status,
    input.limit,
    input.cursor,
  );
}
