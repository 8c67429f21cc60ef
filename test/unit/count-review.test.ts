import { describe, expect, it } from 'vitest';
import { approvalRefusal, excludedApprovers } from '../../shared/domain/count-approval.js';
import { linesNeedingApproval, postedChange, reviewCount } from '../../shared/domain/count-review.js';
import type { Movement } from '../../shared/domain/movement.js';

const T = (minute: number) => new Date(Date.UTC(2026, 2, 3, 9, minute)).toISOString();

function movement(at: string, lines: Movement['lines'], extra: Partial<Movement> = {}): Movement {
  return {
    id: `m-${at}`,
    shelterId: 'shelter-a',
    type: 'distribution',
    lines,
    actorKeyId: 'k',
    orgId: 'org-a',
    at,
    ...extra,
  };
}

const noTolerances = new Map();

describe('reviewing a counted line against the books at its count time', () => {
  it('compares with the balance now when nothing moved since the count', () => {
    const [review] = reviewCount(
      [{ itemId: 'rice', counted: 37, countedAt: T(0) }],
      new Map([['rice', 40]]),
      [],
      noTolerances,
    );
    expect(review).toMatchObject({ recorded: 40, difference: -3, allowed: 1, needsApproval: true });
  });

  it('takes out what left after the count (a redemption) so it is neither lost nor counted twice', () => {
    // 40 on the books at 9:00, 38 on the shelf; 5 handed out at 9:10: the books now say 35.
    const handedOut = movement(T(10), [{ itemId: 'rice', quantity: -5 }]);
    const [review] = reviewCount(
      [{ itemId: 'rice', counted: 38, countedAt: T(0) }],
      new Map([['rice', 35]]),
      [handedOut],
      noTolerances,
    );
    expect(review).toMatchObject({ recorded: 40, difference: -2 });
    // Posted on the balance now: 35 - 2 = 33, which is the 38 counted less the 5 handed out.
    expect(35 + postedChange(review as NonNullable<typeof review>)).toBe(33);
  });

  it('keeps what moved before the count, even when it reached the server later (an offline handover synced late)', () => {
    // Handed over offline at 8:55 (device time), synced after the line arrived: the books now
    // include it, and so did the shelf at 9:00.
    const offline = movement(new Date(Date.UTC(2026, 2, 3, 8, 55)).toISOString(), [
      { itemId: 'rice', quantity: -4 },
    ]);
    const [review] = reviewCount(
      [{ itemId: 'rice', counted: 36, countedAt: T(0) }],
      new Map([['rice', 36]]),
      [offline],
      noTolerances,
    );
    expect(review).toMatchObject({ recorded: 36, difference: 0, needsApproval: false });
  });

  it('looks only at its own item and at movements dated after its own count time', () => {
    const ledger = [
      movement(T(5), [
        { itemId: 'rice', quantity: 10 },
        { itemId: 'water', quantity: -20 },
      ]),
      movement(T(20), [{ itemId: 'water', quantity: 100 }]),
    ];
    const reviews = reviewCount(
      [
        { itemId: 'rice', counted: 50, countedAt: T(0) },
        { itemId: 'water', counted: 200, countedAt: T(10) },
      ],
      new Map([
        ['rice', 60],
        ['water', 300],
      ]),
      ledger,
      noTolerances,
    );
    expect(reviews.map(({ itemId, recorded, difference }) => ({ itemId, recorded, difference }))).toEqual([
      { itemId: 'rice', recorded: 50, difference: 0 },
      { itemId: 'water', recorded: 200, difference: 0 },
    ]);
  });

  it('is superseded by a count correction dated after it, and then posts nothing', () => {
    const directCount = movement(T(30), [{ itemId: 'rice', quantity: -3, balanceAfter: 37, counted: 37 }], {
      type: 'adjustment',
      reason: 'count',
    });
    const [review] = reviewCount(
      [{ itemId: 'rice', counted: 30, countedAt: T(0) }],
      new Map([['rice', 37]]),
      [directCount],
      noTolerances,
    );
    expect(review?.supersededBy).toEqual({ movementId: directCount.id, at: T(30) });
    expect(review?.needsApproval).toBe(false);
    expect(postedChange(review as NonNullable<typeof review>)).toBe(0);
  });

  it("dates another session's line by its count time, not by when it posted", () => {
    // Session B counted rice at 8:50 and posted at 9:20; this line was counted at 9:00, later:
    // B's correction is part of the books this line is compared with, and does not supersede it.
    const otherSession = movement(
      T(20),
      [
        {
          itemId: 'rice',
          quantity: -5,
          balanceAfter: 35,
          counted: 35,
          countedAt: new Date(Date.UTC(2026, 2, 3, 8, 50)).toISOString(),
        },
      ],
      { type: 'adjustment', reason: 'count', countSessionId: 'cnt_B' },
    );
    const [review] = reviewCount(
      [{ itemId: 'rice', counted: 34, countedAt: T(0) }],
      new Map([['rice', 35]]),
      [otherSession],
      noTolerances,
    );
    expect(review?.supersededBy).toBeUndefined();
    expect(review).toMatchObject({ recorded: 35, difference: -1 });
  });

  it('is superseded by another session line counted after it, whenever that posted', () => {
    const later = movement(
      T(40),
      [{ itemId: 'rice', quantity: 2, balanceAfter: 42, counted: 42, countedAt: T(15) }],
      {
        type: 'adjustment',
        reason: 'count',
        countSessionId: 'cnt_B',
      },
    );
    const [review] = reviewCount(
      [{ itemId: 'rice', counted: 41, countedAt: T(0) }],
      new Map([['rice', 42]]),
      [later],
      noTolerances,
    );
    expect(review?.supersededBy).toEqual({ movementId: later.id, at: T(15) });
  });

  it('does not treat a movement at the very count time as later', () => {
    const same = movement(T(0), [{ itemId: 'rice', quantity: -1 }]);
    const [review] = reviewCount(
      [{ itemId: 'rice', counted: 9, countedAt: T(0) }],
      new Map([['rice', 9]]),
      [same],
      noTolerances,
    );
    expect(review).toMatchObject({ recorded: 9, difference: 0 });
  });

  it("uses each item's tolerance, the default otherwise", () => {
    const reviews = reviewCount(
      [
        { itemId: 'rice', counted: 190, countedAt: T(0) },
        { itemId: 'blanket', counted: 190, countedAt: T(0) },
      ],
      new Map([
        ['rice', 200],
        ['blanket', 200],
      ]),
      [],
      new Map([['rice', { percent: 5, units: 1 }]]),
    );
    expect(reviews.map((r) => [r.itemId, r.allowed, r.needsApproval])).toEqual([
      ['rice', 10, false],
      ['blanket', 4, true],
    ]);
    expect(linesNeedingApproval(reviews).map((r) => r.itemId)).toEqual(['blanket']);
  });
});

