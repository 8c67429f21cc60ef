import { coverDays, coverPosition, personDays } from './cover-target.js';
import { addQuantities, roundQuantity } from './quantity.js';
import { matchMoves, type Party, type Receiver, shareOut } from './transfer-matching.js';

/**
 * The suggested transfer plan (issue 23, "what to move where"), a pure function of what the
 * network holds: for each item, who is below the target and who can spare stock, and the moves
 * that even days of cover out. Rules every plan keeps, whatever it is given (property-tested in
 * test/unit/transfer-plan.property.test.ts):
 *
 * - a move is a whole, positive quantity;
 * - a source sends only what is on its shelf beyond its own target, so it never falls below its
 *   target and never below zero, and a dispatch of the move is not refused for short stock;
 * - stock is conserved: what leaves sources is what reaches receivers;
 * - the network's lowest days of cover is never lowered, by the plan or by any one move of it.
 *
 * How (argued in docs/design.md, "What to move where"):
 * 1. Who gets what. Every unit sent to a shelter below its target covers the same person-days
 *    (1 / daily need per person), wherever it goes; so any plan that sends min(spare, missing)
 *    covers the most person-days. When spare stock cannot cover every shortfall, it is shared
 *    by water-filling: the lowest days of cover is raised first, to the level the spare stock
 *    reaches across all of them, so no shelter is left at 0 days while another is topped up.
 * 2. From where. Moves are matched to keep trips few: first along routes the plan already uses
 *    for an earlier item (a truck already going there takes it too); then a source whose spare
 *    stock is exactly a receiver's share closes both in one move; then the largest remaining
 *    source serves the largest remaining receiver. Each move empties a source or fills a
 *    receiver, so an item takes at most sources + receivers − 1 moves.
 */

/** One shelter's stock of the item being planned. */
export interface PlanShelter {
  shelterId: string;
  population: number;
  available: number;
  inbound: number;
}

/** One item and every shelter the plan may move it between. */
export interface PlanItem {
  itemId: string;
  dailyNeedPerPerson: number;
  shelters: readonly PlanShelter[];
}

/** Days of cover at one end of a move: as things stand, and once this move alone is made. */
export interface MoveEnd {
  daysOfCoverBefore: number | null;
  daysOfCoverAfter: number | null;
}

export interface TransferSuggestion {
  fromShelterId: string;
  toShelterId: string;
  itemId: string;
  quantity: number;
  /** Person-days the quantity covers at the receiver (quantity / daily need per person). */
  personDays: number;
  from: MoveEnd;
  to: MoveEnd;
}

/** One truck: every suggested move between two shelters, as the lines of one transfer. */
export interface TransferTrip {
  fromShelterId: string;
  toShelterId: string;
  lines: Array<{ itemId: string; quantity: number }>;
  personDays: number;
}

export interface ItemPlanSummary {
  itemId: string;
  dailyNeedPerPerson: number;
  /** Shelters planned over (in the key's reach). */
  shelters: number;
  sheltersBelowTargetBefore: number;
  sheltersBelowTargetAfter: number;
  /** What every shelter below the target is missing, in whole units. */
  needed: number;
  /** What every shelter above its target can send, in whole units. */
  spare: number;
  /** What the plan moves: min(needed, spare), up to the rounding to whole units. */
  moved: number;
  personDays: number;
  /** needed − moved: what must come from outside the network (a donor, a purchase). */
  unmet: number;
  /** Lowest days of cover over shelters where people live; null when nobody lives in any. */
  lowestDaysOfCoverBefore: number | null;
  lowestDaysOfCoverAfter: number | null;
}

export interface TransferPlan {
  targetDays: number;
  /** Most urgent first: the receiver's days of cover now, lowest first. */
  suggestions: TransferSuggestion[];
  items: ItemPlanSummary[];
}

/** The plan for every item; items are planned in the order given (earlier items' routes are reused). */
export function planTransfers(items: readonly PlanItem[], targetDays: number): TransferPlan {
  const routes = new Map<string, Set<string>>();
  const suggestions: Array<TransferSuggestion & { urgency: number }> = [];
  const summaries: ItemPlanSummary[] = [];
  for (const item of items) {
    const planned = planItem(item, targetDays, routes);
    suggestions.push(...planned.suggestions);
    summaries.push(planned.summary);
  }
  // Ids are slugs (ASCII): plain comparison orders them, and is far cheaper than localeCompare.
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  suggestions.sort(
    (a, b) =>
      a.urgency - b.urgency ||
      b.personDays - a.personDays ||
      byId(a.itemId, b.itemId) ||
      byId(a.toShelterId, b.toShelterId) ||
      byId(a.fromShelterId, b.fromShelterId),
  );
  return { targetDays, suggestions: suggestions.map(({ urgency: _u, ...s }) => s), items: summaries };
}

