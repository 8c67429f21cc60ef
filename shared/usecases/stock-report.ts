import type { Principal } from '../domain/api-key.js';
import { csvRow } from '../domain/csv.js';
import { shelterView } from '../domain/shelter.js';
import type { Stores } from '../store/stores.js';
import { enrich } from './list-stock.js';

/**
 * The stock report as CSV with an HXL hashtag row under the header, so humanitarian tools
 * (HDX, the HXL Proxy) read it without mapping. Confidential shelters' locations appear only
 * in an administrator's export.
 */
const columns: Array<[header: string, hxl: string]> = [
  ['Date', '#date +reported'],
  ['Reporting organisation', '#org +name'],
  ['Shelter id', '#loc +code'],
  ['Shelter', '#loc +name'],
  ['Province', '#adm1 +name'],
  ['Province code', '#adm1 +code'],
  ['Item id', '#item +code'],
  ['Item', '#item +name'],
  ['Category', '#sector'],
  ['Unit', '#item +unit'],
  ['On hand', '#indicator +num +stock +onhand'],
  ['Reserved', '#indicator +num +stock +reserved'],
  ['Available', '#indicator +num +stock +available'],
  ['Days of cover', '#indicator +num +days_cover'],
  ['Low stock', '#indicator +bool +low_stock'],
];

export interface StockReport {
  /** The day it reports on (UTC), YYYY-MM-DD. */
  date: string;
  csv: string;
}

export async function stockReportCsv(
  _input: Record<string, never>,
  viewer: Principal,
  deps: { stores: Pick<Stores, 'stock' | 'shelters' | 'items' | 'organizations'>; now: () => Date },
): Promise<StockReport> {
  const date = deps.now().toISOString().slice(0, 10);
  const org = await deps.stores.organizations.get(viewer.orgId);
  const scoped =
    viewer.role !== 'admin' && viewer.scope.shelterIds !== '*' ? viewer.scope.shelterIds : undefined;
  let csv = csvRow(columns.map(([header]) => header)) + csvRow(columns.map(([, hxl]) => hxl));
  let cursor: string | undefined;
  do {
    const page = await deps.stores.stock.listBalances(
      scoped === undefined ? {} : { shelterIds: scoped },
      500,
      cursor,
    );
    const { views, catalogue, shelters } = await enrich(page.items, deps);
    for (const view of views) {
      const stored = shelters.get(view.shelterId);
      const shelter = stored === undefined ? undefined : shelterView(stored, viewer);
      const item = catalogue.get(view.itemId);
      csv += csvRow([
        date,
        org?.name ?? viewer.orgId,
        view.shelterId,
        shelter?.name,
        shelter?.province,
        shelter?.provinceCode,
        view.itemId,
        item?.name,
        view.category,
        item?.unit,
        view.onHand,
        view.reserved,
        view.available,
        view.daysOfCover,
        view.lowStock ? 'yes' : 'no',
      ]);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return { date, csv };
}
