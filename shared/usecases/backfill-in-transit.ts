import type { Stores } from '../store/stores.js';

/**
 * Once, after the deploy that added the in-transit listing (issue 23): lists the transfers
 * dispatched before it and still on the road, so that the transfer plan and the needs report
 * count them as inbound. Reads every shelter's incoming transfers (one paged Query per shelter:
 * this is a one-off, never a request path); each still in transit is listed under "still in
 * transit and not listed yet", so a run racing a receipt, or run twice, lists nothing wrongly.
 */
export async function backfillInTransit(deps: {
  stores: Pick<Stores, 'shelters' | 'transfers' | 'inTransit'>;
}): Promise<{ shelters: number; listed: number; alreadyListedOrReceived: number }> {
  let shelters = 0;
  let listed = 0;
  let skipped = 0;
  let shelterCursor: string | undefined;
  do {
    const page = await deps.stores.shelters.list(200, shelterCursor);
    for (const shelter of page.items) {
      shelters += 1;
      let cursor: string | undefined;
      do {
        const incoming = await deps.stores.transfers.list(shelter.id, 'incoming', 'in_transit', 200, cursor);
        for (const transfer of incoming.items) {
          if (transfer.status !== 'in_transit') continue;
          if (await deps.stores.inTransit.listIfStillInTransit(transfer)) listed += 1;
          else skipped += 1;
        }
        cursor = incoming.nextCursor ?? undefined;
      } while (cursor !== undefined);
    }
    shelterCursor = page.nextCursor ?? undefined;
  } while (shelterCursor !== undefined);
  return { shelters, listed, alreadyListedOrReceived: skipped };
}
