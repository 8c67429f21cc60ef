import { ulid } from 'ulid';
import type { Principal } from '../domain/api-key.js';
import type { Idempotent } from '../domain/idempotency.js';
import type { CreatePersonInput, PersonRecord, PersonView } from '../domain/person.js';
import { ForbiddenError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';
import { assertMayManage } from './people-access.js';
import { personView } from './person-view.js';
import { resolveKeyScope, withArticle } from './resolve-key-scope.js';

export interface PeopleDeps {
  stores: Pick<Stores, 'people' | 'organizations' | 'shelters'>;
  now: () => Date;
}

/**
 * Adds a person: what colleagues call them, their role and scope (checked as a key's would be),
 * in their organisation (the caller's unless an admin names another). They hold no key yet:
 * an invitation gives them one. A coordinator adds volunteers of its own organisation at pickup
 * points of its own shelters, and nobody else.
 */
export async function createPerson(
  input: CreatePersonInput & Idempotent,
  actor: Principal,
  deps: PeopleDeps,
): Promise<PersonView> {
  const orgId = input.orgId ?? actor.orgId;
  // Said before any id is checked: a coordinator's request for another role is refused whatever it names.
  if (actor.role === 'coordinator') assertCoordinatorMayAsk(actor, input.role, orgId);
  const scope = await resolveKeyScope(
    { role: input.role, orgId, scope: input.scope },
    withArticle(input.role),
    deps,
  );
  assertMayManage(actor, { role: input.role, orgId, scope });
  const person: PersonRecord = {
    id: `psn_${ulid(deps.now().getTime())}`,
    orgId,
    displayName: input.displayName,
    role: input.role,
    scope,
    status: 'invited',
    version: 1,
    createdAt: deps.now().toISOString(),
    createdBy: actor.keyId,
    ...(actor.personId === undefined ? {} : { createdByPersonId: actor.personId }),
  };
  const view = await personView(person, deps);
  const people = await deps.stores.people();
  await people.create(person, { completion: input.idempotency, response: view });
  return view;
}

export function assertCoordinatorMayAsk(actor: Principal, role: PersonRecord['role'], orgId: string): void {
  if (role !== 'volunteer')
    throw new ForbiddenError('A coordinator adds and manages volunteers only: ask an admin for other roles.');
  if (orgId !== actor.orgId)
    throw new ForbiddenError(
      `A coordinator manages volunteers of its own organisation (${actor.orgId}) only.`,
    );
}
