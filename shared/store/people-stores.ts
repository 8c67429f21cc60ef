import { ApiKeyListStore } from './api-key-list-store.js';
import { InvitationStore } from './invitation-store.js';
import { PersonStore } from './person-store.js';
import type { TableContext } from './table-context.js';

/**
 * The stores of people and their invitations, and the listing of keys, loaded together on first
 * use (stores.ts): one module to import, so the bundle splits into one more chunk, not two.
 */
export function createPeopleStores(table: TableContext) {
  return {
    people: new PersonStore(table),
    invitations: new InvitationStore(table),
    apiKeyList: new ApiKeyListStore(table),
  };
}
