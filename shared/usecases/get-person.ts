import type { Principal } from '../domain/api-key.js';
import { invitationView } from '../domain/invitation.js';
import { type PersonDetail, personKeyView } from '../domain/person-detail.js';
import type { Stores } from '../store/stores.js';
import { loadManagedPerson } from './people-access.js';
import { personView } from './person-view.js';

const LATEST_INVITATIONS = 20;

/** A person the caller manages, with their keys, devices and latest invitations (a few reads, in parallel). */
export async function getPerson(
  input: { personId: string },
  actor: Principal,
  deps: { stores: Pick<Stores, 'people' | 'devices' | 'invitations'>; now: () => Date },
): Promise<PersonDetail> {
  const [person, invitationStore, people] = await Promise.all([
    loadManagedPerson(input.personId, actor, deps),
    deps.stores.invitations(),
    deps.stores.people(),
  ]);
  const [view, belongings, invitations] = await Promise.all([
    personView(person, deps),
    people.belongings(person.id),
    invitationStore.ofPerson(person.id, LATEST_INVITATIONS),
  ]);
  const [keys, devices] = await Promise.all([
    people.keys(belongings.keyIds),
    deps.stores.devices.getMany(belongings.deviceIds),
  ]);
  const now = deps.now();
  return {
    ...view,
    keys: [...keys.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(personKeyView),
    devices: [...devices.values()]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map(({ id, label, pickupPointId, shelterId, status, lastSeenAt, lastSyncAt, revokedAt }) => ({
        id,
        label,
        pickupPointId,
        shelterId,
        status,
        ...(lastSeenAt === undefined ? {} : { lastSeenAt }),
        ...(lastSyncAt === undefined ? {} : { lastSyncAt }),
        ...(revokedAt === undefined ? {} : { revokedAt }),
      })),
    invitations: invitations.map((invitation) => invitationView(invitation, now)),
  };
}
