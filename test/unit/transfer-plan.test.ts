import { describe, expect, it } from 'vitest';
import { coverPosition } from '../../shared/domain/cover-target.js';
import { type PlanShelter, planTransfers, tripsOf } from '../../shared/domain/transfer-plan.js';

const shelter = (shelterId: string, population: number, available: number, inbound = 0): PlanShelter => ({
  shelterId,
  population,
  available,
  inbound,
});

/** One person eats 1 unit a day: days of cover read as quantity / population. */
const item = (itemId: string, shelters: PlanShelter[], dailyNeedPerPerson = 1) => ({
  itemId,
  dailyNeedPerPerson,
  shelters,
});

describe('where a shelter stands against the target', () => {
  it('needs the target less what it has and what is on the road to it, in whole units rounded up', () => {
    // 95 people x 0.45 kg x 7 days = 299.25 kg; 100 on the shelf and 50 on a truck.
    const cover = coverPosition({ population: 95, available: 100, inbound: 50 }, 0.45, 7);
    expect(cover).toMatchObject({ dailyNeed: 42.75, target: 299.25, position: 150, needed: 150, canGive: 0 });
    expect(cover.daysOfCover).toBe(3.5);
  });

  it('gives only from its shelf beyond its target, in whole units rounded down, never what is on the road', () => {
    const cover = coverPosition({ population: 10, available: 75.8, inbound: 500 }, 1, 7);
    expect(cover.canGive).toBe(5);
    expect(cover.needed).toBe(0);
  });

  it('counts vouchers already promised: a shortfall on the shelf is part of what is needed', () => {
    // available -20: 20 more reserved than on hand.
    expect(coverPosition({ population: 10, available: -20, inbound: 0 }, 1, 3)).toMatchObject({
      needed: 50,
      canGive: 0,
      daysOfCover: 0,
    });
  });

  it('can give everything available where nobody lives, and has no days of cover there', () => {
    expect(coverPosition({ population: 0, available: 400, inbound: 0 }, 1, 7)).toMatchObject({
      needed: 0,
      canGive: 400,
      daysOfCover: null,
    });
  });
});

