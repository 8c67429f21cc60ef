import { z } from '@hono/zod-openapi';
import type { Principal } from '../domain/api-key.js';
import { CAMBODIA_UTC_OFFSET_MINUTES } from '../domain/local-day.js';
import type { Movement } from '../domain/movement.js';
import { pageQuerySchema } from '../domain/page-query.js';
import { boundInstant, timeBoundSchema } from '../domain/time-bound.js';
import { ValidationError } from '../errors/app-errors.js';
import type { Page } from '../store/pagination.js';
import type { Stores } from '../store/stores.js';
import { displayNames } from './person-names.js';
import { assertShelterInScope, loadShelter } from './stock-context.js';

/**
 * A shelter's ledger is read in the shelter's day: a plain date is a calendar day in Cambodia
 * (UTC+07:00), where every shelter is, as the daily reports count it.
 */
export const movementQuerySchema = pageQuerySchema
  .extend({
    from: timeBoundSchema(
      'Earliest movement, inclusive. A date (YYYY-MM-DD) means from 00:00 that day in Cambodia (UTC+07:00); or send a date-time with offset.',
    ).optional(),
    to: timeBoundSchema(
      'Latest movement, inclusive. A date (YYYY-MM-DD) means through the end of that day (23:59:59.999) in Cambodia (UTC+07:00); or send a date-time with offset.',
    ).optional(),
    order: z.enum(['asc', 'desc']).default('asc'),
  })
  .strict();
export type MovementQueryInput = z.infer<typeof movementQuerySchema>;

const SHELTER_OFFSET = CAMBODIA_UTC_OFFSET_MINUTES;

/**
 * The ledger of one shelter in the key's scope, in time order (or newest first), within a time
 * range; each entry recorded by a person's key names them (`actorName`, one batch read a page).
 */
export async function listMovements(
  input: MovementQueryInput & { shelterId: string },
  viewer: Principal,
  deps: { stores: Pick<Stores, 'shelters' | 'movements' | 'people'> },
): Promise<Page<Movement>> {
  const { shelterId, order, limit, cursor } = input;
  assertShelterInScope(viewer, shelterId);
  await loadShelter(deps.stores.shelters, shelterId);
  const from = input.from === undefined ? undefined : boundInstant(input.from, 'start', SHELTER_OFFSET);
  const to = input.to === undefined ? undefined : boundInstant(input.to, 'end', SHELTER_OFFSET);
  if (from !== undefined && to !== undefined && from > to) {
    throw new ValidationError('The time range is reversed.', [
      { field: 'from', message: 'must not be after `to`' },
    ]);
  }
  const page = await deps.stores.movements.list({
    shelterId,
    order,
    limit,
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(cursor === undefined ? {} : { cursor }),
  });
  const names = await displayNames(
    page.items.map((movement) => movement.actorPersonId),
    deps,
  );
  return {
    ...page,
    items: page.items.map((movement) => {
      const actorName = movement.actorPersonId === undefined ? undefined : names.get(movement.actorPersonId);
      return actorName === undefined ? movement : { ...movement, actorName };
    }),
  };
}
