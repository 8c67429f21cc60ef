import type { Principal } from '../domain/api-key.js';
import { type ShelterView, shelterView } from '../domain/shelter.js';
import type { Stores } from '../store/stores.js';
import { assertShelterInScope } from './stock-context.js';

/**
 * A shelter's cover warning level: under this many days of cover a balance there raises
 * `stock.cover-low` (unless the item has its own level there). Set by the shelter's logistics
 * lead, who reads the alerts; null goes back to the default. Who and when are recorded.
 */
export async function setCoverWarningDays(
  input: { shelterId: string; coverWarningDays: number | null },
  actor: Principal,
  deps: { stores: Pick<Stores, 'shelters'>; now: () => Date },
): Promise<ShelterView> {
  assertShelterInScope(actor, input.shelterId);
  const shelter = await deps.stores.shelters.update(
    input.shelterId,
    { coverWarningDays: input.coverWarningDays },
    { updatedAt: deps.now().toISOString(), updatedBy: actor.keyId },
  );
  return shelterView(shelter, actor);
}
