import { z } from '@hono/zod-openapi';
import { addQuantities } from './quantity.js';
import { householdRefusalSchema } from './round-households.js';
import { effectiveStatus, type RedeemedVoucher, type Voucher } from './voucher.js';

/**
 * Who handed over some of a row's vouchers: a person (whichever of their keys), or a machine key
 * (no person). One id each, so a report frozen with many hands stays small.
 */
const handoverActorSchema = z.union([
  z.object({ personId: z.string() }).strict(),
  z.object({ keyId: z.string() }).strict(),
]);
export type HandoverActor = z.infer<typeof handoverActorSchema>;

/** One row of a round's reconciliation: one organisation's vouchers of one item at one shelter. */
export const reconciliationRowSchema = z.object({
  orgId: z.string(),
  shelterId: z.string(),
  itemId: z.string(),
  households: z.number().int().openapi({ description: 'Households whose voucher has this item.' }),
  vouchersIssued: z.number().int(),
  vouchersRedeemed: z.number().int(),
  vouchersVoided: z.number().int(),
  vouchersExpired: z.number().int(),
  vouchersOutstanding: z.number().int(),
  quantityIssued: z.number(),
  quantityRedeemed: z.number(),
  quantityVoided: z.number(),
  quantityExpired: z.number(),
  quantityOutstanding: z.number(),
  vouchersHeldOffline: z.number().int().openapi({
    description:
      'Outstanding vouchers leased to a scanning phone now: they may have been handed over offline and not yet synced.',
  }),
  conflicts: z.number().int().openapi({
    description: 'Offline sync conflicts on these vouchers, open and resolved (GET /v1/conflicts).',
  }),
  conflictsOpen: z.number().int().openapi({ description: 'Of those, the ones not resolved yet.' }),
  ledgerOut: z.number().openapi({
    description: 'What the stock ledger shows leaving the shelter for these vouchers (distributions).',
  }),
  agrees: z.boolean().openapi({
    description:
      'quantityRedeemed equals ledgerOut, and issued equals redeemed + voided + expired + outstanding.',
  }),
  // Optional: reports frozen before it was kept have none. Ids only: names are read when shown.
  redeemedBy: z.array(handoverActorSchema).optional(),
});
export type ReconciliationRow = z.infer<typeof reconciliationRowSchema>;

export const reconciliationSchema = z.object({
  roundId: z.string(),
  status: z.string(),
  frozen: z
    .boolean()
    .openapi({ description: 'True once the round is closed: the figures no longer change.' }),
  generatedAt: z.string(),
  agrees: z.boolean(),
  rows: z.array(reconciliationRowSchema),
});
export type Reconciliation = z.infer<typeof reconciliationSchema>;

type Counted = 'Redeemed' | 'Voided' | 'Expired' | 'Outstanding';

function bucketOf(voucher: Voucher, now: Date): Counted {
  switch (effectiveStatus(voucher, now)) {
    case 'redeemed':
      return 'Redeemed';
    case 'void':
      return 'Voided';
    case 'expired':
      return 'Expired';
    case 'issued':
      return 'Outstanding';
  }
}

const rowKey = (orgId: string, shelterId: string, itemId: string) => `${orgId}#${shelterId}#${itemId}`;

/** What offline distribution adds to a round's figures, by voucher id. */
export interface OfflineFigures {
  /** Vouchers whose lease to a phone holds now. */
  heldOffline: ReadonlySet<string>;
  /** Sync conflicts per voucher. */
  conflicts: ReadonlyMap<string, { total: number; open: number }>;
}

const noOfflineFigures: OfflineFigures = { heldOffline: new Set(), conflicts: new Map() };

/**
 * The reconciliation of a round's vouchers against the ledger, pure: per organisation, shelter and
 * item, what was issued, what became of it, and what the ledger shows leaving stock for those
 * vouchers (`ledgerOut`, keyed by `rowKey`). Offline figures are beside the buckets, not in them:
 * a voucher held by a phone is still outstanding until its handover syncs, and a conflict's voucher
 * keeps the state the server gave it. Rows come out in key order.
 */
