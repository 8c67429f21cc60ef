import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverDays, coverPosition } from '../../shared/domain/cover-target.js';
import { roundQuantity } from '../../shared/domain/quantity.js';
import {
  type PlanItem,
  planTransfers,
  type TransferPlan,
  type TransferSuggestion,
  tripsOf,
} from '../../shared/domain/transfer-plan.js';

/**
 * The plan's promises, checked over networks fast-check makes up: empty shelters, warehouses
 * nobody lives in, shelters short of what vouchers promise (negative available), stock on the
 * road, fractional kilograms and needs, one shelter or a dozen, one item or three.
 */
const quantity = (min: number, max: number) =>
  fc.oneof(
    fc.integer({ min, max }),
    fc.integer({ min: min * 1000, max: max * 1000 }).map((milli) => milli / 1000),
  );

/**
 * A shelter's stock as a raw quantity, or as days of cover (to the tenth) for its population,
 * so that many shelters sit near the target, where rounding and the target's edge matter.
 */
const shelterArb = (id: number, dailyNeedPerPerson: number) =>
  fc
    .record({
      population: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 600 })),
      raw: fc.oneof(fc.constant(0), quantity(-200, 8000)),
      days: fc.option(fc.integer({ min: 0, max: 400 }).map((tenths) => tenths / 10)),
      inbound: fc.oneof(fc.constant(0), quantity(0, 600)),
    })
    .map(({ population, raw, days, inbound }) => ({
      shelterId: `s-${id}`,
      population,
      available: days === null ? raw : roundQuantity(days * population * dailyNeedPerPerson),
      inbound,
    }));

const itemArb = (index: number) =>
  fc
    .record({
      dailyNeedPerPerson: fc.oneof(
        fc.constantFrom(0.45, 0.5, 1, 2.5, 15),
        fc.integer({ min: 1, max: 20_000 }).map((milli) => milli / 1000),
      ),
      shelterCount: fc.integer({ min: 1, max: 12 }),
    })
    .chain(({ dailyNeedPerPerson, shelterCount }) =>
      fc
        .tuple(...Array.from({ length: shelterCount }, (_, i) => shelterArb(i, dailyNeedPerPerson)))
        .map((shelters): PlanItem => ({ itemId: `item-${index}`, dailyNeedPerPerson, shelters })),
    );

const networkArb = fc.record({
  targetDays: fc.integer({ min: 1, max: 30 }),
  items: fc
    .integer({ min: 1, max: 3 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => itemArb(i)))),
});

/** Each shelter's available stock of an item after some of the moves. */
function availableAfter(item: PlanItem, moves: readonly TransferSuggestion[]): Map<string, number> {
  const after = new Map(item.shelters.map((s) => [s.shelterId, s.available]));
  for (const move of moves.filter((m) => m.itemId === item.itemId)) {
    after.set(move.fromShelterId, roundQuantity((after.get(move.fromShelterId) ?? 0) - move.quantity));
    after.set(move.toShelterId, roundQuantity((after.get(move.toShelterId) ?? 0) + move.quantity));
  }
  return after;
}

/** The lowest days of cover over the item's shelters where people live (stock on the road counted). */
function lowestCover(item: PlanItem, available: ReadonlyMap<string, number>): number | null {
  let min: number | null = null;
  for (const s of item.shelters) {
    const days = coverDays(
      roundQuantity((available.get(s.shelterId) ?? 0) + s.inbound),
      s.population,
      item.dailyNeedPerPerson,
    );
    if (days !== null && (min === null || days < min)) min = days;
  }
  return min;
}

const sum = (values: number[]) => roundQuantity(values.reduce((a, b) => a + b, 0));

const check = (property: (network: { targetDays: number; items: PlanItem[] }, plan: TransferPlan) => void) =>
  fc.assert(
    fc.property(networkArb, (network) => {
      property(network, planTransfers(network.items, network.targetDays));
    }),
    { numRuns: 400 },
  );

