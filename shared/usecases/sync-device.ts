import { ulid } from 'ulid';
import {
  isLegacySealedDeviceSecret,
  openStoredDeviceSecret,
  sealNewDeviceSecret,
} from '../auth/device-secret.js';
import { isAuthentic } from '../auth/offline-record-hmac.js';
import type { SecretSealer } from '../auth/secret-sealer.js';
import type { Principal } from '../domain/api-key.js';
import type { Conflict, ConflictReason } from '../domain/conflict.js';
import type { DeviceRecord } from '../domain/device.js';
import { holdOf, leaseHolds, type VoucherHold } from '../domain/lease.js';
import { newMovementId } from '../domain/movement.js';
import {
  type OfflineRecord,
  type SyncInput,
  type SyncResponse,
  type SyncResult,
  sequenceGaps,
} from '../domain/offline-sync.js';
import type { PickupPoint } from '../domain/pickup-point.js';
import { runBounded } from '../domain/run-bounded.js';
import type { Voucher } from '../domain/voucher.js';
import { NotFoundError } from '../errors/app-errors.js';
import { SyncRecordCommittedError } from '../errors/device-errors.js';
import { InsufficientStockError } from '../errors/stock-errors.js';
import { VoucherStateChangedError } from '../errors/voucher-errors.js';
import { validityAt } from '../rules/voucher-rules.js';
import type { Stores } from '../store/stores.js';
import { commitRedemption } from './commit-redemption.js';
import { loadDeviceToSync } from './device-access.js';
import type { VoucherDeps } from './voucher-context.js';

/** Records committed at once: DynamoDB Local keeps up with ~16 transactions in flight. */
const RECORDS_IN_FLIGHT = 16;

export type SyncDeps = {
  stores: Pick<Stores, 'devices' | 'shelters' | 'vouchers' | 'syncs' | 'conflicts'> & VoucherDeps['stores'];
  secrets: Pick<VoucherDeps['secrets'], 'deviceSealKey'>;
  sealer: SecretSealer;
  now: () => Date;
};

/** What one sync did, for the metrics: records received, and what this call newly committed. */
export interface SyncTally {
  records: number;
  /** Records booked as redemptions by this call (a record answered from an earlier sync is not). */
  redeemed: number;
  /** Conflicts this call created. */
  conflicts: number;
  /** Records refused with nothing stored. */
  rejected: number;
}

interface SyncContext {
  device: DeviceRecord;
  point: PickupPoint | undefined;
  secret: Buffer;
  syncedAt: string;
  vouchers: ReadonlyMap<string, Voucher>;
  deps: SyncDeps;
  /** Counted as records commit here, not from the answers: an answer may be an earlier sync's. */
  committed: { redeemed: number; conflicts: number };
}

/**
 * Commits a device's offline handovers, each at most once (its synced-record item is written in
 * the same transaction as its redemption or its conflict, under "absent"; a replay answers what
 * is stored). A record becomes a redemption, through the online write path, when its voucher is
 * still issued, valid at the device's time, and no other device holds it now; otherwise a
 * conflict, and nothing leaves stock. A record whose lease ran out is still accepted when nobody
 * else holds the voucher: the goods left, and the ledger must say so.
 */
export async function syncDevice(
  input: { deviceId: string } & SyncInput,
  actor: Principal,
  deps: SyncDeps,
): Promise<{ response: SyncResponse; tally: SyncTally }> {
  const device = await loadDeviceToSync(input.deviceId, actor, deps);
  const syncedAt = deps.now().toISOString();
  const ids = input.records.map((record) => record.clientRedemptionId);
  const voucherIds = [...new Set(input.records.map((record) => record.voucherId))];
  const [stored, point, vouchers] = await Promise.all([
    deps.stores.syncs.results(device.id, ids),
    deps.stores.shelters.getPickupPoint(device.pickupPointId),
    deps.stores.vouchers.getMany(voucherIds.filter((id) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id))),
  ]);
  const secret = await openStoredDeviceSecret(device.sealedSecret, device.id, {
    sealer: deps.sealer,
    legacyKey: deps.secrets.deviceSealKey,
  });
  if (isLegacySealedDeviceSecret(device.sealedSecret)) {
    // Registered before issue 24: from now on under the sealing key, like every new device.
    const resealed = await sealNewDeviceSecret(secret.toString('base64url'), device.id, deps.sealer);
    await deps.stores.devices.resealSecret(device.id, device.sealedSecret, resealed);
  }
  const context: SyncContext = {
    device,
    point,
    secret,
    syncedAt,
    vouchers,
    deps,
    committed: { redeemed: 0, conflicts: 0 },
  };
  const results = await runBounded(input.records, RECORDS_IN_FLIGHT, (record) => {
    const replay = stored.get(record.clientRedemptionId);
    return replay !== undefined && authentic(record, context)
      ? Promise.resolve(replay)
      : syncRecord(record, context);
  });
  const [sequences] = await Promise.all([
    deps.stores.syncs.sequences(device.id),
    deps.stores.devices.markSynced(device, syncedAt),
  ]);
  return {
    response: { syncedAt, results, gaps: sequenceGaps(sequences) },
    tally: {
      records: input.records.length,
      ...context.committed,
      rejected: results.filter((result) => result.outcome === 'rejected').length,
    },
  };
}

