import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type DeviceRecord, type DeviceRevocationReason, deviceRecordSchema } from '../domain/device.js';
import type { SealedReply } from '../domain/idempotency.js';
import { ConflictError, NotFoundError, UnauthenticatedError } from '../errors/app-errors.js';
import { IdempotencyClaimLostError } from '../errors/idempotency-errors.js';
import { type CompletionWrite, sealedCompletionWrites } from './idempotency-store.js';
import { deviceKey, deviceListKey, personDeviceLinkKey, personKey } from './keys.js';
import type { Page } from './pagination.js';
import { parseRecord } from './parse-record.js';
import { RecordCollection } from './record-collection.js';
import { callDynamo, isConditionFailure } from './store-errors.js';
import type { TableContext } from './table-context.js';
import { sendTransaction, type TransactionWrite } from './transaction.js';

/** How far behind a device's recorded last sync may be: see DeviceStore.markSynced. */
export const LAST_SYNC_PRECISION_MS = 60_000;

/** Scanning devices, listed per shelter through gsi1. */
export class DeviceStore {
  private readonly devices: RecordCollection<DeviceRecord>;

  constructor(private readonly table: TableContext) {
    this.devices = new RecordCollection(table, {
      label: 'Device',
      schema: deviceRecordSchema,
      key: deviceKey,
      listPartition: (device) => deviceListKey(device.shelterId),
      listSort: (device) => device.id,
      id: (device) => device.id,
    });
  }

  /**
   * Registers a device with, under an Idempotency-Key, its answer (the secret inside) sealed for
   * replays, in one transaction. A person's device is written with its link in the person's
   * partition under "the person is not revoked": a revocation lists every device of theirs that
   * exists, and none can be added after it (a key of theirs still cached elsewhere is refused here).
   * Refused on the Idempotency-Key: IdempotencyClaimLostError, nothing written.
   */
  async create(device: DeviceRecord, reply: SealedReply): Promise<void> {
    type Purpose = { of: 'device' } | { of: 'link' } | { of: 'person' } | CompletionWrite;
    const writes: TransactionWrite<Purpose>[] = [
      {
        purpose: { of: 'device' },
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: {
              ...deviceKey(device.id),
              gsi1pk: deviceListKey(device.shelterId),
              gsi1sk: device.id,
              ...device,
            },
            // Ids are random; a collision would replace another volunteer's phone.
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
    ];
    if (device.personId !== undefined)
      writes.push(
        {
          purpose: { of: 'link' },
          item: {
            Put: {
              TableName: this.table.tableName,
              Item: {
                ...personDeviceLinkKey(device.personId, device.id),
                deviceId: device.id,
                createdAt: device.createdAt,
              },
            },
          },
        },
        {
          purpose: { of: 'person' },
          item: {
            ConditionCheck: {
              TableName: this.table.tableName,
              Key: personKey(device.personId),
              // Nothing of a revoked person's passes.
              ConditionExpression: 'attribute_exists(pk) AND #status <> :revoked',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':revoked': 'revoked' },
            },
          },
        },
      );
    const result = await sendTransaction(this.table, [
      ...writes,
      ...sealedCompletionWrites(this.table, reply),
    ]);
    if (result.outcome === 'committed') return;
    if (result.refused.some((purpose) => purpose.of === 'person'))
      throw new UnauthenticatedError('The API key is not valid.');
    if (result.refused.some((purpose) => purpose.of === 'idempotency-completion'))
      throw new IdempotencyClaimLostError();
    throw new ConflictError(`Device "${device.id}" already exists.`);
  }