describe('four eyes on a count: who may approve', () => {
  const reviews = reviewCount(
    [
      { itemId: 'rice', counted: 30, countedAt: T(0) },
      { itemId: 'water', counted: 100, countedAt: T(0) },
    ],
    new Map([
      ['rice', 40],
      ['water', 100],
    ]),
    [],
    noTolerances,
  );
  const lines = new Map([
    ['rice', { countedByPersonId: 'psn_sokha', reason: { text: 'torn sacks', at: T(1), keyId: 'k1' } }],
    ['water', { countedByPersonId: 'psn_dara' }],
  ]);

  it('refuses a machine key: it has no person to vouch for the difference', () => {
    expect(approvalRefusal(reviews, lines, {})).toEqual({ kind: 'machine-key' });
  });

  it('refuses the person who counted a line beyond tolerance, from any of their keys', () => {
    expect(approvalRefusal(reviews, lines, { personId: 'psn_sokha' })).toEqual({
      kind: 'counted-by-caller',
      itemIds: ['rice'],
    });
  });

  it('lets a person who counted only lines within tolerance approve the others', () => {
    expect(approvalRefusal(reviews, lines, { personId: 'psn_dara' })).toBeUndefined();
    expect(approvalRefusal(reviews, lines, { personId: 'psn_lead' })).toBeUndefined();
  });

  it('asks for a reason on every line beyond tolerance first', () => {
    const unexplained = new Map([
      ['rice', { countedByPersonId: 'psn_sokha' }],
      ['water', { countedByPersonId: 'psn_dara' }],
    ]);
    expect(approvalRefusal(reviews, unexplained, { personId: 'psn_lead' })).toEqual({
      kind: 'reasons-missing',
      itemIds: ['rice'],
    });
  });

  it('lets anyone approve a line a machine key counted, and names who may not', () => {
    const machineCounted = new Map([
      ['rice', { reason: { text: 'x', at: T(1), keyId: 'k' } }],
      ['water', {}],
    ]);
    expect(approvalRefusal(reviews, machineCounted, { personId: 'psn_lead' })).toBeUndefined();
    expect(excludedApprovers(reviews, lines)).toEqual(['psn_sokha']);
  });
});
