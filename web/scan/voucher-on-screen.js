// The voucher on screen and the one rule every answer about it obeys: an answer (a check, a
// handover, a retry, a sync) shows only while its voucher is still the one on screen. Each new
// voucher, and each return to the camera or the sign-in form, moves `generation` on.
import { ApiError } from '../common/api.js';
import { outcomeOfRefusal } from './outcome.js';
import { currentSession } from './scan-session.js';
import { renderVoucher } from './voucher-screen.js';

/** @typedef {import('../common/api-types.js').VolunteerVoucherView} VoucherView */
/** @typedef {import('./outcome.js').Outcome} Outcome */
/** @typedef {import('./offline-store.js').PoolVoucher} PoolVoucher */

/** What the volunteer scanned or typed: sent again, as it was, to redeem. */
/** @typedef {{ token: string } | { code: string }} VoucherReference */

/**
 * The voucher on screen: its reference, what the check said (once it has), and the screen.
 * `pooled`: this device holds it and hands it over offline (to the outbox), whatever the network.
 * @typedef {{ reference: VoucherReference, view: VoucherView | undefined, outcome: Outcome, pooled?: PoolVoucher, clientRedemptionId?: string }} VoucherOnScreen
 */

/** @type {VoucherOnScreen | undefined} while one is on screen */
let voucher;
let generation = 0; // moves on with each voucher: answers for an older one are dropped
/** @type {() => void} */
let keyRejected = () => {};

/**
 * What to do when the server refuses the key mid-voucher (revoked, expired): set once by the
 * page, since signing in is not this module's business.
 * @param {() => void} listener
 */
export function onKeyRejected(listener) {
  keyRejected = listener;
}

/** The voucher on screen, if any. */
export function onScreen() {
  return voucher;
}

/** The current generation: an answer started now shows only if it is still current when it comes. */
export function currentGeneration() {
  return generation;
}

/**
 * A new voucher on screen, "checking"; returns its generation.
 * @param {VoucherReference} reference
 * @returns {{ mine: number, checking: VoucherOnScreen }}
 */
export function putOnScreen(reference) {
  const mine = ++generation;
  /** @type {VoucherOnScreen} */
  const checking = { reference, view: undefined, outcome: { kind: 'checking' } };
  voucher = checking;
  render();
  return { mine, checking };
}

/** No voucher on screen: whatever was still being checked or retried for it is dropped. */
export function leaveVoucher() {
  voucher = undefined;
  generation++;
}

/** @param {number} mine */
export function isCurrent(mine) {
  return mine === generation;
}

/**
 * Shows `outcome`, unless the volunteer has moved on from the voucher it is about.
 * @param {number} mine
 * @param {Outcome} outcome
 */
export function settle(mine, outcome) {
  if (mine !== generation || voucher === undefined) return;
  if (outcome.kind === 'signed-out') return keyRejected();
  voucher.outcome = outcome;
  render();
}

/**
 * The controls a retry loop needs: report progress, stop when the volunteer has moved on.
 * @param {number} mine
 * @returns {import('./redeem.js').RetryControl}
 */
export function control(mine) {
  return {
    onRetry: ({ attempt, offline }) => settle(mine, { kind: offline ? 'offline' : 'busy', attempt }),
    cancelled: () => mine !== generation,
  };
}

/**
 * What a failed check or handover shows: the server's refusal, or what went wrong on the way.
 * @param {unknown} err
 * @returns {Outcome}
 */
export function refusal(err) {
  if (err instanceof ApiError) return outcomeOfRefusal(err);
  return { kind: 'error', detail: err instanceof Error ? err.message : String(err) };
}

/** Draws the voucher on screen again (after an outcome, or a change of language). */
export function render() {
  const session = currentSession();
  if (voucher !== undefined && session !== undefined) renderVoucher(voucher, session);
}
