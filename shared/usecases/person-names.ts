import type { Stores } from '../store/stores.js';

/**
 * The display names of the people behind some records (who recorded a movement, who asked to
 * close a round), read in one batch however many records name them: never one read per record.
 * An id with no person (deleted data, a bad record) is simply absent.
 */
export async function displayNames(
  personIds: Iterable<string | undefined>,
  deps: { stores: Pick<Stores, 'people'> },
): Promise<Map<string, string>> {
  const ids = [...new Set([...personIds].filter((id): id is string => id !== undefined))];
  if (ids.length === 0) return new Map();
  const people = await (await deps.stores.people()).getMany(ids);
  return new Map([...people].map(([id, person]) => [id, person.displayName]));
}
