// Can this phone hand a voucher over without asking the server? Only when the token is signed by
// one of the pack's keys (or the typed code is in the pack), the voucher is in this device's pool
// with its lease still running, it is valid by the phone's clock, and not handed over here yet.
// The rules a server would judge by are the server's own modules (shared/rules), not copies.
import { parseShortCode } from '../../shared/rules/short-code.js';
import { leaseEndedAt, validityAt, volunteerLines } from '../../shared/rules/voucher-rules.js';
import { parseToken } from '../../shared/rules/voucher-token.js';
import { outboxEntryFor, poolVoucher, poolVoucherByCode } from './offline-store.js';
import { verifyToken } from './voucher-token.js';

/** @typedef {import('./offline-store.js').PackHeader} PackHeader */
/** @typedef {import('./offline-store.js').PoolVoucher} PoolVoucher */
/** @typedef {import('./offline-store.js').OutboxEntry} OutboxEntry */
/** @typedef {import('./outcome.js').Outcome} Outcome */
/** @typedef {import('../common/api-types.js').VolunteerVoucherView} VoucherView */

/**
 * What the local check found: an outcome to show, and the voucher to hand over when it is ready.
 * `voucherId` is set whenever the reference names a voucher, in the pool or not.
 * @typedef {{ outcome: Outcome, voucher?: PoolVoucher, voucherId?: string }} LocalCheck
 */

/**
 * The decision, given what the phone holds: pure, so a unit test can walk every branch.
 * @param {{ pooled: PoolVoucher | undefined, handed: OutboxEntry | undefined, now: Date }} facts
 * @returns {Outcome}
 */
export function decideLocally({ pooled, handed, now }) {
  if (handed) return { kind: 'handed-here', at: handed.deviceTime, pending: handed.state === 'pending' };
  if (pooled === undefined) return { kind: 'not-on-list' };
  const validity = validityAt(pooled, now);
  if (validity === 'expired') return { kind: 'expired', validUntil: pooled.validUntil };
  if (leaseEndedAt(pooled, now)) return { kind: 'lease-ended' };
  if (validity === 'not-yet-valid') return { kind: 'not-yet-valid', validFrom: pooled.validFrom };
  return { kind: 'ready' };
}

/**
 * The local check of a scanned token or a typed code against this device's pack.
 * @param {{ token: string } | { code: string }} reference
 * @param {PackHeader} pack
 * @param {Date} [now]
 * @returns {Promise<LocalCheck>}
 */
export async function checkLocally(reference, pack, now = new Date()) {
  /** @type {PoolVoucher | undefined} */
  let pooled;
  /** @type {string} */
  let voucherId;
  if ('token' in reference) {
    const parsed = parseToken(reference.token);
    if (parsed === undefined) return { outcome: { kind: 'unreadable' } };
    const signature = await verifyToken(parsed, pack.keys);
    if (signature === 'unknown-key') return { outcome: { kind: 'invalid', reason: 'voucher-forged' } };
    if (signature === 'bad-signature') return { outcome: { kind: 'invalid', reason: 'voucher-tampered' } };
    voucherId = parsed.voucherId;
    pooled = await poolVoucher(voucherId);
    if (pooled && pooled.deviceId !== pack.deviceId) pooled = undefined;
  } else {
    const code = parseShortCode(reference.code);
    if (code === undefined) return { outcome: { kind: 'invalid', reason: 'voucher-code-invalid' } };
    pooled = await poolVoucherByCode(pack.deviceId, code);
    // A typed code not in the pack names no voucher this phone knows: only the server can say more.
    if (pooled === undefined) return { outcome: { kind: 'not-on-list' } };
    voucherId = pooled.id;
  }
  const handed = await outboxEntryFor(pack.deviceId, voucherId);
  const outcome = decideLocally({ pooled, handed, now });
  return outcome.kind === 'ready' && pooled
    ? { outcome, voucher: pooled, voucherId }
    : { outcome, voucherId };
}

/**
 * The voucher screen's view of a pooled voucher, named from the pack's catalogue.
 * @param {PoolVoucher} voucher
 * @param {PackHeader} pack
 * @returns {VoucherView}
 */
export function viewOfPooled(voucher, pack) {
  return {
    voucherId: voucher.id,
    code: voucher.shortCode,
    status: 'issued',
    shelterId: pack.shelter.id,
    validUntil: voucher.validUntil,
    lines: volunteerLines(voucher.lines, new Map(pack.catalogue.map((item) => [item.itemId, item]))),
    canRedeemHere: true,
  };
}
