// Who is signed in on this page, read by every part of the scanner: one holder, so the sign-in,
// the pickup-point chooser and the voucher flow all see the same volunteer.

/** @typedef {import('../common/api-types.js').Item} Item */
/** @typedef {import('../common/api-types.js').PickupPoint} PickupPoint */

/** @typedef {Pick<PickupPoint, 'id' | 'shelterId' | 'name'>} Point */

/**
 * The signed-in volunteer: the key, what it serves, and the pickup point chosen. Started offline,
 * it is what the device's pack knows: its one pickup point, shelter and catalogue.
 * @typedef {{
 *   key: string,
 *   points: Point[],
 *   point?: Point,
 *   items: Map<string, Pick<Item, 'nameKm'>>,
 *   shelters: Map<string, string>,
 * }} Session
 */

/** @type {Session | undefined} */
let session;

/** The volunteer signed in, if any. */
export function currentSession() {
  return session;
}

/** @param {Session | undefined} next undefined: signed out */
export function setSession(next) {
  session = next;
}
