import type { z } from '@hono/zod-openapi';
import { type Principal, roleSchema } from '../domain/api-key.js';
import { pageQuerySchema } from '../domain/page-query.js';
import { managesPerson, type PersonView, personStatusSchema } from '../domain/person.js';
import { slugSchema } from '../domain/slug.js';
import type { Page } from '../store/pagination.js';
import type { Stores } from '../store/stores.js';
import { personViews } from './person-view.js';

export const peopleQuerySchema = pageQuerySchema
  .extend({
    orgId: slugSchema.optional().openapi({ description: 'Admins: one organisation’s people.' }),
    role: roleSchema.optional(),
    status: personStatusSchema.optional(),
  })
  .strict();
export type PeopleQuery = z.infer<typeof peopleQuerySchema>;

/**
 * The people the caller manages, by organisation then the order they were added: an admin's
 * everyone (or one organisation's), a coordinator's the volunteers of its organisation at its
 * shelters. A page may hold fewer than `limit` when filters leave some out; follow `nextCursor`.
 */
export async function listPeople(
  input: PeopleQuery,
  actor: Principal,
  deps: { stores: Pick<Stores, 'people'> },
): Promise<Page<PersonView>> {
  const mine = actor.role !== 'admin';
  if (mine && ((input.orgId ?? actor.orgId) !== actor.orgId || (input.role ?? 'volunteer') !== 'volunteer'))
    return { items: [], nextCursor: null };
  const page = await (await deps.stores.people()).list(
    {
      orgId: mine ? actor.orgId : input.orgId,
      ...(mine ? { role: 'volunteer' as const } : input.role === undefined ? {} : { role: input.role }),
      ...(input.status === undefined ? {} : { status: input.status }),
    },
    input.limit,
    input.cursor,
  );
  const items = await personViews(
    page.items.filter((person) => managesPerson(actor, person)),
    deps,
  );
  return { items, nextCursor: page.nextCursor };
}