export function reconcile(
  vouchers: readonly Voucher[],
  ledgerOut: ReadonlyMap<string, number>,
  now: Date,
  offline: OfflineFigures = noOfflineFigures,
): ReconciliationRow[] {
  const rows = new Map<string, ReconciliationRow>();
  for (const voucher of vouchers) {
    const bucket = bucketOf(voucher, now);
    const conflicts = offline.conflicts.get(voucher.id);
    for (const line of voucher.lines) {
      const key = rowKey(voucher.orgId, voucher.shelterId, line.itemId);
      const row = rows.get(key) ?? emptyRow(voucher.orgId, voucher.shelterId, line.itemId);
      row.households += 1;
      row.vouchersIssued += 1;
      row[`vouchers${bucket}`] += 1;
      if (bucket === 'Outstanding' && offline.heldOffline.has(voucher.id)) row.vouchersHeldOffline += 1;
      row.conflicts += conflicts?.total ?? 0;
      row.conflictsOpen += conflicts?.open ?? 0;
      row.quantityIssued = addQuantities(row.quantityIssued, line.quantity);
      row[`quantity${bucket}`] = addQuantities(row[`quantity${bucket}`], line.quantity);
      if (voucher.status === 'redeemed') noteHandover(row, voucher);
      rows.set(key, row);
    }
  }
  for (const [key, row] of rows) {
    row.ledgerOut = ledgerOut.get(key) ?? 0;
    const accounted = addQuantities(
      row.quantityRedeemed,
      row.quantityVoided,
      row.quantityExpired,
      row.quantityOutstanding,
    );
    row.agrees = row.ledgerOut === row.quantityRedeemed && accounted === row.quantityIssued;
  }
  for (const key of ledgerOut.keys()) {
    // Stock left for a voucher of the round that the round does not know: never agrees.
    if (!rows.has(key)) {
      const [orgId = '', shelterId = '', itemId = ''] = key.split('#');
      rows.set(key, { ...emptyRow(orgId, shelterId, itemId), ledgerOut: ledgerOut.get(key) ?? 0 });
    }
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row);
}

/** Adds who handed `voucher` over to the row's list, once per person (or per machine key). */
function noteHandover(row: ReconciliationRow, voucher: RedeemedVoucher) {
  const actor: HandoverActor =
    voucher.redeemedByPersonId === undefined
      ? { keyId: voucher.redeemedBy }
      : { personId: voucher.redeemedByPersonId };
  row.redeemedBy ??= [];
  if (!row.redeemedBy.some((other) => JSON.stringify(other) === JSON.stringify(actor)))
    row.redeemedBy.push(actor);
}

function emptyRow(orgId: string, shelterId: string, itemId: string): ReconciliationRow {
  return {
    orgId,
    shelterId,
    itemId,
    households: 0,
    vouchersIssued: 0,
    vouchersRedeemed: 0,
    vouchersVoided: 0,
    vouchersExpired: 0,
    vouchersOutstanding: 0,
    vouchersHeldOffline: 0,
    conflicts: 0,
    conflictsOpen: 0,
    quantityIssued: 0,
    quantityRedeemed: 0,
    quantityVoided: 0,
    quantityExpired: 0,
    quantityOutstanding: 0,
    ledgerOut: 0,
    agrees: false,
    redeemedBy: [],
  };
}

export { rowKey as reconciliationKey };

/** Per shelter and item: what a household list needs by the rules, against what is available now. */
export const forecastRowSchema = z.object({
  shelterId: z.string(),
  itemId: z.string(),
  unit: z.string(),
  households: z.number().int(),
  needed: z.number(),
  available: z.number(),
  shortfall: z.number(),
  daysOfCoverAfter: z.number().nullable().openapi({
    description:
      'Days the stock left after the round lasts the shelter’s population at the item’s daily need; null where unknown.',
  }),
});
export type ForecastRow = z.infer<typeof forecastRowSchema>;

/** A row the issue would refuse before any write, and why: the issue's own answer for that row. */
export const forecastRefusalSchema = z.object({
  row: z.number().int(),
  reason: householdRefusalSchema,
  field: z.string().optional(),
  detail: z.string(),
});
export type ForecastRefusal = z.infer<typeof forecastRefusalSchema>;

export const forecastSchema = z
  .object({
    roundId: z.string(),
    rulesVersion: z.number().int(),
    households: z.number().int().openapi({ description: 'Rows that would be issued.' }),
    skipped: z.number().int().openapi({
      description:
        'Rows left out: invalid, duplicate in the list, or already holding a voucher in the round.',
    }),
    alreadyIssued: z.number().int().openapi({
      description:
        'Of the skipped rows, households that already hold your voucher in this round: issuing answers with it again.',
    }),
    refusals: z.array(forecastRefusalSchema).openapi({
      description:
        'Every other skipped row, in row order, with the reason the issue would give it (never the reference).',
    }),
    coversEveryHousehold: z.boolean().openapi({
      description:
        'True when the stock available now covers every household that would be issued: no row has a shortfall. When false, issuing the list refuses some households for lack of stock (insufficient-stock).',
    }),
    householdsCovered: z.number().int().openapi({
      description:
        'Of `households`, how many the stock available now covers when they are served in list order, each taking its whole voucher: what issuing refuses no one of for lack of stock. 0 means every one of them would be refused.',
    }),
    rows: z.array(forecastRowSchema),
  })
  .openapi('RoundForecast');
export type Forecast = z.infer<typeof forecastSchema>;
