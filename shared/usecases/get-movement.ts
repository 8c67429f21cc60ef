import type { Principal } from '../domain/api-key.js';
import type { Movement } from '../domain/movement.js';
import { NotFoundError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';
import { assertShelterInScope, loadShelter } from './stock-context.js';

/**
 * One entry of a shelter's ledger, by its id: a receipt to print (again), a transfer's arrival
 * with its discrepancy entry. Ids are ULIDs; one that is not this shelter's answers 404.
 */
export async function getMovement(
  input: { shelterId: string; movementId: string },
  viewer: Principal,
  deps: { stores: Pick<Stores, 'shelters' | 'movements'> },
): Promise<Movement> {
  assertShelterInScope(viewer, input.shelterId);
  await loadShelter(deps.stores.shelters, input.shelterId);
  const movement = await deps.stores.movements.get(input.shelterId, input.movementId);
  if (movement === undefined) throw new NotFoundError('Ledger entry', input.movementId);
  return movement;
}
