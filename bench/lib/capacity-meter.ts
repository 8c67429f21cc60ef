import { type AttributeValue, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableDefinition } from '../../shared/store/table-definition.js';
import { itemSize } from './item-size.js';

/**
 * Watches every DynamoDB request one client sends and prices it twice: as DynamoDB Local reports
 * (ReturnConsumedCapacity) and as DynamoDB's documented rules compute it from the item sizes
 * actually read and written: 1 KB per write unit, 4 KB per read unit, half for eventually
 * consistent reads, double inside transactions (a ConditionCheck too: it is charged as a write of
 * the item it checks), and one more write per GSI entry written or removed (the larger of the
 * before and after item for an update).
 */
type Item = Record<string, AttributeValue>;
type Key = Record<string, AttributeValue>;

export interface Priced {
  requests: number;
  reportedWcu: number;
  reportedRcu: number;
  computedWcu: number;
  computedRcu: number;
  calls: string[];
}

interface Write {
  key: Key;
  transactional: boolean;
  /** A transaction's ConditionCheck: priced like a write of the item it reads, touching no index. */
  checkOnly?: boolean;
}

function writesOf(name: string, input: Record<string, unknown>): Write[] {
  const keyOf = (item: Item): Key => ({ pk: item.pk as AttributeValue, sk: item.sk as AttributeValue });
  if (name === 'PutItemCommand') return [{ key: keyOf(input.Item as Item), transactional: false }];
  if (name === 'UpdateItemCommand' || name === 'DeleteItemCommand')
    return [{ key: input.Key as Key, transactional: false }];
  if (name === 'TransactWriteItemsCommand') {
    return (input.TransactItems as Array<Record<string, { Item?: Item; Key?: Key }>>).flatMap((entry) => {
      if (entry.Put?.Item !== undefined) return [{ key: keyOf(entry.Put.Item), transactional: true }];
      if (entry.ConditionCheck?.Key !== undefined)
        return [{ key: entry.ConditionCheck.Key, transactional: true, checkOnly: true }];
      const change = entry.Update ?? entry.Delete;
      return change?.Key === undefined ? [] : [{ key: change.Key, transactional: true }];
    });
  }
  return [];
}

function sumReported(
  consumed: unknown,
  field: 'WriteCapacityUnits' | 'ReadCapacityUnits' | 'CapacityUnits',
): number {
  const list = Array.isArray(consumed) ? consumed : consumed === undefined ? [] : [consumed];
  return list.reduce((sum, c: Record<string, number | undefined>) => sum + (c[field] ?? 0), 0);
}

export class CapacityMeter {
  private readonly raw: DynamoDBClient;
  private readonly tableName: string;
  priced: Priced = CapacityMeter.empty();

  static empty(): Priced {
    return { requests: 0, reportedWcu: 0, reportedRcu: 0, computedWcu: 0, computedRcu: 0, calls: [] };
  }

  constructor(doc: DynamoDBDocumentClient, endpoint: string, tableName: string) {
    this.tableName = tableName;
    this.raw = new DynamoDBClient({
      endpoint,
      region: 'local',
      credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
    });
    // Ask for consumed capacity before the request is serialised...
    doc.middlewareStack.add(
      (next) => async (args) => {
        (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'INDEXES';
        return next(args);
      },
      { step: 'initialize', name: 'benchAskForCapacity' },
    );
    // ...and price it at the build step, which sees the low-level (marshalled) request and response.
    doc.middlewareStack.add(
      (next, context) => async (args) => {
        const name = context.commandName ?? 'unknown';
        const input = args.input as Record<string, unknown>;
        const writes = writesOf(name, input);
        const before = await Promise.all(writes.map((w) => this.read(w.key)));
        const result = await next(args);
        const after = await Promise.all(writes.map((w) => this.read(w.key)));
        const output = result.output as Record<string, unknown>;
        this.priced.requests++;
        this.priced.calls.push(name.replace('Command', ''));
        this.priced.reportedWcu +=
          sumReported(output.ConsumedCapacity, 'WriteCapacityUnits') ||
          (writes.length > 0 ? sumReported(output.ConsumedCapacity, 'CapacityUnits') : 0);
        this.priced.reportedRcu +=
          sumReported(output.ConsumedCapacity, 'ReadCapacityUnits') ||
          (writes.length === 0 ? sumReported(output.ConsumedCapacity, 'CapacityUnits') : 0);
        writes.forEach((write, i) => {
          this.priced.computedWcu += this.writeUnits(before[i], after[i], write);
        });
        this.priced.computedRcu += this.readUnits(name, input, output);
        return result;
      },
      { step: 'build', name: 'benchCapacityMeter' },
    );
  }

  reset(): void {
    this.priced = CapacityMeter.empty();
  }

  private async read(key: Key): Promise<Item | undefined> {
    const result = await this.raw.send(
      new GetItemCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return result.Item;
  }

  private writeUnits(before: Item | undefined, after: Item | undefined, write: Write): number {
    const base =
      Math.max(1, Math.ceil(Math.max(itemSize(before), itemSize(after)) / 1024)) *
      (write.transactional ? 2 : 1);
    // A condition check is charged as a transactional write of the item it reads (even an absent
    // one), and writes no index entry.
    if (write.checkOnly === true) return base;
    let indexWrites = 0;
    for (const index of tableDefinition.globalIndexes) {
      const was = before?.[index.partitionKey] !== undefined;
      const is = after?.[index.partitionKey] !== undefined;
      const keyChanged =
        was &&
        is &&
        (before?.[index.partitionKey]?.S !== after?.[index.partitionKey]?.S ||
          before?.[index.sortKey]?.S !== after?.[index.sortKey]?.S);
      // Index entries carry the whole item (projection ALL) plus 100 bytes of overhead.
      const entry = (item: Item | undefined) => Math.max(1, Math.ceil((itemSize(item) + 100) / 1024));
      if (!was && is) indexWrites += entry(after);
      else if (was && !is) indexWrites += 1;
      else if (keyChanged) indexWrites += 1 + entry(after);
      else if (was && is) indexWrites += entry(after);
    }
    return base + indexWrites;
  }

  private readUnits(name: string, input: Record<string, unknown>, output: Record<string, unknown>): number {
    const units = (bytes: number, consistent: boolean) =>
      Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);
    if (name === 'GetItemCommand') return units(itemSize(output.Item as Item), input.ConsistentRead === true);
    if (name === 'BatchGetItemCommand') {
      const requested = Object.values(input.RequestItems as Record<string, { ConsistentRead?: boolean }>)[0];
      const items = Object.values((output.Responses ?? {}) as Record<string, Item[]>).flat();
      return items.reduce((sum, item) => sum + units(itemSize(item), requested?.ConsistentRead === true), 0);
    }
    if (name === 'QueryCommand') {
      const bytes = ((output.Items ?? []) as Item[]).reduce((sum, item) => sum + itemSize(item), 0);
      return units(bytes, input.ConsistentRead === true);
    }
    return 0;
  }
}