/**
 * Whether the device was revoked before this handover. A phone reported lost or stolen is
 * trusted for nothing afterwards: every late record is a conflict. A phone revoked with its
 * person was not lost: what it recorded before the revocation happened, and is booked; what it
 * recorded after is a conflict.
 */
function revokedBefore(device: DeviceRecord, record: OfflineRecord): boolean {
  if (device.status !== 'revoked') return false;
  if (device.revocationReason !== 'person-revoked' || device.revokedAt === undefined) return true;
  return Date.parse(record.deviceTime) >= Date.parse(device.revokedAt);
}

function authentic(record: OfflineRecord, context: SyncContext): boolean {
  return record.deviceId === context.device.id && isAuthentic(record, context.secret);
}

function rejected(record: OfflineRecord, reason: string, message: string): SyncResult {
  return {
    clientRedemptionId: record.clientRedemptionId,
    sequence: record.sequence,
    outcome: 'rejected',
    reason,
    message,
  };
}

async function syncRecord(record: OfflineRecord, context: SyncContext): Promise<SyncResult> {
  const { device, deps } = context;
  if (!authentic(record, context))
    return rejected(record, 'bad-signature', 'Not signed by this device: nothing was stored.');
  if (record.pickupPointId !== device.pickupPointId || context.point === undefined)
    return rejected(record, 'wrong-pickup-point', `This device is registered at ${device.pickupPointId}.`);
  if (revokedBefore(device, record)) return conflict(record, 'device-revoked', undefined, context);
  const voucher = context.vouchers.get(record.voucherId);
  if (voucher === undefined || voucher.shelterId !== device.shelterId)
    return conflict(record, voucher === undefined ? 'unknown-voucher' : 'wrong-shelter', voucher, context);
  if (voucher.status !== 'issued') return conflict(record, finalReason(voucher), voucher, context);
  // Judged at the device's time, by the rule the scanner applied offline.
  const validity = validityAt(voucher, new Date(record.deviceTime));
  if (validity !== 'valid') return conflict(record, validity, voucher, context);
  // Who holds the voucher now: the voucher record's copy of its lease (no lease read, no check).
  const hold = holdOf(voucher);
  if (leaseHolds(hold, new Date(context.syncedAt)) && hold.keyId !== device.keyId)
    return conflict(record, 'held-by-other-device', voucher, context, hold);

  const movementId = newMovementId(record.deviceTime);
  const result: SyncResult = {
    clientRedemptionId: record.clientRedemptionId,
    sequence: record.sequence,
    outcome: 'redeemed',
    redemptionId: movementId,
  };
  try {
    await commitRedemption(
      voucher,
      context.point,
      {
        // The device's person handed over (the key that carries the records may be a colleague's).
        actor: { keyId: device.keyId, orgId: device.orgId, personId: device.personId },
        at: record.deviceTime,
        movementId,
        offline: {
          deviceId: device.id,
          sequence: record.sequence,
          clientRedemptionId: record.clientRedemptionId,
          recordedAt: context.syncedAt,
        },
      },
      deps,
      {
        notHeldByOthers: { keyId: device.keyId, now: context.syncedAt },
        syncRecord: {
          id: record.clientRedemptionId,
          write: deps.stores.syncs.recordWrite(device.id, result),
        },
      },
    );
    context.committed.redeemed++;
    return result;
  } catch (err) {
    if (err instanceof SyncRecordCommittedError) return storedResult(record, context);
    if (err instanceof VoucherStateChangedError) {
      const now = err.current ?? voucher;
      const taken = holdOf(now);
      if (leaseHolds(taken, new Date(context.syncedAt)) && taken.keyId !== device.keyId)
        return conflict(record, 'held-by-other-device', now, context, taken);
      return conflict(record, now.status === 'issued' ? 'expired' : finalReason(now), now, context);
    }
    if (err instanceof InsufficientStockError)
      return conflict(record, 'insufficient-stock', voucher, context);
    throw err;
  }
}

