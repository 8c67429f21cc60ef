import type { Principal } from '../domain/api-key.js';
import type { Transfer } from '../domain/transfer.js';
import type { Page } from '../store/pagination.js';
import type { Stores } from '../store/stores.js';
import { assertShelterInScope, loadShelter } from './stock-context.js';

export interface TransferQuery {
  shelterId: string;
  direction: 'outgoing' | 'incoming';
  status?: Transfer['status'] | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * A shelter's transfers, newest first: what it sent or what is coming to it. Stock in transit
 * is on no shelf, so this is where a logistics lead finds it (`status=in_transit`).
 */
export async function listTransfers(
  query: TransferQuery,
  viewer: Principal,
  deps: { stores: Pick<Stores, 'transfers' | 'shelters'> },
): Promise<Page<Transfer>> {
  assertShelterInScope(viewer, query.shelterId);
  await loadShelter(deps.stores.shelters, query.shelterId);
  return deps.stores.transfers.list(
    query.shelterId,
    query.direction,
    query.status,
    query.limit,
    query.cursor,
  );
}
