import type { Principal } from '../domain/api-key.js';
import type { PageQuery } from '../domain/page-query.js';
import { type PickupPointView, pickupPointView } from '../domain/pickup-point.js';
import type { Page } from '../store/pagination.js';
import { getShelter, type ShelterReadDeps } from './get-shelter.js';

/** The pickup points of a shelter the viewer can see; of any other shelter, a 404 as if absent. */
export async function listPickupPoints(
  input: PageQuery & { shelterId: string },
  viewer: Principal,
  deps: ShelterReadDeps,
): Promise<Page<PickupPointView>> {
  await getShelter({ shelterId: input.shelterId }, viewer, deps);
  const page = await deps.stores.shelters.listPickupPoints(input.shelterId, input.limit, input.cursor);
  return { items: page.items.map((point) => pickupPointView(point, viewer)), nextCursor: page.nextCursor };
}
