import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Conflict } from '../../shared/domain/conflict.js';
import type { Round } from '../../shared/domain/round.js';
import type { Reconciliation } from '../../shared/domain/round-report.js';
import type { StockBalance } from '../../shared/domain/stock.js';
import type { InTransitTransfer } from '../../shared/domain/transfer.js';
import type { IssuedVoucher } from '../../shared/domain/voucher.js';
import { MalformedRecordError } from '../../shared/errors/record-errors.js';
import { domainEventSchema } from '../../shared/events/event-schemas.js';
import { type CoverContext, eventId, eventsFromChange } from '../../shared/events/events-from-change.js';
import { tableChangeFrom } from '../../shared/store/stream-change.js';

const balance = (available: number, lowStockThreshold?: number): StockBalance => ({
  shelterId: 'shelter-a',
  itemId: 'rice',
  category: 'food',
  onHand: available + 10,
  reserved: 10,
  available,
  version: 3,
  ...(lowStockThreshold === undefined ? {} : { lowStockThreshold }),
  updatedAt: '2026-12-02T10:00:00.000Z',
});

const stockChange = (old: StockBalance, now: StockBalance) => ({
  changeId: 'change-1',
  operation: 'modify' as const,
  record: 'stock-balance' as const,
  old,
  new: now,
});

const issued: IssuedVoucher = {
  id: '01JVOUCHER',
  code: 'K7QD2M9X4',
  orgId: 'org-a',
  shelterId: 'shelter-a',
  lines: [{ itemId: 'rice', quantity: 5 }],
  validFrom: '2026-12-01T00:00:00.000Z',
  validUntil: '2026-12-15T00:00:00.000Z',
  issuedAt: '2026-12-01T00:00:00.000Z',
  issuedBy: 'key1',
  status: 'issued',
};

describe('events from one change: stock alerts', () => {
  it.each([
    // old available, new available, threshold, events
    { from: 60, to: 50, threshold: 50, types: ['stock.low'], why: 'falls onto the threshold' },
    { from: 60, to: 20, threshold: 50, types: ['stock.low'], why: 'falls through the threshold' },
    { from: 60, to: 0, threshold: 50, types: ['stock.low', 'stock.out'], why: 'falls through it to nothing' },
    {
      from: 5,
      to: -3,
      threshold: 50,
      types: ['stock.out'],
      why: 'already low, now out (a count below reserved)',
    },
    { from: 40, to: 30, threshold: 50, types: [], why: 'already below, falls further' },
    { from: 50, to: 40, threshold: 50, types: [], why: 'already at the threshold' },
    { from: 20, to: 60, threshold: 50, types: [], why: 'rises through the threshold' },
    { from: 0, to: 10, threshold: 50, types: [], why: 'rises from nothing' },
    { from: 0, to: -5, threshold: 50, types: [], why: 'already out' },
    { from: 60, to: 60, threshold: 50, types: [], why: 'is unchanged' },
    { from: 30, to: 30, threshold: 50, types: [], why: 'is unchanged below the threshold' },
    { from: 60, to: 20, threshold: undefined, types: [], why: 'falls, with no threshold set' },
    { from: 20, to: 0, threshold: undefined, types: ['stock.out'], why: 'runs out, with no threshold set' },
  ])('available $from -> $to, threshold $threshold: $types ($why)', ({ from, to, threshold, types }) => {
    const events = eventsFromChange(stockChange(balance(from, threshold), balance(to, threshold)));
    expect(events.map((event) => event.type)).toEqual(types);
  });

  it('names the shelter, the item and the figures after the change, and no actor', () => {
    const [low] = eventsFromChange(stockChange(balance(60, 50), balance(45, 50)));
    expect(low).toEqual({
      id: eventId('change-1', 'stock.low'),
      type: 'stock.low',
      occurredAt: '2026-12-02T10:00:00.000Z',
      shelterId: 'shelter-a',
      data: { itemId: 'rice', onHand: 55, reserved: 10, available: 45, lowStockThreshold: 50 },
    });
  });

  it.each([
    // available, old threshold, new threshold, events
    { available: 30, from: undefined, to: 50, types: ['stock.low'], why: 'a threshold set above stock' },
    { available: 50, from: undefined, to: 50, types: ['stock.low'], why: 'a threshold set at stock' },
    { available: 30, from: 20, to: 50, types: ['stock.low'], why: 'raised past stock' },
    { available: 30, from: 40, to: 50, types: [], why: 'raised while already low' },
    { available: 30, from: 40, to: 30, types: [], why: 'lowered onto stock: still low' },
    { available: 30, from: 50, to: 20, types: [], why: 'lowered below stock' },
    { available: 30, from: 50, to: undefined, types: [], why: 'removed' },
    { available: 30, from: undefined, to: 20, types: [], why: 'a threshold set below stock' },
  ])('available $available, threshold $from -> $to: $types ($why)', ({ available, from, to, types }) => {
    const events = eventsFromChange(stockChange(balance(available, from), balance(available, to)));
    expect(events.map((event) => event.type)).toEqual(types);
  });

  it('dates a stock.low a threshold raised by when it was set, not by the last movement', () => {
    const [low] = eventsFromChange(
      stockChange(balance(30), { ...balance(30, 50), thresholdSetAt: '2026-12-03T08:00:00.000Z' }),
    );
    expect(low).toMatchObject({ type: 'stock.low', occurredAt: '2026-12-03T08:00:00.000Z' });
  });

  it('raises stock.low for a threshold set where nothing was ever stocked, nothing else for a new or removed balance', () => {
    const base = { changeId: 'c', record: 'stock-balance' as const };
    expect(
      eventsFromChange({ ...base, operation: 'insert', new: balance(0, 50) }).map((event) => event.type),
    ).toEqual(['stock.low']);
    expect(eventsFromChange({ ...base, operation: 'insert', new: balance(0) })).toEqual([]);
    expect(eventsFromChange({ ...base, operation: 'remove', old: balance(60, 50) })).toEqual([]);
  });
});

