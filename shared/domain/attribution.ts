import { z } from '@hono/zod-openapi';
import type { Principal } from './api-key.js';

/**
 * Invariant 5: every change to a reference record (organisation, shelter, pickup point, item, API
 * key) says who made it and when. "Who" is the acting key's id: key records are never deleted,
 * so the id also names the organisation and role behind it. Bootstrap tools act under a fixed tag
 * (`cli-bootstrap`, `demo-seed`).
 */
export const actorIdSchema = z.string().min(1).max(64);

export const createdFields = { createdAt: z.iso.datetime(), createdBy: actorIdSchema };
export const updatedFields = { updatedAt: z.iso.datetime(), updatedBy: actorIdSchema };

/** Who acts, as a record's attribution needs it. */
export type Actor = Pick<Principal, 'keyId'>;

/**
 * Issue 22: every action names its person beside its key. `{ [field]: personId }` when a
 * person's key acted; nothing for a machine key (a partner system, a script), whose key id alone
 * says who acted.
 */
export function personField<K extends string>(
  field: K,
  actor: { personId?: string | undefined },
): Partial<Record<K, string>> {
  return actor.personId === undefined ? {} : ({ [field]: actor.personId } as Record<K, string>);
}

type Attributed = { createdBy?: string; updatedBy?: string };

/** The key ids behind a change are shown to admins only: other roles need what a record says, not who wrote it. */
export function attributionFor<T extends Attributed>(
  record: T,
  viewer: Pick<Principal, 'role'>,
): T | Omit<T, 'createdBy' | 'updatedBy'> {
  if (viewer.role === 'admin') return record;
  const { createdBy: _created, updatedBy: _updated, ...rest } = record;
  return rest;
}