describe('the transfer plan, whatever the network', () => {
  it('conserves stock: what leaves the sources is what reaches the receivers, and the trips carry exactly the moves', () => {
    check(({ items }, plan) => {
      for (const item of items) {
        const before = sum(item.shelters.map((s) => s.available));
        expect(sum([...availableAfter(item, plan.suggestions).values()])).toBe(before);
        const moved = sum(plan.suggestions.filter((s) => s.itemId === item.itemId).map((s) => s.quantity));
        expect(plan.items.find((summary) => summary.itemId === item.itemId)?.moved).toBe(moved);
      }
      const onTrips = tripsOf(plan.suggestions).flatMap((trip) => trip.lines.map((line) => line.quantity));
      expect(sum(onTrips)).toBe(sum(plan.suggestions.map((s) => s.quantity)));
    });
  });

  it('never suggests a negative, zero or fractional quantity, nor a move from a shelter to itself', () => {
    check(({ items }, plan) => {
      for (const move of plan.suggestions) {
        expect(Number.isInteger(move.quantity) && move.quantity > 0, JSON.stringify(move)).toBe(true);
        // Person-days are floored to a tenth: never more than the quantity covers.
        const need = items.find((i) => i.itemId === move.itemId)?.dailyNeedPerPerson ?? 1;
        expect(move.personDays).toBeLessThanOrEqual(move.quantity / need + 1e-9);
        expect(move.personDays).toBeGreaterThan(move.quantity / need - 0.1);
        expect(move.fromShelterId).not.toBe(move.toShelterId);
      }
    });
  });

  it('never takes a source below its own target, nor sends more than it has available on its shelf', () => {
    check(({ items, targetDays }, plan) => {
      for (const item of items) {
        const after = availableAfter(item, plan.suggestions);
        const senders = new Set(
          plan.suggestions.filter((s) => s.itemId === item.itemId).map((s) => s.fromShelterId),
        );
        const receivers = new Set(
          plan.suggestions.filter((s) => s.itemId === item.itemId).map((s) => s.toShelterId),
        );
        for (const shelter of item.shelters.filter((s) => senders.has(s.shelterId))) {
          const { target } = coverPosition(shelter, item.dailyNeedPerPerson, targetDays);
          const left = after.get(shelter.shelterId) ?? 0;
          expect(left, shelter.shelterId).toBeGreaterThanOrEqual(target);
          expect(left, shelter.shelterId).toBeGreaterThanOrEqual(0);
          expect(receivers.has(shelter.shelterId), `${shelter.shelterId} both sends and receives`).toBe(
            false,
          );
        }
      }
    });
  });

  it('never lowers the network’s lowest days of cover, by the whole plan or by any one suggestion', () => {
    check(({ items }, plan) => {
      for (const item of items) {
        const before = lowestCover(item, availableAfter(item, []));
        const whole = lowestCover(item, availableAfter(item, plan.suggestions));
        expect(whole ?? 0).toBeGreaterThanOrEqual(before ?? 0);
        const summary = plan.items.find((s) => s.itemId === item.itemId);
        expect(summary?.lowestDaysOfCoverBefore).toBe(before);
        expect(summary?.lowestDaysOfCoverAfter).toBe(whole);
        for (const move of plan.suggestions.filter((s) => s.itemId === item.itemId)) {
          expect(lowestCover(item, availableAfter(item, [move])) ?? 0).toBeGreaterThanOrEqual(before ?? 0);
        }
      }
    });
  });

  it('covers the most person-days it can: moves min(what is missing, what can be spared), never more than a receiver misses', () => {
    check(({ items, targetDays }, plan) => {
      for (const item of items) {
        const covers = item.shelters.map((s) => ({
          s,
          cover: coverPosition(s, item.dailyNeedPerPerson, targetDays),
        }));
        const missing = sum(covers.filter((c) => c.cover.dailyNeed > 0).map((c) => c.cover.needed));
        const spare = sum(covers.map((c) => c.cover.canGive));
        const moves = plan.suggestions.filter((s) => s.itemId === item.itemId);
        expect(sum(moves.map((m) => m.quantity))).toBe(Math.min(missing, spare));
        for (const { s, cover } of covers) {
          const received = sum(moves.filter((m) => m.toShelterId === s.shelterId).map((m) => m.quantity));
          expect(received).toBeLessThanOrEqual(cover.needed);
        }
      }
    });
  });
});
