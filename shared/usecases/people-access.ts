import type { Principal } from '../domain/api-key.js';
import { managesPerson, type PersonRecord, withinShelters } from '../domain/person.js';
import { ForbiddenError, NotFoundError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';

type Deps = { stores: Pick<Stores, 'people'> };

/**
 * The person as someone who manages them sees it. A person the caller may not manage answers as
 * if it did not exist: a coordinator learns nothing of another organisation's people, nor of
 * colleagues it does not manage.
 */
export async function loadManagedPerson(
  personId: string,
  actor: Principal,
  deps: Deps,
): Promise<PersonRecord> {
  const person = await (await deps.stores.people()).get(personId);
  if (person === undefined || !managesPerson(actor, person)) throw new NotFoundError('Person', personId);
  return person;
}

/**
 * Whether the caller may make someone with this role, organisation and scope (adding them, or
 * changing them to it): an admin anyone, a coordinator only a volunteer of its own organisation
 * at pickup points of its own shelters. Says what is out of reach, as a 403.
 */
export function assertMayManage(
  actor: Principal,
  person: Pick<PersonRecord, 'role' | 'orgId' | 'scope'>,
): void {
  if (managesPerson(actor, person)) return;
  if (actor.role !== 'coordinator') throw new ForbiddenError('Only admins and coordinators manage people.');
  if (person.role !== 'volunteer')
    throw new ForbiddenError('A coordinator adds and manages volunteers only: ask an admin for other roles.');
  if (person.orgId !== actor.orgId)
    throw new ForbiddenError(
      `A coordinator manages volunteers of its own organisation (${actor.orgId}) only.`,
    );
  if (!withinShelters(person.scope.shelterIds, actor.scope.shelterIds))
    throw new ForbiddenError(
      'Every pickup point of the volunteer must be at one of your shelters: name pickup points there.',
    );
  throw new ForbiddenError('You may not manage this person.');
}
