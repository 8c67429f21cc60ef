import type { KeyCache } from '../auth/key-cache.js';
import type { Principal } from '../domain/api-key.js';
import { type PersonKey, personKeyView } from '../domain/person-detail.js';
import { runBounded } from '../domain/run-bounded.js';
import { ConflictError, NotFoundError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';
import { loadManagedPerson } from './people-access.js';
import { releasePool } from './release-pool.js';

export interface RevokePersonKeyDeps {
  stores: Pick<Stores, 'people' | 'apiKeys' | 'devices' | 'leases'>;
  keyCache: KeyCache;
  now: () => Date;
}

/**
 * One key of a person, for a lost or stolen phone or laptop: the person keeps their other keys
 * and is invited again for a new device. A person's key is one device's, so the scanning devices
 * it registered are revoked with it, as lost (every late record of theirs is a conflict), and
 * their leases end at once. Repeating it changes nothing; nobody revokes the key they are using.
 */
export async function revokePersonKey(
  input: { personId: string; keyId: string },
  actor: Principal,
  deps: RevokePersonKeyDeps,
): Promise<PersonKey> {
  const person = await loadManagedPerson(input.personId, actor, deps);
  const key = await deps.stores.apiKeys.get(input.keyId);
  if (key === undefined || key.personId !== person.id) throw new NotFoundError('Key', input.keyId);
  if (key.id === actor.keyId) throw new ConflictError('A key cannot revoke itself: use another key.');
  const revoked = await deps.stores.apiKeys.revoke(key.id, deps.now().toISOString(), actor.keyId);
  deps.keyCache.forget(key.id);
  const at = revoked.revokedAt ?? deps.now().toISOString();
  const { deviceIds } = await (await deps.stores.people()).belongings(person.id);
  const itsDevices = [...(await deps.stores.devices.getMany(deviceIds)).values()].filter(
    (device) => device.keyId === key.id,
  );
  await runBounded(itsDevices, 4, async (device) => {
    if (device.status !== 'revoked') {
      try {
        await deps.stores.devices.revoke(device.id, at, actor.keyId, 'lost-or-stolen');
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
      }
    }
    await releasePool(device.id, 'lease-ended', deps);
  });
  return personKeyView(revoked);
}
