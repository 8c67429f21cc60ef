import type { CoverPosition } from './cover-target.js';
import { roundQuantity } from './quantity.js';
import type { PlanShelter } from './transfer-plan.js';

/**
 * The two choices inside the transfer plan (transfer-plan.ts): how much each shelter below the
 * target gets of an item's spare stock (water-filling), and from which sources (few trips).
 */

export interface Party {
  shelter: PlanShelter;
  cover: CoverPosition;
}

export interface Receiver extends Party {
  /** What the plan sends it: at most what it misses (cover.needed). */
  share: number;
}

/**
 * Sets each receiver's share of `spare` whole units. Enough for all: each gets what it misses.
 * Not enough: water-filling. The receivers, lowest days of cover first, are raised together to
 * the one level L (in days) that the spare stock reaches: Σ max(0, L × dailyNeed − position) =
 * spare. Shares are floored to whole units and the units left over go one by one to the lowest
 * covered after that, so the shares add up to exactly `spare`.
 */
export function shareOut(receivers: Receiver[], spare: number): void {
  const missing = receivers.reduce((sum, r) => sum + r.cover.needed, 0);
  if (missing <= spare) {
    for (const r of receivers) r.share = r.cover.needed;
    return;
  }
  const byCover = [...receivers].sort((a, b) => coverOf(a) - coverOf(b));
  let level = Number.POSITIVE_INFINITY;
  let needSum = 0;
  let positionSum = 0;
  for (let k = 0; k < byCover.length; k++) {
    const r = byCover[k] as Receiver;
    needSum += r.cover.dailyNeed;
    positionSum += r.cover.position;
    const reached = (spare + positionSum) / needSum;
    const next = byCover[k + 1];
    if (next === undefined || reached <= coverOf(next)) {
      level = reached;
      break;
    }
  }
  let given = 0;
  for (const r of receivers) {
    const upTo = roundQuantity(Math.min(level * r.cover.dailyNeed, r.cover.target) - r.cover.position);
    r.share = Math.min(r.cover.needed, Math.max(0, Math.floor(upTo)));
    given += r.share;
  }
  // Floors leave fewer units than receivers; each goes to the lowest covered that has room.
  while (given < spare) {
    const room = receivers.filter((r) => r.share < r.cover.needed);
    if (room.length === 0) break;
    room.sort(
      (a, b) =>
        (a.cover.position + a.share) / a.cover.dailyNeed - (b.cover.position + b.share) / b.cover.dailyNeed,
    );
    for (const r of room) {
      if (given >= spare) break;
      r.share += 1;
      given += 1;
    }
  }
}

const coverOf = (r: Party) => r.cover.position / r.cover.dailyNeed;

export interface Move {
  from: Party;
  to: Receiver;
  quantity: number;
}

/**
 * Matches sources to receivers' shares: routes already in the plan first, then exact fits, then
 * the largest remaining source to the largest remaining share. Every share is met (the shares
 * add up to at most the spare stock). `routes` (receiver -> sources) gains the routes used.
 */
export function matchMoves(
  sources: readonly Party[],
  receivers: readonly Receiver[],
  routes: Map<string, Set<string>>,
): Move[] {
  const left = new Map(sources.map((s) => [s.shelter.shelterId, s.cover.canGive]));
  const owed = new Map(receivers.map((r) => [r.shelter.shelterId, r.share]));
  const byId = new Map(sources.map((s) => [s.shelter.shelterId, s]));
  const moves = new Map<string, Move>();
  const move = (from: Party, to: Receiver, quantity: number) => {
    if (quantity <= 0) return;
    const fromId = from.shelter.shelterId;
    const toId = to.shelter.shelterId;
    left.set(fromId, (left.get(fromId) ?? 0) - quantity);
    owed.set(toId, (owed.get(toId) ?? 0) - quantity);
    const key = `${fromId}\u0000${toId}`;
    const existing = moves.get(key);
    if (existing === undefined) moves.set(key, { from, to, quantity });
    else existing.quantity += quantity;
    const used = routes.get(toId) ?? new Set<string>();
    used.add(fromId);
    routes.set(toId, used);
  };
  const byUrgency = [...receivers].sort((a, b) => coverOf(a) - coverOf(b));

  // 1. A truck already going from a source to this receiver (for an earlier item) takes this too.
  for (const to of byUrgency) {
    for (const fromId of routes.get(to.shelter.shelterId) ?? []) {
      const from = byId.get(fromId);
      if (from === undefined) continue;
      move(from, to, Math.min(left.get(fromId) ?? 0, owed.get(to.shelter.shelterId) ?? 0));
    }
  }
  // 2. A source whose spare stock is exactly a receiver's share: one move closes both.
  const bySpare = new Map<number, Party[]>();
  for (const s of sources) {
    const spare = left.get(s.shelter.shelterId) ?? 0;
    if (spare <= 0) continue;
    const same = bySpare.get(spare);
    if (same === undefined) bySpare.set(spare, [s]);
    else same.push(s);
  }
  for (const to of byUrgency) {
    const share = owed.get(to.shelter.shelterId) ?? 0;
    const from = share > 0 ? bySpare.get(share)?.pop() : undefined;
    if (from !== undefined) move(from, to, share);
  }
  // 3. The largest remaining source to the largest remaining share, until every share is met.
  const givers = sources
    .map((s) => ({ party: s, amount: left.get(s.shelter.shelterId) ?? 0 }))
    .filter((g) => g.amount > 0)
    .sort((a, b) => b.amount - a.amount);
  const takers = receivers
    .map((r) => ({ party: r, amount: owed.get(r.shelter.shelterId) ?? 0 }))
    .filter((t) => t.amount > 0)
    .sort((a, b) => b.amount - a.amount);
  let g = 0;
  for (const taker of takers) {
    while (taker.amount > 0 && g < givers.length) {
      const giver = givers[g] as { party: Party; amount: number };
      const quantity = Math.min(giver.amount, taker.amount);
      move(giver.party, taker.party, quantity);
      giver.amount -= quantity;
      taker.amount -= quantity;
      if (giver.amount <= 0) g++;
    }
  }
  return [...moves.values()];
}
