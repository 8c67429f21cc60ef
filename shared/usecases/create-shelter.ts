import type { Principal } from '../domain/api-key.js';
import { type CreateShelterInput, type Shelter, slugFromName } from '../domain/shelter.js';
import type { ShelterStore } from '../store/shelter-store.js';

export interface CreateShelterDeps {
  shelters: Pick<ShelterStore, 'create'>;
  now: () => Date;
}

export async function createShelter(
  input: CreateShelterInput,
  _actor: Pick<Principal, 'keyId'>,
  deps: CreateShelterDeps,
): Promise<Shelter> {
  const at = deps.now().toISOString();
  const { id, ...fields } = input;
  const shelter: Shelter = { ...fields, id: id ?? slugFromName(input.name), createdAt: at, updatedAt: at };
  await deps.shelters.create(shelter);
  return shelter;
}
