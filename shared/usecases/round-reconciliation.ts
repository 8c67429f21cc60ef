import type { Principal } from '../domain/api-key.js';
import { csvRow } from '../domain/csv.js';
import { leaseHolds } from '../domain/lease.js';
import { addQuantities } from '../domain/quantity.js';
import type { Round } from '../domain/round.js';
import {
  type OfflineFigures,
  type Reconciliation,
  reconcile,
  reconciliationKey,
} from '../domain/round-report.js';
import type { ReconciliationView, RoundActor } from '../domain/round-report-view.js';
import { effectiveStatus, type Voucher } from '../domain/voucher.js';
import { displayNames } from './person-names.js';
import { loadVisibleRound, type RoundDeps } from './round-context.js';

/**
 * A round's reconciliation: every voucher of the round (through its households' claims) against
 * what the ledger shows leaving stock for those vouchers. A closed round answers the report
 * frozen when it closed. A coordinator sees its own organisation's rows; an admin every row.
 */
export async function roundReconciliation(
  input: { roundId: string },
  viewer: Principal,
  deps: RoundDeps,
): Promise<ReconciliationView> {
  const round = await loadVisibleRound(input.roundId, viewer, deps);
  const computed =
    round.status === 'closed'
      ? await deps.stores.rounds
          .report(round.id)
          .then((frozen) => frozen ?? computeReconciliation(round, deps))
      : await computeReconciliation(round, deps);
  const handovers = computed.rows.flatMap((row) => row.redeemedBy ?? []);
  // One batch read for every name the report shows: who closed it and who handed vouchers over.
  const names = await displayNames(
    [
      round.closeRequest?.personId,
      round.closedByPersonId,
      ...handovers.map((actor) => ('personId' in actor ? actor.personId : undefined)),
    ],
    deps,
  );
  const report: ReconciliationView = {
    ...computed,
    rows: computed.rows.map((row) => ({
      ...row,
      // People by name, then machine keys: the order a reader looks for someone in.
      redeemedBy: (row.redeemedBy ?? []).map((actor) => withName(actor, names)).sort((a, b) => byName(a, b)),
    })),
    ...closeActors(round, names),
  };
  if (viewer.role === 'admin') return report;
  const rows = report.rows.filter((row) => row.orgId === viewer.orgId);
  return { ...report, rows, agrees: rows.every((row) => row.agrees) };
}

/** A key's person with their display name now; a machine key (no person) as it is. */
function withName<Actor extends { personId?: string } | { keyId: string }>(
  actor: Actor,
  names: ReadonlyMap<string, string>,
): Actor & { displayName?: string } {
  const personId = 'personId' in actor ? actor.personId : undefined;
  const displayName = personId === undefined ? undefined : names.get(personId);
  return displayName === undefined ? actor : { ...actor, displayName };
}

/** Who asked to close the round and who confirmed it, with their display names. */
function closeActors(
  round: Round,
  names: ReadonlyMap<string, string>,
): Pick<ReconciliationView, 'closeRequestedBy' | 'closedBy'> {
  const request = round.closeRequest;
  const actor = (keyId: string, personId: string | undefined, at: string | undefined): RoundActor =>
    withName(
      { keyId, ...(personId === undefined ? {} : { personId }), ...(at === undefined ? {} : { at }) },
      names,
    );
  return {
    ...(request === undefined
      ? {}
      : { closeRequestedBy: actor(request.keyId, request.personId, request.at) }),
    ...(round.closedBy === undefined
      ? {}
      : { closedBy: actor(round.closedBy, round.closedByPersonId, round.closedAt) }),
  };
}

/** The figures as they stand now, for every organisation of the round. */
export async function computeReconciliation(round: Round, deps: RoundDeps): Promise<Reconciliation> {
  const now = deps.now();
  const claims = await deps.stores.rounds.allClaims(round.id);
  const vouchers = await deps.stores.rounds.vouchersOf(claims);
  const byId = new Map(vouchers.map((voucher) => [voucher.id, voucher]));
  const ledgerOut = new Map<string, number>();
  for (const shelterId of round.shelterIds) {
    // Nothing of the round can leave stock before the round was created.
    for (const movement of await deps.stores.movements.distributionsSince(
      shelterId,
      new Date(round.createdAt),
    )) {
      const voucher = movement.voucherId === undefined ? undefined : byId.get(movement.voucherId);
      if (voucher === undefined) continue;
      for (const line of movement.lines) {
        const key = reconciliationKey(voucher.orgId, shelterId, line.itemId);
        // Distribution lines are negative: stock leaving the shelf.
        ledgerOut.set(key, addQuantities(ledgerOut.get(key) ?? 0, -line.quantity));
      }
    }
  }
  const rows = reconcile(vouchers, ledgerOut, now, await offlineFigures(round, vouchers, now, deps));
  return {
    roundId: round.id,
    status: round.status,
    frozen: round.status === 'closed',
    generatedAt: now.toISOString(),
    agrees: rows.every((row) => row.agrees),
    rows,
  };
}