describe('events from one change: vouchers', () => {
  const change = (old: IssuedVoucher | undefined, now: unknown) =>
    ({
      changeId: 'change-v',
      operation: old === undefined ? 'insert' : 'modify',
      record: 'voucher',
      ...(old === undefined ? {} : { old }),
      new: now,
    }) as Parameters<typeof eventsFromChange>[0];

  it('tells each state change once, with the issuing organisation', () => {
    const redeemed = {
      ...issued,
      status: 'redeemed',
      redeemedAt: 'r',
      redeemedBy: 'k',
      pickupPointId: 'pp-a1',
    };
    const voided = { ...issued, status: 'void', voidedAt: 'v', voidedBy: 'k', voidReason: 'moved away' };
    const expired = { ...issued, status: 'expired', expiredAt: 'e' };
    expect(eventsFromChange(change(undefined, issued))).toEqual([
      {
        id: eventId('change-v', 'voucher.issued'),
        type: 'voucher.issued',
        occurredAt: issued.issuedAt,
        orgId: 'org-a',
        shelterId: 'shelter-a',
        data: { voucherId: issued.id, lines: [{ itemId: 'rice', quantity: 5 }] },
      },
    ]);
    expect(eventsFromChange(change(issued, redeemed))).toMatchObject([
      { type: 'voucher.redeemed', occurredAt: 'r', data: { voucherId: issued.id, pickupPointId: 'pp-a1' } },
    ]);
    expect(eventsFromChange(change(issued, voided))).toMatchObject([
      { type: 'voucher.voided', occurredAt: 'v' },
    ]);
    expect(eventsFromChange(change(issued, expired))).toMatchObject([
      { type: 'voucher.expired', occurredAt: 'e' },
    ]);
  });

  it('carries neither the void reason (free text) nor the short code (it redeems the voucher)', () => {
    const voided = { ...issued, status: 'void', voidedAt: 'v', voidedBy: 'k', voidReason: 'moved away' };
    const text = JSON.stringify(eventsFromChange(change(issued, voided)));
    expect(text).not.toContain('moved away');
    expect(text).not.toContain(issued.code);
  });

  it('raises nothing when a voucher changes without leaving issued', () => {
    expect(eventsFromChange(change(issued, { ...issued, validUntil: '2026-12-20T00:00:00.000Z' }))).toEqual(
      [],
    );
  });
});

