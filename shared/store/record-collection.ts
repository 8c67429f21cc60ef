import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from '@hono/zod-openapi';
import { ConflictError } from '../errors/app-errors.js';
import { batchGet } from './batch-get.js';
import { conditionalPut } from './conditional-put.js';
import type { TableKey } from './keys.js';
import type { Page } from './pagination.js';
import { parseRecord } from './parse-record.js';
import { queryPage } from './query-page.js';
import { callDynamo } from './store-errors.js';
import type { TableContext } from './table-context.js';

export interface CollectionShape<T> {
  /** Human name for messages, e.g. "Shelter". */
  label: string;
  /** What a stored record must be: every read is parsed with it. */
  schema: z.ZodType<T>;
  key: (id: string) => TableKey;
  /** gsi1 partition that lists the collection, and the sort value of one record. */
  listPartition: (record: T) => string;
  listSort: (record: T) => string;
  id: (record: T) => string;
}

/**
 * The create/get/list pattern shared by the reference records (organisations, shelters, pickup
 * points, items): one item per record under `<TYPE>#<id>`/`META`, listed through gsi1.
 */
export class RecordCollection<T extends object> {
  constructor(
    private readonly table: TableContext,
    private readonly shape: CollectionShape<T>,
  ) {}

  async create(record: T): Promise<void> {
    const id = this.shape.id(record);
    const outcome = await conditionalPut(this.table, {
      item: {
        ...this.shape.key(id),
        gsi1pk: this.shape.listPartition(record),
        gsi1sk: this.shape.listSort(record),
        ...record,
      },
      // Ids are chosen by people: a second create with the same id is a mistake to report.
      condition: 'attribute_not_exists(pk)',
    });
    if (!outcome.written) throw new ConflictError(`${this.shape.label} "${id}" already exists.`, { id });
  }

  /** `consistent`: a strongly consistent read (twice the cost), for a record written moments ago. */
  async get(id: string, options: { consistent?: boolean } = {}): Promise<T | undefined> {
    const result = await callDynamo(() =>
      this.table.doc.send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: this.shape.key(id),
          ...(options.consistent ? { ConsistentRead: true } : {}),
        }),
      ),
    );
    return result.Item === undefined ? undefined : this.parse(result.Item);
  }

  /** Reads up to 100 records in one call; missing ids are simply absent from the map. */
  async getMany(ids: readonly string[]): Promise<Map<string, T>> {
    const items = await batchGet(
      this.table,
      ids.map((id) => this.shape.key(id)),
    );
    return new Map(items.map((item) => this.parse(item)).map((record) => [this.shape.id(record), record]));
  }

  list(partition: string, limit: number, cursor?: string): Promise<Page<T>> {
    return queryPage(
      this.table,
      {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        Limit: limit,
      },
      { partition: { gsi1pk: partition }, cursor, read: (item) => this.parse(item) },
    );
  }

  private parse(item: Record<string, unknown>): T {
    return parseRecord(this.shape.schema, item);
  }
}
