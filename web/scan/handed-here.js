// What this device handed over already: a re-scan of one of its own handovers says so, rather
// than asking the server (which would call it "already redeemed", as if by another desk).
import * as offline from './offline-session.js';
import { outboxEntryFor } from './offline-store.js';
import { parseShortCode } from './short-code.js';
import { quietAfterHandover } from './slip-quiet.js';
import { parseToken } from './voucher-token.js';

/** @typedef {import('./outcome.js').Outcome} Outcome */
/** @typedef {import('./voucher-on-screen.js').VoucherReference} VoucherReference */

/**
 * Handovers confirmed online on this page, by voucher id and by typed code: the slip still in
 * front of the camera after "Next voucher" is this device's own handover, not a second one.
 * (Offline handovers are found in the outbox.)
 * @type {Map<string, string>} voucherId -> redeemedAt
 */
const handedOnline = new Map();
/** @type {Map<string, string>} short code without dashes -> voucherId */
const handedCodes = new Map();

/**
 * An online handover the server confirmed: remembered for this page, and its slip goes quiet.
 * @param {VoucherReference} reference
 * @param {string} voucherId
 * @param {string} code
 * @param {string} at
 */
export function rememberHandover(reference, voucherId, code, at) {
  handedOnline.set(voucherId, at);
  handedCodes.set(code.replace(/-/g, ''), voucherId);
  if ('token' in reference) quietAfterHandover(reference.token);
}

/**
 * Whether this device handed the voucher over already, from what the page and the outbox hold.
 * @param {VoucherReference} reference
 * @returns {Promise<Outcome | undefined>}
 */
export async function handedHere(reference) {
  const voucherId =
    'token' in reference
      ? parseToken(reference.token)?.voucherId
      : handedCodes.get(parseShortCode(reference.code) ?? '');
  if (voucherId === undefined) return undefined;
  const online = handedOnline.get(voucherId);
  if (online) return { kind: 'handed-here', at: online, pending: false };
  const device = offline.current()?.device;
  const entry = device ? await outboxEntryFor(device.deviceId, voucherId).catch(() => undefined) : undefined;
  return entry
    ? { kind: 'handed-here', at: entry.deviceTime, pending: entry.state === 'pending' }
    : undefined;
}