function planItem(
  item: PlanItem,
  targetDays: number,
  routes: Map<string, Set<string>>,
): { suggestions: Array<TransferSuggestion & { urgency: number }>; summary: ItemPlanSummary } {
  const parties: Party[] = item.shelters.map((shelter) => ({
    shelter,
    cover: coverPosition(shelter, item.dailyNeedPerPerson, targetDays),
  }));
  const sources = parties.filter((p) => p.cover.canGive > 0);
  // Only where people live: a shelter nobody lives in has no days of cover to raise.
  const receivers: Receiver[] = parties
    .filter((p) => p.cover.dailyNeed > 0 && p.cover.needed > 0)
    .map((p) => ({ ...p, share: 0 }));
  const spare = sources.reduce((sum, s) => sum + s.cover.canGive, 0);
  shareOut(receivers, spare);
  const moves = matchMoves(sources, receivers, routes);

  const change = new Map<string, number>();
  const suggestions = moves.map((move) => {
    change.set(move.from.shelter.shelterId, (change.get(move.from.shelter.shelterId) ?? 0) - move.quantity);
    change.set(move.to.shelter.shelterId, (change.get(move.to.shelter.shelterId) ?? 0) + move.quantity);
    return {
      fromShelterId: move.from.shelter.shelterId,
      toShelterId: move.to.shelter.shelterId,
      itemId: item.itemId,
      quantity: move.quantity,
      personDays: personDays(move.quantity, item.dailyNeedPerPerson),
      from: moveEnd(move.from, -move.quantity, item.dailyNeedPerPerson),
      to: moveEnd(move.to, move.quantity, item.dailyNeedPerPerson),
      urgency: move.to.cover.position / move.to.cover.dailyNeed,
    };
  });
  const moved = moves.reduce((sum, move) => sum + move.quantity, 0);
  const needed = receivers.reduce((sum, r) => sum + r.cover.needed, 0);
  const after = (p: Party) => roundQuantity(p.cover.position + (change.get(p.shelter.shelterId) ?? 0));
  return {
    suggestions,
    summary: {
      itemId: item.itemId,
      dailyNeedPerPerson: item.dailyNeedPerPerson,
      shelters: parties.length,
      sheltersBelowTargetBefore: receivers.length,
      sheltersBelowTargetAfter: parties.filter((p) => p.cover.dailyNeed > 0 && after(p) < p.cover.target)
        .length,
      needed,
      spare,
      moved,
      personDays: personDays(moved, item.dailyNeedPerPerson),
      unmet: Math.max(0, needed - moved),
      lowestDaysOfCoverBefore: lowest(parties, (p) => p.cover.position, item.dailyNeedPerPerson),
      lowestDaysOfCoverAfter: lowest(parties, after, item.dailyNeedPerPerson),
    },
  };
}

function moveEnd(party: Party, change: number, dailyNeedPerPerson: number): MoveEnd {
  const { population } = party.shelter;
  return {
    daysOfCoverBefore: coverDays(party.cover.position, population, dailyNeedPerPerson),
    daysOfCoverAfter: coverDays(addQuantities(party.cover.position, change), population, dailyNeedPerPerson),
  };
}

function lowest(
  parties: readonly Party[],
  quantity: (p: Party) => number,
  dailyNeedPerPerson: number,
): number | null {
  let min: number | null = null;
  for (const p of parties) {
    const days = coverDays(quantity(p), p.shelter.population, dailyNeedPerPerson);
    if (days !== null && (min === null || days < min)) min = days;
  }
  return min;
}

/** The suggestions grouped into trips, one per (from, to): each is the body of one transfer. */
export function tripsOf(suggestions: readonly TransferSuggestion[]): TransferTrip[] {
  const trips = new Map<string, TransferTrip>();
  for (const s of suggestions) {
    const key = `${s.fromShelterId}\u0000${s.toShelterId}`;
    const trip = trips.get(key) ?? {
      fromShelterId: s.fromShelterId,
      toShelterId: s.toShelterId,
      lines: [],
      personDays: 0,
    };
    trip.lines.push({ itemId: s.itemId, quantity: s.quantity });
    trip.personDays = roundQuantity(trip.personDays + s.personDays);
    trips.set(key, trip);
  }
  return [...trips.values()];
}