describe('events from one change: transfers', () => {
  const dispatched: InTransitTransfer = {
    id: 'tr-1',
    fromShelterId: 'shelter-a',
    toShelterId: 'shelter-b',
    lines: [{ itemId: 'rice', quantity: 500 }],
    note: 'truck 2',
    dispatchedAt: '2026-12-02T08:00:00.000Z',
    dispatchedBy: 'key1',
    dispatchMovementId: 'm1',
    status: 'in_transit',
  };

  it('tells a dispatch at the sender and a receipt, with its discrepancies, at the receiver', () => {
    const received = {
      ...dispatched,
      status: 'received' as const,
      receivedAt: '2026-12-02T12:00:00.000Z',
      receivedBy: 'key2',
      receiveMovementId: 'm2',
      receivedLines: [{ itemId: 'rice', quantity: 480 }],
      discrepancies: [{ itemId: 'rice', sent: 500, received: 480, difference: -20 }],
    };
    const base = { changeId: 't', record: 'transfer' as const };
    expect(eventsFromChange({ ...base, operation: 'insert', new: dispatched })).toMatchObject([
      { type: 'transfer.dispatched', shelterId: 'shelter-a', data: { toShelterId: 'shelter-b' } },
    ]);
    expect(eventsFromChange({ ...base, operation: 'modify', old: dispatched, new: received })).toEqual([
      {
        id: eventId('t', 'transfer.received'),
        type: 'transfer.received',
        occurredAt: '2026-12-02T12:00:00.000Z',
        shelterId: 'shelter-b',
        data: {
          transferId: 'tr-1',
          fromShelterId: 'shelter-a',
          toShelterId: 'shelter-b',
          receivedLines: [{ itemId: 'rice', quantity: 480 }],
          discrepancies: [{ itemId: 'rice', sent: 500, received: 480, difference: -20 }],
        },
      },
    ]);
    // The note is free text someone typed: it stays out.
    expect(JSON.stringify(eventsFromChange({ ...base, operation: 'insert', new: dispatched }))).not.toContain(
      'truck',
    );
  });
});

