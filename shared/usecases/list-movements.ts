import { z } from '@hono/zod-openapi';
import type { Principal } from '../domain/api-key.js';
import type { Movement } from '../domain/movement.js';
import { pageQuerySchema } from '../domain/page-query.js';
import { ValidationError } from '../errors/app-errors.js';
import type { Page } from '../store/pagination.js';
import type { Stores } from '../store/stores.js';
import { assertShelterInScope, loadShelter } from './stock-context.js';

export const movementQuerySchema = pageQuerySchema
  .extend({
    from: z.iso.datetime({ offset: true }).max(40).optional(),
    to: z.iso.datetime({ offset: true }).max(40).optional(),
    order: z.enum(['asc', 'desc']).default('asc'),
  })
  .strict();
export type MovementQueryInput = z.infer<typeof movementQuerySchema>;

/** The ledger of one shelter in the key's scope, in time order (or newest first), within a time range. */
export async function listMovements(
  input: MovementQueryInput & { shelterId: string },
  viewer: Principal,
  deps: { stores: Pick<Stores, 'shelters' | 'movements'> },
): Promise<Page<Movement>> {
  const { shelterId, from, to, order, limit, cursor } = input;
  assertShelterInScope(viewer, shelterId);
  await loadShelter(deps.stores.shelters, shelterId);
  if (from !== undefined && to !== undefined && Date.parse(from) > Date.parse(to)) {
    throw new ValidationError('The time range is reversed.', [
      { field: 'from', message: 'must not be after `to`' },
    ]);
  }
  return deps.stores.movements.list({
    shelterId,
    order,
    limit,
    ...(from === undefined ? {} : { from: new Date(from) }),
    ...(to === undefined ? {} : { to: new Date(to) }),
    ...(cursor === undefined ? {} : { cursor }),
  });
}
