// What this phone handed over already, online or offline: a re-scan of one of its own handovers
// says so ("handed over here"), rather than offering it again or calling it "already redeemed",
// as if by another desk. What the phone keeps is in own-handovers.js; what the server says, when
// the phone lost it or never kept it, names the device that handed over.

import { parseShortCode } from '../../shared/rules/short-code.js';
import { parseToken } from '../../shared/rules/voucher-token.js';
import { outboxEntry } from './offline-store.js';
import { keepHandover, ownHandover, ownHandoverByCode, phoneDeviceIds } from './own-handovers.js';
import { quietAfterHandover } from './slip-quiet.js';

/** @typedef {import('./outcome.js').Outcome} Outcome */
/** @typedef {import('./own-handovers.js').OwnHandover} OwnHandover */
/** @typedef {import('./voucher-on-screen.js').VoucherReference} VoucherReference */

/**
 * Handovers this page could not keep on the phone (IndexedDB refused the write: storage full, a
 * private window): the page remembers them at least while it is open.
 * @type {Map<string, OwnHandover>} voucherId -> handover
 */
const unkept = new Map();

/**
 * A handover the server confirmed, kept on the phone before the screen says so; its slip goes quiet.
 * @param {VoucherReference} reference
 * @param {OwnHandover} handover
 */
export async function rememberHandover(reference, handover) {
  try {
    await keepHandover(handover);
  } catch (err) {
    console.warn('handover not kept on this phone', err);
    unkept.set(handover.voucherId, handover);
  }
  if ('token' in reference) quietAfterHandover(reference.token);
}

/**
 * @param {VoucherReference} reference
 * @returns {Promise<OwnHandover | undefined>}
 */
async function findOwn(reference) {
  if ('token' in reference) {
    const voucherId = parseToken(reference.token)?.voucherId;
    if (voucherId === undefined) return undefined;
    return unkept.get(voucherId) ?? (await ownHandover(voucherId));
  }
  const code = parseShortCode(reference.code);
  if (code === undefined) return undefined;
  return [...unkept.values()].find((handover) => handover.code === code) ?? (await ownHandoverByCode(code));
}

/**
 * Whether this phone handed the voucher over already, and whether that waits to sync.
 * @param {VoucherReference} reference
 * @returns {Promise<Outcome | undefined>}
 */
export async function handedHere(reference) {
  const handover = await findOwn(reference).catch(() => undefined);
  if (handover === undefined) return undefined;
  const record = handover.clientRedemptionId
    ? await outboxEntry(handover.clientRedemptionId).catch(() => undefined)
    : undefined;
  return { kind: 'handed-here', at: handover.at, pending: record?.state === 'pending' };
}

/**
 * "Already redeemed", by one of this phone's own devices, is this phone's handover (its answer
 * was lost, or the phone kept nothing then): shown as such, and kept from now on, so the phone
 * knows it offline too.
 * @param {Outcome} outcome
 * @param {{ voucherId: string, code: string } | undefined} voucher
 * @returns {Promise<Outcome>}
 */
export async function ownIfMine(outcome, voucher) {
  if (outcome.kind !== 'already-redeemed' || outcome.deviceId === undefined || voucher === undefined)
    return outcome;
  const { deviceId, redeemedAt, pickupPointId } = outcome;
  const mine = await phoneDeviceIds().catch(() => new Set());
  if (!mine.has(deviceId) || redeemedAt === undefined || pickupPointId === undefined) return outcome;
  const kept = await keepHandover({
    voucherId: voucher.voucherId,
    code: voucher.code.replace(/-/g, ''),
    shortCode: voucher.code,
    at: redeemedAt,
    pickupPointId,
    deviceId,
  }).catch(() => undefined);
  return { kind: 'handed-here', at: kept?.at ?? redeemedAt, pending: false };
}
