import type { KeyCache } from '../auth/key-cache.js';
import type { Principal } from '../domain/api-key.js';
import { invitationStatus } from '../domain/invitation.js';
import type { PersonView } from '../domain/person.js';
import { runBounded } from '../domain/run-bounded.js';
import { ConflictError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';
import { loadManagedPerson } from './people-access.js';
import { personView } from './person-view.js';
import { releasePool } from './release-pool.js';

export interface RevokePersonDeps {
  stores: Pick<Stores, 'people' | 'apiKeys' | 'devices' | 'leases' | 'invitations'>;
  keyCache: KeyCache;
  now: () => Date;
}

/** Invitations looked at: the newest (every invitation ends within 7 days; accepting checks the person anyway). */
const INVITATIONS_SWEPT = 100;

/**
 * Revokes a person and everything of theirs, for good. First the person (so nothing new of
 * theirs can be made: keys and devices are made under "not revoked"), then every key (refused at
 * once on this instance, everywhere within the key cache's 30 s), every device (its leases end at
 * once; its offline records dated before the revocation still sync, later ones become conflicts)
 * and every invitation not used yet. Each step is safe to repeat and keeps the first revocation's
 * time and actor, so a revocation cut off part-way is finished by sending it again.
 */
export async function revokePerson(
  input: { personId: string },
  actor: Principal,
  deps: RevokePersonDeps,
): Promise<PersonView> {
  const person = await loadManagedPerson(input.personId, actor, deps);
  if (person.id === actor.personId)
    throw new ConflictError('Nobody revokes themselves: ask another admin or coordinator.');
  const people = await deps.stores.people();
  const revoked = await people.revoke(person.id, deps.now().toISOString(), {
    keyId: actor.keyId,
    personId: actor.personId,
  });
  const at = revoked.revokedAt ?? deps.now().toISOString();
  const by = revoked.revokedBy ?? actor.keyId;
  const { keyIds, deviceIds } = await people.belongings(person.id);
  await runBounded(keyIds, 8, async (keyId) => {
    await deps.stores.apiKeys.revoke(keyId, at, by);
    deps.keyCache.forget(keyId);
  });
  const devices = await deps.stores.devices.getMany(deviceIds);
  await runBounded([...devices.values()], 4, async (device) => {
    if (device.status !== 'revoked') {
      try {
        await deps.stores.devices.revoke(device.id, at, by, 'person-revoked');
      } catch (err) {
        // Revoked meanwhile (reported lost): it stays as that revocation left it.
        if (!(err instanceof ConflictError)) throw err;
      }
    }
    await releasePool(device.id, 'lease-ended', deps);
  });
  const now = deps.now();
  const invitations = await deps.stores.invitations();
  const pending = (await invitations.ofPerson(person.id, INVITATIONS_SWEPT)).filter(
    (invitation) => invitationStatus(invitation, now) === 'pending',
  );
  await runBounded(pending, 8, async (invitation) => {
    try {
      await invitations.revoke(invitation.id, at, {
        keyId: by,
        personId: revoked.revokedByPersonId,
      });
    } catch (err) {
      // Used before the person was revoked: its key was among those revoked above.
      if (!(err instanceof ConflictError)) throw err;
    }
  });
  return personView(revoked, deps);
}
