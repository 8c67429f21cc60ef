import type { Actor } from '../domain/attribution.js';
import {
  type CreateShelterInput,
  DEFAULT_OFFLINE_MODE,
  DEFAULT_OFFLINE_WINDOW_HOURS,
  DEFAULT_SILENT_PHONE_MINUTES,
  type Shelter,
  slugFromName,
} from '../domain/shelter.js';
import type { Stores } from '../store/stores.js';

export interface CreateShelterDeps {
  stores: Pick<Stores, 'shelters'>;
  now: () => Date;
}

/** Registers a shelter; its creation is also its first change, so both are attributed. */
export async function createShelter(
  input: CreateShelterInput,
  actor: Actor,
  deps: CreateShelterDeps,
): Promise<Shelter> {
  const at = deps.now().toISOString();
  const { id, offlineMode, offlineWindowHours, silentPhoneMinutes, ...fields } = input;
  const shelter: Shelter = {
    ...fields,
    id: id ?? slugFromName(input.name),
    offlineMode: offlineMode ?? DEFAULT_OFFLINE_MODE,
    offlineWindowHours: offlineWindowHours ?? DEFAULT_OFFLINE_WINDOW_HOURS,
    silentPhoneMinutes: silentPhoneMinutes ?? DEFAULT_SILENT_PHONE_MINUTES,
    createdAt: at,
    createdBy: actor.keyId,
    updatedAt: at,
    updatedBy: actor.keyId,
  };
  await deps.stores.shelters.create(shelter);
  return shelter;
}
