import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type PickupPoint, pickupPointSchema } from '../domain/pickup-point.js';
import { type Shelter, type ShelterPatch, shelterSchema } from '../domain/shelter.js';
import { NotFoundError } from '../errors/app-errors.js';
import { pickupPointKey, pickupPointListKey, shelterKey, shelterListKey } from './keys.js';
import type { Page } from './pagination.js';
import { parseRecord } from './parse-record.js';
import { RecordCollection } from './record-collection.js';
import { callDynamo, isConditionFailure } from './store-errors.js';
import type { TableContext } from './table-context.js';

export class ShelterStore {
  private readonly shelters: RecordCollection<Shelter>;
  private readonly pickupPoints: RecordCollection<PickupPoint>;
  private readonly knownPickupPoints = new Map<string, PickupPoint>();

  constructor(private readonly table: TableContext) {
    this.shelters = new RecordCollection(table, {
      label: 'Shelter',
      schema: shelterSchema,
      key: shelterKey,
      listPartition: shelterListKey,
      listSort: (shelter) => shelter.id,
      id: (shelter) => shelter.id,
    });
    this.pickupPoints = new RecordCollection(table, {
      label: 'Pickup point',
      schema: pickupPointSchema,
      key: pickupPointKey,
      listPartition: (point) => pickupPointListKey(point.shelterId),
      listSort: (point) => point.id,
      id: (point) => point.id,
    });
  }

  create(shelter: Shelter): Promise<void> {
    return this.shelters.create(shelter);
  }

  get(shelterId: string): Promise<Shelter | undefined> {
    return this.shelters.get(shelterId);
  }

  getMany(shelterIds: readonly string[]): Promise<Map<string, Shelter>> {
    return this.shelters.getMany(shelterIds);
  }

  list(limit: number, cursor?: string): Promise<Page<Shelter>> {
    return this.shelters.list(shelterListKey(), limit, cursor);
  }

  /**
   * Applies a partial update and who made it, when; fields set to undefined are left alone, and
   * an optional setting set to null is removed (it reads as its default again).
   */
  async update(
    shelterId: string,
    patch: { [K in keyof ShelterPatch]?: ShelterPatch[K] | null },
    change: Pick<Shelter, 'updatedAt' | 'updatedBy'>,
  ): Promise<Shelter> {
    const entries = Object.entries({ ...patch, ...change });
    const fields = entries.filter(([, value]) => value !== undefined && value !== null);
    const removed = entries.filter(([, value]) => value === null).map(([name]) => name);
    const names = Object.fromEntries([
      ...fields.map(([name], i) => [`#f${i}`, name]),
      ...removed.map((name, i) => [`#r${i}`, name]),
    ]);
    const values = Object.fromEntries(fields.map(([, value], i) => [`:v${i}`, value]));
    const remove = removed.length === 0 ? '' : ` REMOVE ${removed.map((_, i) => `#r${i}`).join(', ')}`;
    try {
      const result = await callDynamo(() =>
        this.table.doc.send(
          new UpdateCommand({
            TableName: this.table.tableName,
            Key: shelterKey(shelterId),
            UpdateExpression: `SET ${fields.map((_, i) => `#f${i} = :v${i}`).join(', ')}${remove}`,
            // Only existing shelters can be patched: an update must not create a bare record.
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return parseRecord(shelterSchema, result.Attributes ?? {});
    } catch (err) {
      if (isConditionFailure(err)) throw new NotFoundError('Shelter', shelterId);
      throw err;
    }
  }

  createPickupPoint(point: PickupPoint): Promise<void> {
    return this.pickupPoints.create(point);
  }

  /**
   * Pickup points never move to another shelter (no API changes `shelterId`), so a found one is
   * remembered for the life of the process: every redemption reads one, and this saves the call.
   */
  async getPickupPoint(pickupPointId: string): Promise<PickupPoint | undefined> {
    const known = this.knownPickupPoints.get(pickupPointId);
    if (known !== undefined) return known;
    const point = await this.pickupPoints.get(pickupPointId);
    if (point !== undefined && this.knownPickupPoints.size < 10_000)
      this.knownPickupPoints.set(pickupPointId, point);
    return point;
  }

  /** Reads up to 100 pickup points in one call; missing ids are absent from the map. */
  getPickupPoints(pickupPointIds: readonly string[]): Promise<Map<string, PickupPoint>> {
    return this.pickupPoints.getMany(pickupPointIds);
  }

  listPickupPoints(shelterId: string, limit: number, cursor?: string): Promise<Page<PickupPoint>> {
    return this.pickupPoints.list(pickupPointListKey(shelterId), limit, cursor);
  }
}
