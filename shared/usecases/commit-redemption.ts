import type { Principal } from '../domain/api-key.js';
import { personField } from '../domain/attribution.js';
import type { IdempotencyCompletion } from '../domain/idempotency.js';
import { type Movement, newMovementId } from '../domain/movement.js';
import type { PickupPoint } from '../domain/pickup-point.js';
import type { Redemption } from '../domain/redemption.js';
import { formatShortCode } from '../domain/short-code.js';
import type { IssuedVoucher, RedeemedVoucher } from '../domain/voucher.js';
import type { RedemptionGuards } from '../store/voucher-store.js';
import type { VoucherDeps } from './voucher-context.js';

/** Where a handover came from: online now, or an offline record dated by the device's clock. */
export interface Handover {
  actor: Pick<Principal, 'keyId' | 'orgId' | 'personId'>;
  /** When the goods left: now online, the device time offline. */
  at: string;
  offline?: { deviceId: string; sequence: number; clientRedemptionId: string; recordedAt: string };
  /** Online: the registered device the scanner named, kept on the voucher (not in the ledger). */
  deviceId?: string | undefined;
  idempotency?: IdempotencyCompletion | undefined;
  /** Chosen ahead when the answer must name it before the write (a sync record's result). */
  movementId?: string;
}

/**
 * The one write path of a redemption, online and synced alike: the voucher leaves `issued`,
 * stock leaves the shelf and the reservation, one distribution entry enters the ledger, and the
 * answer is kept for replay, in one transaction. Refusals are the store's domain errors
 * (VoucherStateChangedError, also when another device holds the voucher; InsufficientStockError;
 * SyncRecordCommittedError).
 */
export async function commitRedemption(
  voucher: IssuedVoucher,
  point: PickupPoint,
  handover: Handover,
  deps: Pick<VoucherDeps, 'stores'>,
  guards: RedemptionGuards = {},
): Promise<Redemption> {
  const { at, actor, offline } = handover;
  const movement: Movement = {
    id: handover.movementId ?? newMovementId(at),
    shelterId: voucher.shelterId,
    type: 'distribution',
    voucherId: voucher.id,
    pickupPointId: point.id,
    lines: voucher.lines.map((line) => ({ itemId: line.itemId, quantity: -line.quantity })),
    actorKeyId: actor.keyId,
    ...personField('actorPersonId', actor),
    orgId: actor.orgId,
    at,
    ...(offline === undefined ? {} : offline),
  };
  const redemption: Redemption = {
    voucherId: voucher.id,
    code: formatShortCode(voucher.code),
    status: 'redeemed',
    shelterId: voucher.shelterId,
    pickupPointId: point.id,
    lines: voucher.lines,
    redeemedAt: at,
    movementId: movement.id,
  };
  const redeemed: RedeemedVoucher = {
    ...voucher,
    status: 'redeemed',
    redeemedAt: at,
    redeemedBy: actor.keyId,
    ...personField('redeemedByPersonId', actor),
    pickupPointId: point.id,
    ...(offline === undefined
      ? handover.deviceId === undefined
        ? {}
        : { deviceId: handover.deviceId }
      : { deviceId: offline.deviceId }),
  };
  await deps.stores.vouchers.redeem(
    redeemed,
    movement,
    { idempotency: handover.idempotency, response: redemption },
    guards,
  );
  return redemption;
}
