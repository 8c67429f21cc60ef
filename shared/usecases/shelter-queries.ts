import { type Principal, scopeAllows } from '../domain/api-key.js';
import { type Shelter, type ShelterPatch, shelterView } from '../domain/shelter.js';
import { NotFoundError } from '../errors/app-errors.js';
import type { Page } from '../store/pagination.js';
import type { ShelterStore } from '../store/shelter-store.js';

type Deps = { shelters: Pick<ShelterStore, 'get' | 'list' | 'update'>; now: () => Date };

/** Shelters outside a key's scope look absent, and confidential locations show to admins only. */
function visible(shelter: Shelter, viewer: Principal): boolean {
  return viewer.role === 'admin' || scopeAllows(viewer.scope.shelterIds, shelter.id);
}

export async function getShelter(shelterId: string, viewer: Principal, deps: Deps): Promise<Shelter> {
  const shelter = await deps.shelters.get(shelterId);
  if (shelter === undefined || !visible(shelter, viewer)) throw new NotFoundError('Shelter', shelterId);
  return shelterView(shelter, viewer);
}

export async function listShelters(viewer: Principal, limit: number, cursor: string | undefined, deps: Deps) {
  const page: Page<Shelter> = await deps.shelters.list(limit, cursor);
  return {
    items: page.items.filter((s) => visible(s, viewer)).map((s) => shelterView(s, viewer)),
    nextCursor: page.nextCursor,
  };
}

export async function updateShelter(shelterId: string, patch: ShelterPatch, deps: Deps): Promise<Shelter> {
  return deps.shelters.update(shelterId, patch, deps.now().toISOString());
}
