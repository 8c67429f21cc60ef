import { BatchWriteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PackRemovalReason } from '../domain/device-pack.js';
import { type Lease, leaseSchema, type PoolEntry, poolEntrySchema } from '../domain/lease.js';
import { runBounded } from '../domain/run-bounded.js';
import { backoffDelay, sleep } from './backoff.js';
import { batchGet } from './batch-get.js';
import {
  deviceKey,
  devicePartition,
  POOL_PREFIX,
  poolEntryKey,
  shelterLeasesKey,
  voucherLeaseKey,
} from './keys.js';
import { parseRecord } from './parse-record.js';
import { queryAll } from './query-all.js';
import { callDynamo, isConditionFailure } from './store-errors.js';
import type { TableContext } from './table-context.js';
import { sendTransaction, type TransactItem } from './transaction.js';
import { voucherLeaseCopyWrite } from './voucher-writes.js';

/** A pool entry that ended stays this long, so a device offline for days still learns why. */
const TOMBSTONE_SECONDS = 7 * 24 * 3600;

/** Conditions on the lease record, each named for the rule it keeps. */
const leaseGuards = {
  /** At most one device holds a voucher: a lease is taken only if none holds, or it is ours. */
  freeOrMine: 'attribute_not_exists(pk) OR leaseUntil <= :now OR deviceId = :device',
  /** Only the holder renews, hands back or ends its lease. */
  mine: 'deviceId = :device',
  /** Re-pooling ends the lease as it was read: one the silent device renewed meanwhile is kept. */
  asRead: 'deviceId = :device AND leaseUntil = :until',
} as const;

/** Conditions on the holder's device record when another device's refresh ends its lease. */
const silentGuards = {
  /**
   * Only a phone still silent loses its leases: no pack and no sync since the cutoff (ISO times
   * compare as strings), and still active (sign-off and revocation end leases their own way).
   */
  stillSilent:
    '#status = :active AND (attribute_not_exists(lastSeenAt) OR lastSeenAt < :cutoff) AND (attribute_not_exists(lastSyncAt) OR lastSyncAt < :cutoff)',
} as const;

/** Leases of vouchers to devices, and each device's pool entries (see keys.ts). */
export class LeaseStore {
  constructor(private readonly table: TableContext) {}

