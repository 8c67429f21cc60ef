import type { Principal } from '../domain/api-key.js';
import { inboundByShelter } from '../domain/in-transit.js';
import type { Item } from '../domain/item.js';
import { roundQuantity } from '../domain/quantity.js';
import type { Shelter } from '../domain/shelter.js';
import type { PlanItem } from '../domain/transfer-plan.js';
import { NotFoundError, ValidationError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';

/**
 * What a transfer plan and a needs report are computed from: every shelter in the key's reach,
 * the items with a daily need, what each shelter has available and what is on the road to it.
 * Read in a fixed number of paged Queries whatever the number of shelters (the shelters, the
 * catalogue, the one stock partition, the one in-transit partition), all at once; a key scoped
 * to some shelters reads only those shelters' records and sees nothing of the others.
 */
export interface NetworkCover {
  shelters: Shelter[];
  /** Items with a daily need per person, in catalogue order (`itemId` alone when asked). */
  items: Item[];
  itemsWithoutDailyNeed: string[];
  /** shelterId -> itemId -> on hand minus reserved. A pair never stocked is absent (0). */
  available: Map<string, Map<string, number>>;
  /** shelterId -> itemId -> quantity dispatched to it and not yet received. */
  inbound: Map<string, Map<string, number>>;
  /** DynamoDB requests the reads cost (the benchmark and a test hold it flat in shelters). */
  requests: number;
}

export type NetworkCoverDeps = { stores: Pick<Stores, 'shelters' | 'items' | 'stock' | 'inTransit'> };

/** A key's shelter list, or undefined when it reaches every shelter (admins, `"*"`). */
function scopeOf(viewer: Principal): readonly string[] | undefined {
  return viewer.role === 'admin' || viewer.scope.shelterIds === '*' ? undefined : viewer.scope.shelterIds;
}

const PAGE = 1000;

async function sheltersInReach(
  scope: readonly string[] | undefined,
  deps: NetworkCoverDeps,
): Promise<{ shelters: Shelter[]; requests: number }> {
  // A scoped key names at most 100 shelters: one batch read of exactly those.
  if (scope !== undefined) {
    const found = await deps.stores.shelters.getMany(scope);
    return { shelters: [...found.values()].sort((a, b) => a.id.localeCompare(b.id)), requests: 1 };
  }
  const shelters: Shelter[] = [];
  let requests = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.stores.shelters.list(PAGE * 10, cursor);
    shelters.push(...page.items);
    requests += 1;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return { shelters, requests };
}

async function availableInReach(
  scope: readonly string[] | undefined,
  itemId: string | undefined,
  deps: NetworkCoverDeps,
): Promise<{ available: Map<string, Map<string, number>>; requests: number }> {
  const available = new Map<string, Map<string, number>>();
  let requests = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.stores.stock.listBalances(
      { ...(itemId === undefined ? {} : { itemId }), ...(scope === undefined ? {} : { shelterIds: scope }) },
      PAGE * 10,
      cursor,
    );
    for (const balance of page.items) {
      const items = available.get(balance.shelterId) ?? new Map<string, number>();
      items.set(balance.itemId, roundQuantity(balance.onHand - balance.reserved));
      available.set(balance.shelterId, items);
    }
    requests += page.requests;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return { available, requests };
}

export async function readNetworkCover(
  viewer: Principal,
  input: { itemId?: string | undefined },
  deps: NetworkCoverDeps,
): Promise<NetworkCover> {
  const scope = scopeOf(viewer);
  const [reach, catalogue, stock, onTheRoad] = await Promise.all([
    sheltersInReach(scope, deps),
    deps.stores.items.all(),
    availableInReach(scope, input.itemId, deps),
    deps.stores.inTransit.list(scope === undefined ? {} : { toShelterIds: scope }),
  ]);
  let items = catalogue;
  if (input.itemId !== undefined) {
    const item = catalogue.find((candidate) => candidate.id === input.itemId);
    if (item === undefined) throw new NotFoundError('Item', input.itemId);
    if (item.dailyNeedPerPerson === undefined)
      throw new ValidationError(
        `Item "${item.id}" has no daily need per person, so it has no days of cover.`,
        [
          {
            field: 'itemId',
            message: `${item.id} has no daily need per person: plan an item that has one, or leave itemId out`,
          },
        ],
      );
    items = [item];
  }
  return {
    shelters: reach.shelters,
    items: items.filter((item) => item.dailyNeedPerPerson !== undefined),
    itemsWithoutDailyNeed: items
      .filter((item) => item.dailyNeedPerPerson === undefined)
      .map((item) => item.id),
    available: stock.available,
    inbound: inboundByShelter(onTheRoad.items),
    // The catalogue is a few dozen items: one page.
    requests: reach.requests + 1 + stock.requests + onTheRoad.requests,
  };
}

/** The network as the plan takes it: per item, every shelter in reach (a pair never stocked at 0). */
export function planItemsOf(cover: NetworkCover): PlanItem[] {
  return cover.items.map((item) => ({
    itemId: item.id,
    dailyNeedPerPerson: item.dailyNeedPerPerson ?? 0,
    shelters: cover.shelters.map((shelter) => ({
      shelterId: shelter.id,
      population: shelter.population,
      available: cover.available.get(shelter.id)?.get(item.id) ?? 0,
      inbound: cover.inbound.get(shelter.id)?.get(item.id) ?? 0,
    })),
  }));
}