function finalReason(voucher: Voucher): ConflictReason {
  if (voucher.status === 'redeemed') return 'already-redeemed';
  if (voucher.status === 'void') return 'voided';
  return 'expired';
}

const conflictMessages: Record<ConflictReason, string> = {
  'already-redeemed': 'The voucher was already handed over elsewhere: nothing left stock for this record.',
  voided: 'The voucher was cancelled before this handover was synced.',
  expired: 'The voucher had expired at the device time of this handover.',
  'not-yet-valid': 'The voucher was not yet valid at the device time of this handover.',
  'held-by-other-device': 'Another device held this voucher when the record was synced.',
  'device-revoked': 'This device was revoked: its late records wait for a logistics lead.',
  'wrong-shelter': 'The voucher belongs to another shelter.',
  'insufficient-stock': 'The shelter’s stock does not show the goods this handover gave out.',
  'unknown-voucher': 'No voucher has this id.',
};

/**
 * Records a conflict with the record's answer, once; a record committed meanwhile answers that.
 * It belongs to the device's shelter, whatever the voucher's (a handover of another shelter's
 * voucher is `wrong-shelter`).
 */
async function conflict(
  record: OfflineRecord,
  reason: ConflictReason,
  voucher: Voucher | undefined,
  context: SyncContext,
  holder?: VoucherHold,
): Promise<SyncResult> {
  const { device, deps, syncedAt } = context;
  const id = `cfl_${ulid()}`;
  const message = conflictMessages[reason];
  const result: SyncResult = {
    clientRedemptionId: record.clientRedemptionId,
    sequence: record.sequence,
    outcome: 'conflict',
    conflictId: id,
    reason,
    message,
  };
  const holderDevice = holder === undefined ? undefined : await deps.stores.devices.get(holder.deviceId);
  const record_: Conflict = {
    id,
    // The shelter where the goods left: the device's. Its logistics lead finds the conflict there,
    // and resolving it as goods handed out moves that shelter's stock, not the voucher's.
    shelterId: device.shelterId,
    ...(voucher !== undefined && voucher.shelterId !== device.shelterId
      ? { voucherShelterId: voucher.shelterId }
      : {}),
    orgId: voucher?.orgId ?? device.orgId,
    voucherId: record.voucherId,
    status: 'open',
    reason,
    message,
    offline: {
      deviceId: device.id,
      deviceLabel: device.label,
      clientRedemptionId: record.clientRedemptionId,
      sequence: record.sequence,
      pickupPointId: record.pickupPointId,
      deviceTime: record.deviceTime,
      syncedAt,
      lines: record.lines.map((line) => ({ itemId: line.itemId, quantity: line.quantity })),
    },
    ...(voucher?.status === 'redeemed'
      ? {
          first: {
            redeemedAt: voucher.redeemedAt,
            pickupPointId: voucher.pickupPointId,
            ...(voucher.deviceId === undefined ? {} : { deviceId: voucher.deviceId }),
          },
        }
      : {}),
    ...(holder === undefined
      ? {}
      : { holder: { deviceId: holder.deviceId, label: holderDevice?.label ?? holder.deviceId } }),
    createdAt: syncedAt,
  };
  const created = await deps.stores.conflicts.create(
    record_,
    deps.stores.syncs.recordWrite(device.id, result),
  );
  if (!created) return storedResult(record, context);
  context.committed.conflicts++;
  return result;
}

async function storedResult(record: OfflineRecord, context: SyncContext): Promise<SyncResult> {
  const stored = await context.deps.stores.syncs.result(context.device.id, record.clientRedemptionId);
  if (stored === undefined) throw new NotFoundError('Synced record', record.clientRedemptionId);
  return stored;
}