describe('sync conflict events', () => {
  const conflict: Conflict = {
    id: 'cfl_01JZZZZZZZZZZZZZZZZZZZZZZZ',
    shelterId: 'shelter-a',
    orgId: 'org-a',
    voucherId: '01JZZZZZZZZZZZZZZZZZZZZZZZ',
    status: 'open',
    reason: 'already-redeemed',
    message: 'The voucher was already handed over elsewhere.',
    offline: {
      deviceId: 'dev_01JZZZZZZZZZZZZZZZZZZZZZZZ',
      deviceLabel: 'Desk 2 phone',
      clientRedemptionId: '01JYYYYYYYYYYYYYYYYYYYYYYY',
      sequence: 4,
      pickupPointId: 'pp-a1',
      deviceTime: '2026-12-03T08:00:00.000Z',
      syncedAt: '2026-12-03T09:00:00.000Z',
      lines: [{ itemId: 'rice', quantity: 5 }],
    },
    createdAt: '2026-12-03T09:00:00.000Z',
  };

  it('tells a conflict once, when it is recorded, to the voucher’s organisation, without the device label', () => {
    const base = { changeId: 'c', record: 'conflict' as const };
    const events = eventsFromChange({ ...base, operation: 'insert', new: conflict });
    expect(events).toEqual([
      {
        id: eventId('c', 'redemption.conflict'),
        type: 'redemption.conflict',
        occurredAt: '2026-12-03T09:00:00.000Z',
        orgId: 'org-a',
        shelterId: 'shelter-a',
        data: {
          conflictId: conflict.id,
          voucherId: conflict.voucherId,
          reason: 'already-redeemed',
          deviceId: conflict.offline.deviceId,
          pickupPointId: 'pp-a1',
          lines: [{ itemId: 'rice', quantity: 5 }],
        },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain('Desk 2');
    const resolved = { ...conflict, status: 'resolved' as const };
    expect(eventsFromChange({ ...base, operation: 'modify', old: conflict, new: resolved })).toEqual([]);
  });
});

describe('event ids', () => {
  it('are the same for the same change and type, and differ between types and changes', () => {
    expect(eventId('change-1', 'stock.low')).toBe(eventId('change-1', 'stock.low'));
    expect(eventId('change-1', 'stock.low')).not.toBe(eventId('change-1', 'stock.out'));
    expect(eventId('change-1', 'stock.low')).not.toBe(eventId('change-2', 'stock.low'));
    expect(eventId('change-1', 'stock.low')).toMatch(/^evt_[A-Za-z0-9_-]{32}$/);
  });
});

describe('event schemas', () => {
  it('refuse a field the type does not name', () => {
    const [event] = eventsFromChange(stockChange(balance(10), balance(0)));
    expect(domainEventSchema.safeParse(event).success).toBe(true);
    const withExtra = { ...event, data: { ...event?.data, householdSize: 4 } };
    expect(domainEventSchema.safeParse(withExtra).success).toBe(false);
    expect(domainEventSchema.safeParse({ ...event, beneficiaryHash: 'x' }).success).toBe(false);
  });
});

describe('decoding a stream record', () => {
  const record = (eventName: string, pk: string, sk: string, images: { old?: object; new?: object }) => ({
    eventID: 'e-1',
    eventName,
    dynamodb: {
      Keys: marshall({ pk, sk }),
      ...(images.old === undefined ? {} : { OldImage: marshall({ pk, sk, ...images.old }) }),
      ...(images.new === undefined ? {} : { NewImage: marshall({ pk, sk, ...images.new }) }),
      SequenceNumber: '100',
    },
  });

  it('parses a voucher image with the stored voucher schema, dropping the storage keys', () => {
    const change = tableChangeFrom(
      record('INSERT', 'VOUCHER#01JVOUCHER', 'META', { new: { ...issued, gsi1pk: 'ORG#org-a#VOUCHERS' } }),
    );
    expect(change).toEqual({ changeId: 'e-1', operation: 'insert', record: 'voucher', new: issued });
  });

  it('throws on a malformed image, naming the record by its key', () => {
    const malformed = record('MODIFY', 'STOCK', 'shelter-a#rice', {
      old: balance(10),
      new: { ...balance(0), available: 'none' },
    });
    expect(() => tableChangeFrom(malformed)).toThrow(MalformedRecordError);
    expect(() => tableChangeFrom(malformed)).toThrow(/STOCK shelter-a#rice.*available/);
  });

  it('keeps the beneficiary record to itself: no image, no event', () => {
    const change = tableChangeFrom(
      record('INSERT', 'VOUCHER#01JVOUCHER', 'BENEFICIARY', {
        new: { voucherId: '01JVOUCHER', beneficiaryHash: 'abc', householdSize: 4 },
      }),
    );
    expect(change).toEqual({ changeId: 'e-1', operation: 'insert', record: 'other' });
    expect(eventsFromChange(change)).toEqual([]);
  });

  it('refuses a record without its id, operation or keys', () => {
    expect(() =>
      tableChangeFrom({ eventName: 'INSERT', dynamodb: { Keys: marshall({ pk: 'a', sk: 'b' }) } }),
    ).toThrow(/lacks/);
  });
});

describe('stock.cover-low', () => {
  // 100 people at 0.5 kg a day: 50 kg a day, so 150 kg is exactly the 3 days of the default level.
  const cover: CoverContext = { population: 100, dailyNeedPerPerson: 0.5, coverWarningDays: 3 };
  const coverEvents = (from: number, to: number, context = cover) =>
    eventsFromChange(stockChange(balance(from), balance(to)), context).filter(
      (event) => event.type === 'stock.cover-low',
    );

  it('fires once on the way down through the shelter’s level, with the days left', () => {
    expect(coverEvents(200, 149)).toMatchObject([
      {
        type: 'stock.cover-low',
        data: { itemId: 'rice', available: 149, daysOfCover: 2.9, coverWarningDays: 3 },
      },
    ]);
    expect(coverEvents(150, 100)).toHaveLength(1);
  });

  it('stays quiet above the level, below it already, on the way up, and where cover is unknown', () => {
    expect(coverEvents(400, 150)).toEqual([]);
    expect(coverEvents(140, 100)).toEqual([]);
    expect(coverEvents(100, 200)).toEqual([]);
    expect(coverEvents(200, 100, { ...cover, dailyNeedPerPerson: undefined })).toEqual([]);
    expect(coverEvents(200, 100, { ...cover, population: 0 })).toEqual([]);
    expect(eventsFromChange(stockChange(balance(200), balance(100)))).toEqual([]);
  });

  it('uses the shelter’s own level', () => {
    expect(coverEvents(400, 300, { ...cover, coverWarningDays: 7 })).toHaveLength(1);
  });
});

describe('round events', () => {
  const draft: Round = {
    id: 'round-dec',
    name: 'December, Phnom Penh',
    orgIds: ['org-a', 'org-b'],
    shelterIds: ['shelter-a', 'shelter-b'],
    validFrom: '2026-12-01T00:00:00.000Z',
    validUntil: '2026-12-15T00:00:00.000Z',
    rules: [{ itemId: 'rice', amount: 2, per: 'household' }],
    rulesVersion: 2,
    status: 'draft',
    version: 3,
    createdAt: '2026-11-20T00:00:00.000Z',
    createdBy: 'key1',
  };
  const open: Round = {
    ...draft,
    status: 'open',
    version: 4,
    openedAt: '2026-11-30T08:00:00.000Z',
    openedBy: 'k',
  };
  const closing: Round = { ...open, status: 'closing', version: 6, closedBy: 'k2' };
  const closed: Round = { ...closing, status: 'closed', version: 7, closedAt: '2026-12-15T09:00:00.000Z' };
  const roundChange = (old: Round | undefined, now: Round) => ({
    changeId: 'change-r',
    operation: old === undefined ? ('insert' as const) : ('modify' as const),
    record: 'round' as const,
    ...(old === undefined ? {} : { old }),
    new: now,
  });
  const row = (orgId: string, shelterId: string, itemId: string, issued: number, redeemed: number) => ({
    orgId,
    shelterId,
    itemId,
    households: issued,
    vouchersIssued: issued,
    vouchersRedeemed: redeemed,
    vouchersVoided: issued - redeemed,
    vouchersExpired: 0,
    vouchersOutstanding: 0,
    quantityIssued: issued * 2,
    quantityRedeemed: redeemed * 2,
    quantityVoided: (issued - redeemed) * 2,
    quantityExpired: 0,
    quantityOutstanding: 0,
    vouchersHeldOffline: 0,
    conflicts: 0,
    conflictsOpen: 0,
    ledgerOut: redeemed * 2,
    agrees: true,
  });
  const report: Reconciliation = {
    roundId: 'round-dec',
    status: 'closed',
    frozen: true,
    generatedAt: '2026-12-15T09:00:00.000Z',
    agrees: false,
    rows: [
      row('org-a', 'shelter-a', 'rice', 3, 2),
      row('org-a', 'shelter-b', 'rice', 4, 4),
      { ...row('org-b', 'shelter-a', 'rice', 1, 0), ledgerOut: 2, agrees: false },
    ],
  };

  it('tells each organisation sharing the round that it opened, with its window, never its name', () => {
    const events = eventsFromChange(roundChange(draft, open));

    expect(
      events.map((event) => [event.type, 'orgId' in event ? event.orgId : '', event.occurredAt]),
    ).toEqual([
      ['round.opened', 'org-a', '2026-11-30T08:00:00.000Z'],
      ['round.opened', 'org-b', '2026-11-30T08:00:00.000Z'],
    ]);
    expect(events[0]?.data).toEqual({
      roundId: 'round-dec',
      shelterIds: ['shelter-a', 'shelter-b'],
      orgIds: ['org-a', 'org-b'],
      rulesVersion: 2,
      validFrom: '2026-12-01T00:00:00.000Z',
      validUntil: '2026-12-15T00:00:00.000Z',
    });
    expect(new Set(events.map((event) => event.id)).size).toBe(2);
    expect(JSON.stringify(events)).not.toContain('December');
  });

  it('closes with each organisation’s own totals per item over the shelters, and whether they agree', () => {
    const [forA, forB] = eventsFromChange(roundChange(closing, closed), undefined, report);

    expect(forA).toMatchObject({
      type: 'round.closed',
      orgId: 'org-a',
      occurredAt: '2026-12-15T09:00:00.000Z',
      data: {
        agrees: true,
        items: [
          {
            itemId: 'rice',
            vouchersIssued: 7,
            vouchersRedeemed: 6,
            vouchersVoided: 1,
            quantityIssued: 14,
            quantityRedeemed: 12,
            ledgerOut: 12,
          },
        ],
      },
    });
    expect(forB).toMatchObject({ orgId: 'org-b', data: { agrees: false, items: [{ vouchersIssued: 1 }] } });
  });

  it('is silent for every other change of the record: created, rules changed, a first close request, closing', () => {
    expect(eventsFromChange(roundChange(undefined, draft))).toEqual([]);
    expect(eventsFromChange(roundChange(draft, { ...draft, rulesVersion: 3, version: 4 }))).toEqual([]);
    const asked = { ...open, closeRequest: { keyId: 'k', orgId: 'org-a', at: '2026-12-15T08:00:00.000Z' } };
    expect(eventsFromChange(roundChange(open, asked))).toEqual([]);
    expect(eventsFromChange(roundChange(asked, closing))).toEqual([]);
  });

  it('refuses to close without the frozen report, so the dispatcher retries rather than send no totals', () => {
    expect(() => eventsFromChange(roundChange(closing, closed))).toThrow(/frozen report/);
  });

  it('decodes the round record from the stream, and keeps its household claims to themselves', () => {
    const record = (sk: string, image: object) => ({
      eventID: 'e-r',
      eventName: 'INSERT',
      dynamodb: {
        Keys: marshall({ pk: 'ROUND#round-dec', sk }),
        NewImage: marshall({ pk: 'ROUND#round-dec', sk, ...image }),
      },
    });
    expect(tableChangeFrom(record('META', draft))).toMatchObject({ record: 'round', new: draft });
    expect(tableChangeFrom(record('HH#abc', { roundId: 'round-dec', beneficiaryHash: 'abc' }))).toEqual({
      changeId: 'e-r',
      operation: 'insert',
      record: 'other',
    });
  });
});
