import type { KeyCache } from '../auth/key-cache.js';
import type { Principal, RequestedScope } from '../domain/api-key.js';
import type { PersonRecord, PersonView, UpdatePersonInput } from '../domain/person.js';
import { runBounded } from '../domain/run-bounded.js';
import { ConflictError } from '../errors/app-errors.js';
import { PersonChangedError } from '../store/person-store.js';
import type { Stores } from '../store/stores.js';
import { assertCoordinatorMayAsk } from './create-person.js';
import { assertMayManage, loadManagedPerson } from './people-access.js';
import { personView } from './person-view.js';
import { resolveKeyScope, withArticle } from './resolve-key-scope.js';

export interface UpdatePersonDeps {
  stores: Pick<Stores, 'people' | 'organizations' | 'shelters'>;
  keyCache: KeyCache;
  now: () => Date;
}

/** Changes that lost a race with another change are decided again on the person as it is now. */
const ATTEMPTS = 3;

/**
 * Renames a person, or changes their role or scope (checked as a new person's would be). A new
 * role or scope reaches every key of theirs: on this instance at once, elsewhere within the key
 * cache's lifetime. Nobody changes their own role or scope (an admin could lock the last admin
 * out), and a revoked person stays as they were.
 */
export async function updatePerson(
  input: { personId: string } & UpdatePersonInput,
  actor: Principal,
  deps: UpdatePersonDeps,
): Promise<PersonView> {
  for (let attempt = 1; ; attempt++) {
    const person = await loadManagedPerson(input.personId, actor, deps);
    const change = await plannedChange(person, input, actor, deps);
    try {
      const updated = await (await deps.stores.people()).change(person, change);
      const reachChanged = change.role !== undefined || change.scope !== undefined;
      if (reachChanged) await applyReachToKeys(updated, deps);
      return personView(updated, deps);
    } catch (err) {
      if (!(err instanceof PersonChangedError) || attempt >= ATTEMPTS) throw err;
    }
  }
}

async function plannedChange(
  person: PersonRecord,
  input: UpdatePersonInput,
  actor: Principal,
  deps: UpdatePersonDeps,
) {
  if (person.status === 'revoked')
    throw new ConflictError(`Person "${person.id}" is revoked, for good: add them again if they come back.`);
  const reachAsked = input.role !== undefined || input.scope !== undefined;
  if (reachAsked && person.id === actor.personId)
    throw new ConflictError('Nobody changes their own role or scope: ask another admin.');
  const role = input.role ?? person.role;
  if (actor.role === 'coordinator') assertCoordinatorMayAsk(actor, role, person.orgId);
  const scope = reachAsked
    ? await resolveKeyScope(
        { role, orgId: person.orgId, scope: requestedScope(person, role, input.scope) },
        withArticle(role),
        deps,
      )
    : undefined;
  assertMayManage(actor, { role, orgId: person.orgId, scope: scope ?? person.scope });
  return {
    displayName: input.displayName,
    role: input.role,
    scope,
    updatedAt: deps.now().toISOString(),
    updatedBy: actor.keyId,
    updatedByPersonId: actor.personId,
  };
}

/**
 * The scope to check for the new role: the one sent, else the person's own (an admin's reach says
 * nothing of a new role's, so a former admin must be given one; a new admin takes none).
 */
function requestedScope(
  person: PersonRecord,
  role: PersonRecord['role'],
  sent: RequestedScope | undefined,
): RequestedScope | undefined {
  if (sent !== undefined) return sent;
  if (role === 'admin' || person.role === 'admin') return undefined;
  return person.scope;
}

/** The person's keys act with the person's new role and scope. Safe to repeat. */
async function applyReachToKeys(person: PersonRecord, deps: UpdatePersonDeps): Promise<void> {
  const people = await deps.stores.people();
  const { keyIds } = await people.belongings(person.id);
  await runBounded(keyIds, 8, async (keyId) => {
    await people.setKeyReach(keyId, { role: person.role, scope: person.scope });
    deps.keyCache.forget(keyId);
  });
}