  /**
   * Seals anew a secret kept the way devices were sealed before issue 24, on condition that it is
   * still that one (a second sync doing the same at once changes nothing).
   */
  async resealSecret(deviceId: string, from: string, to: string): Promise<void> {
    try {
      await callDynamo(() =>
        this.table.doc.send(
          new UpdateCommand({
            TableName: this.table.tableName,
            Key: deviceKey(deviceId),
            UpdateExpression: 'SET sealedSecret = :to',
            ConditionExpression: 'sealedSecret = :from',
            ExpressionAttributeValues: { ':from': from, ':to': to },
          }),
        ),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }

  /** `consistent`: a phone registered a moment ago must be found (a redemption naming it). */
  get(deviceId: string, options: { consistent?: boolean } = {}): Promise<DeviceRecord | undefined> {
    return this.devices.get(deviceId, options);
  }

  /** Many devices at once (a person's); absent ids are left out. */
  getMany(deviceIds: readonly string[]): Promise<Map<string, DeviceRecord>> {
    return this.devices.getMany(deviceIds);
  }

  listByShelter(shelterId: string, limit: number, cursor?: string): Promise<Page<DeviceRecord>> {
    return this.devices.list(deviceListKey(shelterId), limit, cursor);
  }

  /** Every device of a shelter (a shelter has a few dozen at most). */
  async allOfShelter(shelterId: string): Promise<DeviceRecord[]> {
    const devices: DeviceRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.listByShelter(shelterId, 200, cursor);
      devices.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return devices;
  }

  /**
   * A pack was taken: when, and how many vouchers it holds. A signed-off device becomes active
   * again; a revoked one stays revoked (the condition), so a late pack cannot revive it.
   */
  async touch(deviceId: string, fields: { lastSeenAt: string; poolSize: number }): Promise<void> {
    await callDynamo(() =>
      this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: deviceKey(deviceId),
          UpdateExpression: 'SET lastSeenAt = :seen, poolSize = :size, #status = :active',
          ConditionExpression: 'attribute_exists(pk) AND #status <> :revoked',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':seen': fields.lastSeenAt,
            ':size': fields.poolSize,
            ':active': 'active',
            ':revoked': 'revoked',
          },
        }),
      ),
    );
  }

  /**
   * When the device last synced, kept to the minute: a sync less than LAST_SYNC_PRECISION_MS
   * after the time the device record held when the sync read it writes nothing. Each write costs
   * 2 WCU (the device and its entry in the shelter's device list, gsi1), once per sync call:
   * a phone that syncs its handovers one by one as it makes them would otherwise pay it per
   * handover, on top of the redemption's own units (issue 25).
   */
  async markSynced(device: Pick<DeviceRecord, 'id' | 'lastSyncAt'>, at: string): Promise<void> {
    const last = device.lastSyncAt === undefined ? undefined : Date.parse(device.lastSyncAt);
    if (last !== undefined && Date.parse(at) - last < LAST_SYNC_PRECISION_MS) return;
    await callDynamo(() =>
      this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: deviceKey(device.id),
          UpdateExpression: 'SET lastSyncAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at },
        }),
      ),
    );
  }

  /** active | signed-off -> revoked, once; a revoked device stays revoked. */
  revoke(
    deviceId: string,
    at: string,
    by: string,
    reason: DeviceRevocationReason = 'lost-or-stolen',
  ): Promise<DeviceRecord> {
    return this.setStatus(deviceId, 'revoked', { revokedAt: at, revokedBy: by, revocationReason: reason });
  }

  /**
   * active -> signed-off (its pool handed back); a revoked device cannot sign off. `by` names the
   * manager who signed it off for its volunteer (absent when the phone signed itself off).
   */
  signOff(
    deviceId: string,
    at: string,
    by?: { keyId: string; personId?: string | undefined },
  ): Promise<DeviceRecord> {
    return this.setStatus(deviceId, 'signed-off', {
      signedOffAt: at,
      ...(by === undefined ? {} : { signedOffBy: by.keyId }),
      ...(by?.personId === undefined ? {} : { signedOffByPersonId: by.personId }),
    });
  }

  /**
   * Signed off or revoked, a device holds no vouchers: its pool is handed back (release-pool.ts)
   * right after, so `poolSize` (its last pack's count) drops to 0 with the status, not at a pack
   * that may never come.
   */
  private async setStatus(
    deviceId: string,
    status: 'revoked' | 'signed-off',
    fields: Record<string, string>,
  ): Promise<DeviceRecord> {
    const entries: Array<[string, string | number]> = [...Object.entries(fields), ['poolSize', 0]];
    try {
      const result = await callDynamo(() =>
        this.table.doc.send(
          new UpdateCommand({
            TableName: this.table.tableName,
            Key: deviceKey(deviceId),
            UpdateExpression: `SET #status = :status, ${entries.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
            // Revocation is final: nothing brings a lost phone back, and a revoked one cannot sign off.
            ConditionExpression: 'attribute_exists(pk) AND #status <> :revoked',
            ExpressionAttributeNames: {
              '#status': 'status',
              ...Object.fromEntries(entries.map(([name], i) => [`#f${i}`, name])),
            },
            ExpressionAttributeValues: {
              ':status': status,
              ':revoked': 'revoked',
              ...Object.fromEntries(entries.map(([, value], i) => [`:v${i}`, value])),
            },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return parseRecord(deviceRecordSchema, result.Attributes ?? {});
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const current = await this.get(deviceId);
      if (current === undefined) throw new NotFoundError('Device', deviceId);
      throw new ConflictError(`Device "${deviceId}" is revoked: register the phone again.`, {
        deviceStatus: current.status,
      });
    }
  }
}
