import type { Principal } from '../domain/api-key.js';
import { type DeviceView, deviceView } from '../domain/device.js';
import type { PageQuery } from '../domain/page-query.js';
import { NotFoundError } from '../errors/app-errors.js';
import type { Page } from '../store/pagination.js';
import type { Stores } from '../store/stores.js';
import { managesShelter } from './device-access.js';

/** A shelter's devices, for those who manage it; a shelter outside the key's scope is a 404. */
export async function listDevices(
  input: PageQuery & { shelterId: string },
  actor: Principal,
  deps: { stores: Pick<Stores, 'devices' | 'shelters'> },
): Promise<Page<DeviceView>> {
  const shelter = await deps.stores.shelters.get(input.shelterId);
  if (shelter === undefined || !managesShelter(actor, shelter.id))
    throw new NotFoundError('Shelter', input.shelterId);
  const page = await deps.stores.devices.listByShelter(shelter.id, input.limit, input.cursor);
  return { items: page.items.map(deviceView), nextCursor: page.nextCursor };
}