/**
 * Which of the round's outstanding vouchers a phone holds now, and the sync conflicts on the
 * round's vouchers (read per shelter of the round: conflicts are listed by shelter).
 */
async function offlineFigures(
  round: Round,
  vouchers: readonly Voucher[],
  now: Date,
  deps: RoundDeps,
): Promise<OfflineFigures> {
  const outstanding = vouchers.filter((voucher) => effectiveStatus(voucher, now) === 'issued');
  const leases = await deps.stores.leases.getMany(outstanding.map((voucher) => voucher.id));
  const heldOffline = new Set([...leases.values()].filter((l) => leaseHolds(l, now)).map((l) => l.voucherId));
  const ofRound = new Set(vouchers.map((voucher) => voucher.id));
  const conflicts = new Map<string, { total: number; open: number }>();
  for (const shelterId of round.shelterIds) {
    let cursor: string | undefined;
    do {
      const page = await deps.stores.conflicts.list(shelterId, undefined, 500, cursor);
      for (const conflict of page.items) {
        if (!ofRound.has(conflict.voucherId)) continue;
        const counted = conflicts.get(conflict.voucherId) ?? { total: 0, open: 0 };
        counted.total += 1;
        if (conflict.status === 'open') counted.open += 1;
        conflicts.set(conflict.voucherId, counted);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
  }
  return { heldOffline, conflicts };
}

/** HXL hashtags under the header row, so humanitarian tools read the export without mapping. */
const columns: Array<[header: string, hxl: string]> = [
  ['date', '#date +occurred'],
  ['organisation', '#org +impl'],
  ['shelter', '#loc +code'],
  ['item', '#item +code'],
  ['households', '#reached +hh'],
  ['vouchers_issued', '#output +num +vouchers +issued'],
  ['vouchers_redeemed', '#output +num +vouchers +redeemed'],
  ['vouchers_voided', '#output +num +vouchers +voided'],
  ['vouchers_expired', '#output +num +vouchers +expired'],
  ['vouchers_outstanding', '#output +num +vouchers +outstanding'],
  ['vouchers_held_offline', '#output +num +vouchers +offline'],
  ['conflicts', '#output +num +conflicts'],
  ['quantity_issued', '#output +num +qty +issued'],
  ['quantity_redeemed', '#output +num +qty +redeemed'],
  ['ledger_out', '#output +num +qty +ledger'],
  ['agrees', '#meta +agrees'],
  ['modality', '#modality'],
  ['redeemed_by', '#contact +name +redeemed'],
  ['close_requested_by', '#contact +name +close_requested'],
  ['close_confirmed_by', '#contact +name +close_confirmed'],
];

/** A person by what colleagues call them; a machine key (no person) by its id. */
const nameOf = (actor: { keyId?: string; personId?: string; displayName?: string } | undefined) =>
  actor === undefined
    ? ''
    : (actor.displayName ?? (actor.keyId === undefined ? `person ${actor.personId}` : `key ${actor.keyId}`));

/** A person before a machine key, then by what they are called. */
function byName(a: { displayName?: string }, b: { displayName?: string }) {
  if ((a.displayName === undefined) !== (b.displayName === undefined))
    return a.displayName === undefined ? 1 : -1;
  return nameOf(a).localeCompare(nameOf(b));
}

export function reconciliationCsv(report: ReconciliationView): string {
  const date = report.generatedAt.slice(0, 10);
  let csv = csvRow(columns.map(([header]) => header)) + csvRow(columns.map(([, hxl]) => hxl));
  for (const row of report.rows) {
    csv += csvRow([
      date,
      row.orgId,
      row.shelterId,
      row.itemId,
      row.households,
      row.vouchersIssued,
      row.vouchersRedeemed,
      row.vouchersVoided,
      row.vouchersExpired,
      row.vouchersOutstanding,
      row.vouchersHeldOffline,
      row.conflicts,
      row.quantityIssued,
      row.quantityRedeemed,
      row.ledgerOut,
      row.agrees ? 'yes' : 'no',
      'voucher',
      row.redeemedBy.map(nameOf).join('; '),
      nameOf(report.closeRequestedBy),
      nameOf(report.closedBy),
    ]);
  }
  return csv;
}
