import type { Principal } from '../domain/api-key.js';
import { addQuantities, roundQuantity } from '../domain/quantity.js';
import { ALREADY_IN_ROUND, type RawHousehold } from '../domain/round-households.js';
import type { Forecast, ForecastRefusal, ForecastRow } from '../domain/round-report.js';
import { daysOfCover } from '../domain/stock.js';
import { ConflictError } from '../errors/app-errors.js';
import { type PlannedHousehold, planHouseholds } from './plan-households.js';
import { checkRoundRules, loadVisibleRound, type RoundDeps } from './round-context.js';

/**
 * What issuing this list would take, per shelter and item, against what is available now: the
 * same plan the issue makes (so the same rows are left out, each with the reason), and
 * nothing written or kept. The list is read, summed and forgotten. Whether the stock covers every
 * household is answered here, once, so that a page deciding to open a round asks the server.
 */
export async function forecastRound(
  input: { roundId: string; rows: readonly RawHousehold[] },
  actor: Principal,
  deps: RoundDeps,
): Promise<Forecast> {
  const round = await loadVisibleRound(input.roundId, actor, deps);
  if (round.status === 'closed' || round.status === 'closing')
    throw new ConflictError(`Round "${round.id}" is ${round.status}: there is nothing left to forecast.`);
  const { catalogue } = await checkRoundRules(round.rules, deps);
  const plan = await planHouseholds(round, input.rows, catalogue, actor, deps);

  const needed = new Map<string, Map<string, { quantity: number; households: number }>>();
  for (const household of plan.planned) {
    const perItem = needed.get(household.shelterId) ?? new Map();
    for (const line of household.lines) {
      const sum = perItem.get(line.itemId) ?? { quantity: 0, households: 0 };
      perItem.set(line.itemId, {
        quantity: addQuantities(sum.quantity, line.quantity),
        households: sum.households + 1,
      });
    }
    needed.set(household.shelterId, perItem);
  }
  const shelters = await deps.stores.shelters.getMany([...needed.keys()]);
  /** Available now (on hand less reserved), by `shelterId#itemId`. */
  const available = new Map<string, number>();
  const rows: ForecastRow[] = [];
  for (const [shelterId, perItem] of [...needed].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const balances = await deps.stores.stock.readBalances(shelterId, [...perItem.keys()]);
    for (const [itemId, need] of perItem) {
      const balance = balances.get(itemId);
      const free = balance === undefined ? 0 : roundQuantity(balance.onHand - balance.reserved);
      available.set(`${shelterId}#${itemId}`, free);
      const left = Math.max(0, addQuantities(free, -need.quantity));
      rows.push({
        shelterId,
        itemId,
        unit: catalogue.get(itemId)?.unit ?? '',
        households: need.households,
        needed: need.quantity,
        available: free,
        shortfall: Math.max(0, addQuantities(need.quantity, -free)),
        daysOfCoverAfter: daysOfCover(left, shelters.get(shelterId)?.population, catalogue.get(itemId)),
      });
    }
  }
  const ownClaims = plan.claimed.filter(({ claim }) => claim.orgId === actor.orgId);
  const refusals: ForecastRefusal[] = [
    ...plan.refused.flatMap(({ row, problem }) => (problem === undefined ? [] : [{ row, ...problem }])),
    ...plan.claimed
      .filter(({ claim }) => claim.orgId !== actor.orgId)
      .map(({ row }) => ({
        row,
        reason: 'already-in-round' as const,
        field: 'beneficiaryRef',
        detail: ALREADY_IN_ROUND,
      })),
  ].sort((a, b) => a.row - b.row);
  return {
    roundId: round.id,
    rulesVersion: round.rulesVersion,
    households: plan.planned.length,
    skipped: plan.refused.length + plan.claimed.length,
    alreadyIssued: ownClaims.length,
    refusals,
    coversEveryHousehold: rows.every((row) => row.shortfall === 0),
    householdsCovered: coveredInListOrder(plan.planned, available),
    rows,
  };
}

/**
 * How many households the stock covers if they are served in list order, each taking its whole
 * voucher or nothing: what issuing the list does when no one else takes stock meanwhile.
 */
function coveredInListOrder(planned: readonly PlannedHousehold[], available: Map<string, number>): number {
  const left = new Map(available);
  let covered = 0;
  for (const household of planned) {
    const key = (itemId: string) => `${household.shelterId}#${itemId}`;
    const fits = household.lines.every((line) => (left.get(key(line.itemId)) ?? 0) >= line.quantity);
    if (!fits) continue;
    for (const line of household.lines) {
      left.set(key(line.itemId), addQuantities(left.get(key(line.itemId)) ?? 0, -line.quantity));
    }
    covered += 1;
  }
  return covered;
}
