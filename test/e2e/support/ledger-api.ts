import { addQuantities } from '../../../shared/domain/quantity.js';
import type { DemoServer } from './demo-server.js';

interface LedgerEntry {
  id: string;
  type: string;
  reason?: string;
  conflictId?: string;
  voucherId?: string;
  lines: Array<{ itemId: string; quantity: number }>;
}

/** A shelter's whole ledger, oldest first, read through the API as a logistics lead would. */
export async function ledgerOf(demo: DemoServer, shelterId: string): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const page = await demo.http(
      'GET',
      `/v1/shelters/${shelterId}/movements?order=asc&limit=200${query}`,
      demo.keys.logistics,
    );
    entries.push(...(page.body.items as LedgerEntry[]));
    cursor = page.body.nextCursor as string | null;
  } while (cursor !== null);
  return entries;
}

/**
 * Each balance of these items at the shelter beside the sum of its ledger, through the API
 * (invariant 2: on hand is what the ledger says). A test expects `onHand` and `ledger` equal.
 */
export async function balancesAgainstLedger(demo: DemoServer, shelterId: string, itemIds: string[]) {
  const ledger = await ledgerOf(demo, shelterId);
  const stock = await demo.http('GET', `/v1/stock?shelterId=${shelterId}&limit=200`, demo.keys.logistics);
  const balances = stock.body.items as Array<{ itemId: string; onHand: number }>;
  return itemIds.map((itemId) => ({
    itemId,
    onHand: balances.find((balance) => balance.itemId === itemId)?.onHand,
    ledger: ledger
      .flatMap((entry) => entry.lines)
      .filter((line) => line.itemId === itemId)
      .reduce((sum, line) => addQuantities(sum, line.quantity), 0),
  }));
}
