import { createHash } from 'node:crypto';
import type { Conflict } from '../domain/conflict.js';
import { addQuantities } from '../domain/quantity.js';
import type { Round } from '../domain/round.js';
import type { Reconciliation } from '../domain/round-report.js';
import { daysOfCover, type StockBalance } from '../domain/stock.js';
import type { Transfer } from '../domain/transfer.js';
import type { Voucher } from '../domain/voucher.js';
import { type DomainEvent, domainEventSchema, type EventType } from './event-schemas.js';
import type { TableChange } from './table-change.js';

/**
 * The domain events one change to the table means: zero, one or (a balance that falls through
 * its threshold to nothing) two. Pure: the same change always gives the same events, ids
 * included, so a redelivered stream record is recognised downstream by its events' ids.
 * Each event is checked against its strict schema before it leaves, so nothing but the ids and
 * numbers the schema names can ride along.
 */
export function eventsFromChange(
  change: TableChange,
  cover?: CoverContext,
  /** The report a round froze when it closed: read by the dispatcher for a round turning `closed`. */
  closedReport?: Reconciliation,
): DomainEvent[] {
  const events = (() => {
    switch (change.record) {
      case 'voucher':
        return voucherEvents(change.changeId, change.old, change.new);
      case 'stock-balance':
        return stockEvents(change.changeId, change.old, change.new, cover);
      case 'transfer':
        return transferEvents(change.changeId, change.old, change.new);
      case 'conflict':
        return conflictEvents(change.changeId, change.old, change.new);
      case 'round':
        return roundEvents(change.changeId, change.old, change.new, closedReport);
      case 'other':
        return [];
    }
  })();
  return events.map((event) => domainEventSchema.parse(event));
}

/**
 * What days of cover need beyond the balance: the shelter's population and warning level (a
 * balance's own level, when set, comes first), and the item's daily need per person. Read by the
 * dispatcher; absent where unknown (no cover event).
 */
export interface CoverContext {
  population: number;
  dailyNeedPerPerson: number | undefined;
  coverWarningDays: number;
}

/**
 * One id per (stream record, event type, and for a round the organisation it is for): stable
 * across redeliveries, distinct for the events one record can give, opaque (it says nothing
 * about the record).
 */
export function eventId(changeId: string, type: EventType, orgId?: string): string {
  const input = orgId === undefined ? `${changeId}\n${type}` : `${changeId}\n${type}\n${orgId}`;
  return `evt_${createHash('sha256').update(input).digest('base64url').slice(0, 32)}`;
}

/** A round turning `closed` needs its frozen report to say what it closed with. */
export function roundClosedBy(change: TableChange): string | undefined {
  if (change.record !== 'round' || change.new === undefined) return undefined;
  return change.new.status === 'closed' && change.old?.status !== 'closed' ? change.new.id : undefined;
}

/**
 * A round's events, one per organisation sharing it: `round.opened` when it leaves draft for
 * open, `round.closed` when it becomes closed (four eyes, its outstanding vouchers voided, its
 * reconciliation frozen), with that organisation's totals from the frozen report. Other changes
 * of the record (rules, names, a first close request) are no event.
 */
function roundEvents(
  changeId: string,
  old: Round | undefined,
  now: Round | undefined,
  report: Reconciliation | undefined,
): DomainEvent[] {
  if (now === undefined) return [];
  const facts = {
    roundId: now.id,
    shelterIds: [...now.shelterIds],
    orgIds: [...now.orgIds],
    rulesVersion: now.rulesVersion,
  };
  if (old?.status === 'draft' && now.status === 'open') {
    const occurredAt = now.openedAt ?? now.updatedAt ?? now.createdAt;
    return now.orgIds.map((orgId) => ({
      id: eventId(changeId, 'round.opened', orgId),
      type: 'round.opened' as const,
      occurredAt,
      orgId,
      data: { ...facts, validFrom: now.validFrom, validUntil: now.validUntil },
    }));
  }
  if (now.status === 'closed' && old?.status !== 'closed') {
    if (report === undefined || report.roundId !== now.id)
      throw new Error(`Round ${now.id} closed without its frozen report`);
    return now.orgIds.map((orgId) => {
      const rows = report.rows.filter((row) => row.orgId === orgId);
      return {
        id: eventId(changeId, 'round.closed', orgId),
        type: 'round.closed' as const,
        occurredAt: now.closedAt ?? report.generatedAt,
        orgId,
        data: { ...facts, agrees: rows.every((row) => row.agrees), items: itemTotals(rows) },
      };
    });
  }
  return [];
}

