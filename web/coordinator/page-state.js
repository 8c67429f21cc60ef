// What /coordinator holds while it is open: the catalogue, the rounds listed, the round shown and
// what has been done with it. Nothing here outlives the tab but the key (common/api.js savedKey)
// and the round in the address (round-list.js).

/** @typedef {import('../common/api-types.js').Item} Item */
/** @typedef {import('../common/api-types.js').Shelter} Shelter */
/** @typedef {import('../common/api-types.js').Round} Round */
/** @typedef {import('../common/api-types.js').Forecast} Forecast */
/** @typedef {import('../common/api-types.js').HouseholdIssueResult} HouseholdIssueResult */
/** @typedef {import('../common/api-types.js').Reconciliation} Reconciliation */
/** @typedef {import('./slip-sheet.js').SlipVoucher} SlipVoucher */

/**
 * @type {{
 *   key?: string,
 *   items: Item[],
 *   shelters: Shelter[],
 *   rounds: Round[],
 *   roundsCursor: string | null,
 *   round?: Round,
 *   forecast?: Forecast,
 *   pending?: string,
 *   issued?: HouseholdIssueResult,
 *   vouchers: SlipVoucher[],
 *   reconciliation?: Reconciliation,
 *   createKey?: string,
 *   openKeys: Map<string, string>,
 *   focus?: string,
 * }}
 * `pending` is the list waiting on the check-your-answers step; `createKey` and `openKeys` are the
 * Idempotency-Keys of the round being created and of each round's opening: one per intended
 * change, so a retry after a lost answer creates or opens nothing twice.
 */
export const state = {
  items: [],
  shelters: [],
  rounds: [],
  roundsCursor: null,
  vouchers: [],
  openKeys: new Map(),
};

/** @param {Item} item */
export function localName(item) {
  return document.documentElement.lang === 'km' && item.nameKm ? item.nameKm : item.name;
}

/** @type {import('./round-tables.js').Names} */
export const names = {
  item: (itemId) => {
    const item = state.items.find((candidate) => candidate.id === itemId);
    return item ? localName(item) : itemId;
  },
  unit: (itemId) => state.items.find((candidate) => candidate.id === itemId)?.unit,
  shelter: (shelterId) => state.shelters.find((shelter) => shelter.id === shelterId)?.name ?? shelterId,
};