  async get(voucherId: string): Promise<Lease | undefined> {
    const result = await callDynamo(() =>
      this.table.doc.send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: voucherLeaseKey(voucherId),
          ConsistentRead: true,
        }),
      ),
    );
    return result.Item === undefined ? undefined : parseRecord(leaseSchema, result.Item);
  }

  /** Many lease records by voucher id; vouchers nobody holds are absent. */
  async getMany(voucherIds: readonly string[]): Promise<Map<string, Lease>> {
    const items = await batchGet(this.table, voucherIds.map(voucherLeaseKey), { consistent: true });
    return new Map(
      items.map((item) => parseRecord(leaseSchema, item)).map((lease) => [lease.voucherId, lease]),
    );
  }

  /** Every lease record of a shelter (ended ones too, until a refresh clears them). */
  async leasesOfShelter(shelterId: string): Promise<Lease[]> {
    const items = await queryAll(this.table, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': shelterLeasesKey(shelterId) },
    });
    return items.map((item) => parseRecord(leaseSchema, item));
  }

  /** Every pool entry of a device, held and ended. */
  async poolOf(deviceId: string): Promise<PoolEntry[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :pool)',
      ExpressionAttributeValues: { ':pk': devicePartition(deviceId), ':pool': POOL_PREFIX },
      ConsistentRead: true,
    });
    return items.map((item) => parseRecord(poolEntrySchema, item));
  }

  /**
   * Takes or renews a lease, and copies it onto the voucher record in the same transaction (the
   * copy is what a redemption checks); false when another device holds the voucher or it is no
   * longer issued.
   */
  async acquire(lease: Lease, now: Date): Promise<boolean> {
    const result = await sendTransaction(this.table, [
      {
        purpose: 'lease',
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: this.leaseItem(lease),
            ConditionExpression: leaseGuards.freeOrMine,
            ExpressionAttributeValues: { ':now': now.toISOString(), ':device': lease.deviceId },
          },
        },
      },
      { purpose: 'voucher', item: voucherLeaseCopyWrite(this.table, lease.voucherId, lease) },
    ]);
    return result.outcome === 'committed';
  }

  /** Records that another desk asked for the voucher; shown in the holder's next pack. */
  async requestHandBack(voucherId: string, holderDeviceId: string, at: string): Promise<void> {
    try {
      await callDynamo(() =>
        this.table.doc.send(
          new UpdateCommand({
            TableName: this.table.tableName,
            Key: voucherLeaseKey(voucherId),
            UpdateExpression: 'SET handBackRequestedAt = if_not_exists(handBackRequestedAt, :at)',
            ConditionExpression: leaseGuards.mine,
            ExpressionAttributeValues: { ':at': at, ':device': holderDeviceId },
          }),
        ),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }

  /**
   * Ends the device's lease of a voucher (hand-back, sign-off, revocation) and tells its pool
   * why, in one transaction; false when the device does not hold it.
   */
  async release(
    deviceId: string,
    voucherId: string,
    reason: PackRemovalReason,
    cursor: string,
  ): Promise<boolean> {
    const result = await sendTransaction(this.table, [
      {
        purpose: 'lease',
        item: {
          Delete: {
            TableName: this.table.tableName,
            Key: voucherLeaseKey(voucherId),
            ConditionExpression: leaseGuards.mine,
            ExpressionAttributeValues: { ':device': deviceId },
          },
        },
      },
      { purpose: 'pool', item: this.endEntryWrite(deviceId, voucherId, reason, cursor) },
      { purpose: 'voucher', item: voucherLeaseCopyWrite(this.table, voucherId, undefined) },
    ]);
    return result.outcome === 'committed';
  }

  /**
   * Another device's refresh ends the lease of a silent device (issue 21), only while that device
   * is still silent (no pack, no sync since `cutoff`) and the lease is as read: the silent
   * device's pool is told `lease-ended` and the voucher record's copy follows, in one
   * transaction. With a `successor` (the refreshing device's share) the lease passes straight to
   * it, one transaction instead of two and one write of the voucher record; without, it is
   * deleted. False when the device spoke meanwhile, renewed or lost the lease, or the voucher
   * left `issued`; nothing is written then.
   */
  async endSilentLease(
    lease: Lease,
    options: { cutoff: string; cursor: string; successor?: Lease | undefined },
  ): Promise<boolean> {
    const { cutoff, cursor, successor } = options;
    const asRead = {
      TableName: this.table.tableName,
      ConditionExpression: leaseGuards.asRead,
      ExpressionAttributeValues: { ':device': lease.deviceId, ':until': lease.leaseUntil },
    };
    const leaseWrite: TransactItem =
      successor === undefined
        ? { Delete: { ...asRead, Key: voucherLeaseKey(lease.voucherId) } }
        : { Put: { ...asRead, Item: this.leaseItem(successor) } };
    const result = await sendTransaction(this.table, [
      { purpose: 'lease', item: leaseWrite },
      {
        purpose: 'device',
        item: {
          ConditionCheck: {
            TableName: this.table.tableName,
            Key: deviceKey(lease.deviceId),
            ConditionExpression: silentGuards.stillSilent,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':active': 'active', ':cutoff': cutoff },
          },
        },
      },
      { purpose: 'pool', item: this.endEntryWrite(lease.deviceId, lease.voucherId, 'lease-ended', cursor) },
      { purpose: 'voucher', item: voucherLeaseCopyWrite(this.table, lease.voucherId, successor) },
    ]);
    return result.outcome === 'committed';
  }

  /**
   * The device gives a voucher back: its lease ends now (the record stays, marked, so the same
   * device does not take it again) and its pool is told `released`, in one transaction; false
   * when the device does not hold it now.
   */
  async handBack(deviceId: string, voucherId: string, cursor: string, at: string): Promise<boolean> {
    const result = await sendTransaction(this.table, [
      {
        purpose: 'lease',
        item: {
          Update: {
            TableName: this.table.tableName,
            Key: voucherLeaseKey(voucherId),
            UpdateExpression: 'SET leaseUntil = :at, handedBackAt = :at REMOVE handBackRequestedAt',
            // Only a lease this device holds now can be given back.
            ConditionExpression: 'deviceId = :device AND leaseUntil > :at',
            ExpressionAttributeValues: { ':device': deviceId, ':at': at },
          },
        },
      },
      { purpose: 'pool', item: this.endEntryWrite(deviceId, voucherId, 'released', cursor) },
      { purpose: 'voucher', item: voucherLeaseCopyWrite(this.table, voucherId, undefined) },
    ]);
    return result.outcome === 'committed';
  }

  /**
   * Forgets a lease record that no longer matters (its voucher left `issued`, or the shelter went
   * `online`), with the voucher record's copy of it in the same transaction, so that no copy
   * outlives its lease; nothing when another device holds the voucher now.
   */
  async forget(voucherId: string, deviceId: string): Promise<void> {
    await sendTransaction(this.table, [
      {
        purpose: 'lease',
        item: {
          Delete: {
            TableName: this.table.tableName,
            Key: voucherLeaseKey(voucherId),
            ConditionExpression: leaseGuards.mine,
            ExpressionAttributeValues: { ':device': deviceId },
          },
        },
      },
      { purpose: 'voucher', item: voucherLeaseCopyWrite(this.table, voucherId, undefined) },
    ]);
  }

  /** Writes pool entries in batches of 25 (no condition: each device writes only its own). */
  async writeEntries(deviceId: string, entries: readonly PoolEntry[]): Promise<void> {
    const items = entries.map((entry) => this.entryItem(deviceId, entry));
    const batches: Array<typeof items> = [];
    for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
    await runBounded(batches, 8, async (batch) => {
      let pending = batch.map((Item) => ({ PutRequest: { Item } }));
      for (let round = 0; pending.length > 0; round++) {
        if (round > 0) await sleep(backoffDelay(round - 1, 20, 400));
        const result = await callDynamo(() =>
          this.table.doc.send(new BatchWriteCommand({ RequestItems: { [this.table.tableName]: pending } })),
        );
        pending = (result.UnprocessedItems?.[this.table.tableName] ?? []) as typeof pending;
      }
    });
  }

  /** The write that tells a device's pool a voucher left it (inside another transaction). */
  endEntryWrite(
    deviceId: string,
    voucherId: string,
    reason: PackRemovalReason,
    cursor: string,
  ): TransactItem {
    return {
      Put: {
        TableName: this.table.tableName,
        Item: this.entryItem(deviceId, {
          voucherId,
          state: 'ended',
          reason,
          leaseUntil: cursorIso(cursor),
          changed: cursor,
        }),
      },
    };
  }

  /** A lease as stored: listed per shelter through gsi1. */
  private leaseItem(lease: Lease): Record<string, unknown> {
    return {
      ...voucherLeaseKey(lease.voucherId),
      gsi1pk: shelterLeasesKey(lease.shelterId),
      gsi1sk: lease.voucherId,
      ...lease,
    };
  }

  private entryItem(deviceId: string, entry: PoolEntry): Record<string, unknown> {
    const ttl =
      entry.state === 'ended' ? { ttl: Math.floor(Number(entry.changed) / 1000) + TOMBSTONE_SECONDS } : {};
    return { ...poolEntryKey(deviceId, entry.voucherId), ...entry, ...ttl };
  }
}

function cursorIso(cursor: string): string {
  return new Date(Number(cursor)).toISOString();
}