const countedFields = [
  'vouchersIssued',
  'vouchersRedeemed',
  'vouchersVoided',
  'vouchersExpired',
  'vouchersOutstanding',
  'quantityIssued',
  'quantityRedeemed',
  'quantityVoided',
  'quantityExpired',
  'quantityOutstanding',
  'ledgerOut',
] as const;

/** One organisation's rows of a reconciliation, summed per item over the shelters, in item order. */
function itemTotals(rows: Reconciliation['rows']) {
  const totals = new Map<string, Record<(typeof countedFields)[number], number>>();
  for (const row of rows) {
    const total = totals.get(row.itemId) ?? Object.fromEntries(countedFields.map((field) => [field, 0]));
    for (const field of countedFields) total[field] = addQuantities(total[field], row[field]);
    totals.set(row.itemId, total as Record<(typeof countedFields)[number], number>);
  }
  return [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([itemId, total]) => ({ itemId, ...total }));
}

const linesOf = (lines: ReadonlyArray<{ itemId: string; quantity: number }>) =>
  lines.map(({ itemId, quantity }) => ({ itemId, quantity }));

/** A conflict is an event once, when it is recorded; its resolution is not (yet) one. */
function conflictEvents(
  changeId: string,
  old: Conflict | undefined,
  now: Conflict | undefined,
): DomainEvent[] {
  if (old !== undefined || now === undefined) return [];
  return [
    {
      id: eventId(changeId, 'redemption.conflict'),
      occurredAt: now.createdAt,
      orgId: now.orgId,
      shelterId: now.shelterId,
      type: 'redemption.conflict',
      data: {
        conflictId: now.id,
        voucherId: now.voucherId,
        reason: now.reason,
        deviceId: now.offline.deviceId,
        pickupPointId: now.offline.pickupPointId,
        lines: linesOf(now.offline.lines),
      },
    },
  ];
}

function voucherEvents(changeId: string, old: Voucher | undefined, now: Voucher | undefined): DomainEvent[] {
  if (now === undefined) return [];
  const about = (type: EventType, occurredAt: string) => ({
    id: eventId(changeId, type),
    occurredAt,
    orgId: now.orgId,
    shelterId: now.shelterId,
  });
  if (old === undefined) {
    if (now.status !== 'issued') return [];
    return [{ ...about('voucher.issued', now.issuedAt), type: 'voucher.issued', data: voucherData(now) }];
  }
  // Only a change of state is an event; the lifecycle allows issued -> a final state once.
  if (old.status !== 'issued' || now.status === 'issued') return [];
  switch (now.status) {
    case 'redeemed':
      return [
        {
          ...about('voucher.redeemed', now.redeemedAt),
          type: 'voucher.redeemed',
          data: { ...voucherData(now), pickupPointId: now.pickupPointId },
        },
      ];
    case 'void':
      return [{ ...about('voucher.voided', now.voidedAt), type: 'voucher.voided', data: voucherData(now) }];
    case 'expired':
      return [
        { ...about('voucher.expired', now.expiredAt), type: 'voucher.expired', data: voucherData(now) },
      ];
  }
}

const voucherData = (voucher: Voucher) => ({ voucherId: voucher.id, lines: linesOf(voucher.lines) });

