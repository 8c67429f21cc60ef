import type { PersonRecord, PersonView } from '../domain/person.js';
import type { Stores } from '../store/stores.js';
import { displayNames } from './person-names.js';

/** People as the API shows them: each with the display name of whoever added them (one batch read). */
export async function personViews(
  people: readonly PersonRecord[],
  deps: { stores: Pick<Stores, 'people'> },
): Promise<PersonView[]> {
  const names = await displayNames(
    people.map((person) => person.createdByPersonId),
    deps,
  );
  return people.map((person) => {
    const createdByName =
      person.createdByPersonId === undefined ? undefined : names.get(person.createdByPersonId);
    return createdByName === undefined ? person : { ...person, createdByName };
  });
}

export async function personView(
  person: PersonRecord,
  deps: { stores: Pick<Stores, 'people'> },
): Promise<PersonView> {
  const [view] = await personViews([person], deps);
  return view ?? person;
}
