import type { Principal } from '../domain/api-key.js';
import { planShelterView, type TransferPlanQuery, type TransferPlanView } from '../domain/plan-views.js';
import { planTransfers, tripsOf } from '../domain/transfer-plan.js';
import { type NetworkCoverDeps, planItemsOf, readNetworkCover } from './network-cover.js';

export type PlanTransfersDeps = NetworkCoverDeps & { now: () => Date };

/**
 * GET /v1/plans/transfers: the suggested moves that even days of cover across the shelters the
 * key reaches. A key scoped to some shelters plans among those only: it neither sees another
 * shelter's stock nor is told to move stock it could not dispatch. Nothing is written: a
 * suggestion becomes a transfer through POST /v1/transfers, with its own Idempotency-Key.
 */
export async function planNetworkTransfers(
  input: TransferPlanQuery,
  viewer: Principal,
  deps: PlanTransfersDeps,
): Promise<TransferPlanView> {
  const cover = await readNetworkCover(viewer, { itemId: input.itemId }, deps);
  const plan = planTransfers(planItemsOf(cover), input.targetDays);
  const units = new Map(cover.items.map((item) => [item.id, item.unit]));
  const unitOf = (itemId: string) => units.get(itemId) ?? '';
  const listed = plan.suggestions.slice(0, input.limit);
  const named = new Set(listed.flatMap((s) => [s.fromShelterId, s.toShelterId]));
  return {
    targetDays: input.targetDays,
    generatedAt: deps.now().toISOString(),
    suggestions: listed.map(({ fromShelterId, toShelterId, itemId, quantity, ...rest }) => ({
      fromShelterId,
      toShelterId,
      itemId,
      quantity,
      unit: unitOf(itemId),
      ...rest,
    })),
    suggestionsTotal: plan.suggestions.length,
    trips: tripsOf(listed),
    items: plan.items.map(({ itemId, ...summary }) => ({ itemId, unit: unitOf(itemId), ...summary })),
    itemsWithoutDailyNeed: cover.itemsWithoutDailyNeed,
    shelters: cover.shelters.filter((s) => named.has(s.id)).map((s) => planShelterView(s, viewer)),
  };
}