/**
 * Low, as the dashboard shows it: available at or under the balance's own threshold. A balance
 * with no threshold is never low; neither is one that did not exist yet.
 */
const isLow = (balance: StockBalance | undefined) =>
  balance?.lowStockThreshold !== undefined && balance.available <= balance.lowStockThreshold;

/**
 * A balance's alerts fire once per crossing, into the state they name. `stock.low` when the
 * balance becomes low, each side judged by its own threshold: available falls to or through the
 * threshold, or a threshold is set (or raised) at or above what is available, even where nothing
 * was ever stocked; not again while it stays low. `stock.out` when available goes from above
 * zero to zero or below (a new balance has no "before", so it does not run out).
 */
function stockEvents(
  changeId: string,
  old: StockBalance | undefined,
  now: StockBalance | undefined,
  cover: CoverContext | undefined,
): DomainEvent[] {
  if (now === undefined) return [];
  // Every balance write sets `updatedAt` but a threshold's, which sets `thresholdSetAt`: the
  // later of the two is when this change happened.
  const changedAt =
    now.thresholdSetAt !== undefined && now.thresholdSetAt > now.updatedAt
      ? now.thresholdSetAt
      : now.updatedAt;
  const about = (type: EventType) => ({
    id: eventId(changeId, type),
    occurredAt: changedAt,
    shelterId: now.shelterId,
  });
  const figures = {
    itemId: now.itemId,
    onHand: now.onHand,
    reserved: now.reserved,
    available: now.available,
  };
  const events: DomainEvent[] = [];
  if (now.lowStockThreshold !== undefined && isLow(now) && !isLow(old)) {
    events.push({
      ...about('stock.low'),
      type: 'stock.low',
      data: { ...figures, lowStockThreshold: now.lowStockThreshold },
    });
  }
  if (old === undefined) return events;
  if (old.available > 0 && now.available <= 0) {
    events.push({ ...about('stock.out'), type: 'stock.out', data: figures });
  }
  if (cover !== undefined) {
    const item = { dailyNeedPerPerson: cover.dailyNeedPerPerson };
    const before = daysOfCover(old.available, cover.population, item);
    const after = daysOfCover(now.available, cover.population, item);
    // Each image by its own level (the item's at this shelter, else the shelter's): once, on the
    // way down through it, or when a level is set above the cover there is.
    const levelBefore = old.coverWarningDays ?? cover.coverWarningDays;
    const levelAfter = now.coverWarningDays ?? cover.coverWarningDays;
    if (before !== null && after !== null && before >= levelBefore && after < levelAfter) {
      events.push({
        ...about('stock.cover-low'),
        type: 'stock.cover-low',
        data: { ...figures, daysOfCover: after, coverWarningDays: levelAfter },
      });
    }
  }
  return events;
}

function transferEvents(
  changeId: string,
  old: Transfer | undefined,
  now: Transfer | undefined,
): DomainEvent[] {
  if (now === undefined) return [];
  const shelters = { transferId: now.id, fromShelterId: now.fromShelterId, toShelterId: now.toShelterId };
  if (old === undefined && now.status === 'in_transit') {
    return [
      {
        id: eventId(changeId, 'transfer.dispatched'),
        type: 'transfer.dispatched',
        occurredAt: now.dispatchedAt,
        shelterId: now.fromShelterId,
        data: { ...shelters, lines: linesOf(now.lines) },
      },
    ];
  }
  if (old?.status === 'in_transit' && now.status === 'received') {
    return [
      {
        id: eventId(changeId, 'transfer.received'),
        type: 'transfer.received',
        occurredAt: now.receivedAt,
        shelterId: now.toShelterId,
        data: {
          ...shelters,
          receivedLines: linesOf(now.receivedLines),
          discrepancies: now.discrepancies.map(({ itemId, sent, received, difference, reason }) => ({
            itemId,
            sent,
            received,
            difference,
            ...(reason === undefined ? {} : { reason }),
          })),
        },
      },
    ];
  }
  return [];
}