describe('the suggested transfer plan', () => {
  it('sends what one shelter can spare to the shelters below the target, each move whole and sized to the need', () => {
    const plan = planTransfers(
      [item('rice', [shelter('a', 10, 250), shelter('b', 10, 30), shelter('c', 10, 60)])],
      10,
    );

    expect(plan.suggestions.map((s) => [s.fromShelterId, s.toShelterId, s.quantity])).toEqual([
      ['a', 'b', 70],
      ['a', 'c', 40],
    ]);
    expect(plan.suggestions[0]).toMatchObject({
      itemId: 'rice',
      personDays: 70,
      from: { daysOfCoverBefore: 25, daysOfCoverAfter: 18 },
      to: { daysOfCoverBefore: 3, daysOfCoverAfter: 10 },
    });
    expect(plan.items[0]).toMatchObject({
      needed: 110,
      spare: 150,
      moved: 110,
      unmet: 0,
      lowestDaysOfCoverBefore: 3,
      lowestDaysOfCoverAfter: 10,
    });
  });

  it('raises the lowest days of cover first when the spare stock cannot cover every shortfall', () => {
    // 100 to share; b has 0 days, c 5 days, the target is 10. Largest shortfall first would give
    // b all 100 (b 10 days, c still 5); water-filling brings both to 7.5 days.
    const plan = planTransfers(
      [item('water', [shelter('a', 10, 200), shelter('b', 10, 0), shelter('c', 10, 50)])],
      10,
    );

    const to = Object.fromEntries(plan.suggestions.map((s) => [s.toShelterId, s.quantity]));
    expect(to).toEqual({ b: 75, c: 25 });
    expect(plan.items[0]).toMatchObject({ lowestDaysOfCoverBefore: 0, lowestDaysOfCoverAfter: 7.5 });
  });

  it('never takes a source below its own target, counting only its shelf', () => {
    // a: target 70, 80 on the shelf and 500 on its way: it can spare 10, not 510.
    const plan = planTransfers([item('rice', [shelter('a', 10, 80, 500), shelter('b', 10, 0)])], 7);

    expect(plan.suggestions).toEqual([
      expect.objectContaining({ fromShelterId: 'a', toShelterId: 'b', quantity: 10 }),
    ]);
    expect(plan.suggestions[0]?.from.daysOfCoverAfter).toBeGreaterThanOrEqual(7);
  });

  it('counts what is on the road to a shelter as already there', () => {
    const plan = planTransfers([item('rice', [shelter('a', 10, 200), shelter('b', 10, 0, 60)])], 7);

    expect(plan.suggestions.map((s) => s.quantity)).toEqual([10]);
    expect(plan.suggestions[0]?.to).toEqual({ daysOfCoverBefore: 6, daysOfCoverAfter: 7 });
  });

  it('moves whole units of fractional needs, and rounds a receiver’s share up rather than leave it short', () => {
    // b: 3 people x 0.45 kg x 7 days = 9.45 kg, so it needs 10 kg.
    const plan = planTransfers([item('rice', [shelter('a', 1, 50), shelter('b', 3, 0)], 0.45)], 7);

    expect(plan.suggestions.map((s) => s.quantity)).toEqual([10]);
    expect(plan.suggestions[0]?.personDays).toBe(22.2);
  });

  it('uses a shelter nobody lives in (a warehouse) as a source, and never sends anything to one', () => {
    const plan = planTransfers(
      [item('blanket', [shelter('depot', 0, 500), shelter('empty', 0, -5), shelter('b', 20, 0)])],
      3,
    );

    expect(plan.suggestions.map((s) => [s.fromShelterId, s.toShelterId, s.quantity])).toEqual([
      ['depot', 'b', 60],
    ]);
    expect(plan.suggestions[0]?.from).toEqual({ daysOfCoverBefore: null, daysOfCoverAfter: null });
  });

  it('suggests nothing when every shelter is at the target, or when nobody can spare anything', () => {
    const even = planTransfers([item('rice', [shelter('a', 10, 70), shelter('b', 10, 90)])], 7);
    const short = planTransfers([item('rice', [shelter('a', 10, 10), shelter('b', 10, 0)])], 7);

    expect(even.suggestions).toEqual([]);
    expect(even.items[0]).toMatchObject({ sheltersBelowTargetBefore: 0, moved: 0, unmet: 0 });
    expect(short.suggestions).toEqual([]);
    expect(short.items[0]).toMatchObject({ needed: 130, spare: 0, unmet: 130, sheltersBelowTargetAfter: 2 });
  });

  it('lists the most urgent moves first: the receiver with the fewest days of cover', () => {
    const plan = planTransfers(
      [
        item('rice', [shelter('a', 10, 500), shelter('b', 10, 50)]),
        item('water', [shelter('a', 10, 500), shelter('c', 10, 0)]),
      ],
      7,
    );

    expect(plan.suggestions.map((s) => s.toShelterId)).toEqual(['c', 'b']);
  });

  it('closes a source and a receiver in one move when the spare stock is exactly the share', () => {
    // a spares 45, d 25; b and c miss 25 each, e 20. Largest to largest would make four moves
    // (a->b 25, a->c 20, d->c 5, d->e 20); the exact fit d->b leaves a->c and a->e: three.
    const plan = planTransfers(
      [
        item('rice', [
          shelter('a', 10, 115),
          shelter('d', 10, 95),
          shelter('b', 10, 45),
          shelter('c', 10, 45),
          shelter('e', 10, 50),
        ]),
      ],
      7,
    );

    expect(plan.suggestions.map((s) => [s.fromShelterId, s.toShelterId, s.quantity]).sort()).toEqual([
      ['a', 'c', 25],
      ['a', 'e', 20],
      ['d', 'b', 25],
    ]);
  });

  it('puts a second item on a truck already planned between the same shelters, so there are fewer trips', () => {
    // Rice can only come from a. For water z has the most to spare, but a can spare enough:
    // one truck a -> b with both rather than a second truck z -> b.
    const plan = planTransfers(
      [
        item('rice', [shelter('a', 10, 200), shelter('z', 10, 70), shelter('b', 10, 0)]),
        item('water', [shelter('a', 10, 150), shelter('z', 10, 200), shelter('b', 10, 0)]),
      ],
      7,
    );

    expect(tripsOf(plan.suggestions)).toEqual([
      {
        fromShelterId: 'a',
        toShelterId: 'b',
        lines: [
          { itemId: 'rice', quantity: 70 },
          { itemId: 'water', quantity: 70 },
        ],
        personDays: 140,
      },
    ]);
  });
});
