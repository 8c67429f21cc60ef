import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Movement } from '../domain/movement.js';
import type { BeneficiaryRecord, Voucher } from '../domain/voucher.js';
import { batchGet } from './batch-get.js';
import type { TransactItem } from './idempotency-store.js';
import {
  ISSUED_VOUCHERS,
  issuedVoucherSort,
  movementKey,
  stockKey,
  voucherBeneficiaryKey,
  voucherCodeKey,
  voucherKey,
  voucherListKey,
} from './keys.js';
import { decodeCursor, encodeCursor, type Page } from './pagination.js';
import { callDynamo } from './store-errors.js';
import { type TableContext, withoutKeys } from './table-context.js';
import { type VoucherListFilter, voucherListFilter } from './voucher-list-filter.js';
import {
  type ReadBalances,
  runVoucherTransaction,
  type VoucherWriteRejected,
} from './voucher-transaction.js';

export type { VoucherListFilter } from './voucher-list-filter.js';
export { VoucherWriteRejected } from './voucher-transaction.js';

/**
 * Vouchers and their reservations. Reservation writes use ADD under a condition on the stored
 * `available` figure, so issuing, redeeming and voiding never read a balance first and never
 * overwrite a concurrent change; each also bumps the balance version so that optimistic writers
 * (receipts, counts) notice them.
 */
export class VoucherStore {
  constructor(
    private readonly table: TableContext,
    private readonly retentionSeconds: number,
    /** The stock store's consistent balance read, to explain a refused reservation. */
    private readonly readBalances: ReadBalances,
  ) {}

  async issue(
    voucher: Voucher,
    beneficiary: BeneficiaryRecord,
    categories: ReadonlyMap<string, string>,
    extras: TransactItem[],
  ) {
    const reserve = voucher.lines.map((line) =>
      this.stockUpdate(voucher.shelterId, line.itemId, {
        set: { category: categories.get(line.itemId) ?? '' },
        add: { reserved: line.quantity, available: -line.quantity },
        // Invariant: a voucher is never issued that available stock cannot honour.
        condition: 'available >= :quantity',
        quantity: line.quantity,
        at: voucher.issuedAt,
      }),
    );
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.table.tableName,
          Item: {
            ...voucherKey(voucher.id),
            gsi1pk: voucherListKey(voucher.orgId),
            gsi1sk: `${voucher.issuedAt}#${voucher.id}`,
            gsi2pk: ISSUED_VOUCHERS,
            gsi2sk: issuedVoucherSort(voucher.validUntil, voucher.id),
            ...voucher,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.table.tableName,
          Item: { ...voucherCodeKey(voucher.code), voucherId: voucher.id },
          // Codes are random: a collision with an existing code must not hijack it.
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.table.tableName,
          Item: { ...voucherBeneficiaryKey(voucher.id), ...beneficiary },
        },
      },
      ...reserve,
      ...extras,
    ];
    await this.transact(items, voucher.shelterId, 3, voucher.lines, (index) =>
      index === 0 ? 'voucher' : index === 1 ? 'code' : 'extra',
    );
  }

  /** issued -> redeemed, stock out, one distribution entry: one transaction or nothing. */
  async redeem(voucher: Voucher, redeemed: Voucher, movement: Movement, extras: TransactItem[]) {
    const at = redeemed.redeemedAt ?? movement.at;
    const items: TransactItem[] = [
      this.finalise(redeemed, at, {
        // Exactly once: only an issued voucher inside its validity window can be redeemed.
        condition: '#status = :issued AND validUntil > :at AND validFrom <= :at',
      }),
      this.purgeBeneficiaryLater(voucher.id, at),
      ...voucher.lines.map((line) =>
        this.stockUpdate(voucher.shelterId, line.itemId, {
          add: { onHand: -line.quantity, reserved: -line.quantity },
          // Invariant 1: redemption needs the stock physically there, and it was reserved for this voucher.
          condition: 'onHand >= :quantity AND reserved >= :quantity',
          quantity: line.quantity,
          at,
        }),
      ),
      {
        Put: {
          TableName: this.table.tableName,
          Item: { ...movementKey(voucher.shelterId, movement.id), ...movement },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...extras,
    ];
    await this.transact(items, voucher.shelterId, 2, voucher.lines, (index) =>
      index === 0 ? 'voucher' : 'extra',
    );
  }

  /** issued -> void or expired: the reservation goes back to available stock. */
  async release(voucher: Voucher, released: Voucher, at: string, extras: TransactItem[]) {
    const items: TransactItem[] = [
      this.finalise(released, at, { condition: '#status = :issued' }),
      this.purgeBeneficiaryLater(voucher.id, at),
      ...voucher.lines.map((line) =>
        this.stockUpdate(voucher.shelterId, line.itemId, {
          add: { reserved: -line.quantity, available: line.quantity },
          condition: 'reserved >= :quantity',
          quantity: line.quantity,
          at,
        }),
      ),
      ...extras,
    ];
    await this.transact(items, voucher.shelterId, 2, voucher.lines, (index) =>
      index === 0 ? 'voucher' : 'extra',
    );
  }

  async get(voucherId: string): Promise<Voucher | undefined> {
    const result = await callDynamo(() =>
      this.table.doc.send(
        new GetCommand({ TableName: this.table.tableName, Key: voucherKey(voucherId), ConsistentRead: true }),
      ),
    );
    return result.Item === undefined ? undefined : withoutKeys<Voucher>(result.Item);
  }

  async idForCode(code: string): Promise<string | undefined> {
    const result = await callDynamo(() =>
      this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: voucherCodeKey(code) })),
    );
    return result.Item?.voucherId as string | undefined;
  }

  /** Beneficiary fields, unless retention has passed (TTL deletes late, so we check ourselves). */
  async beneficiary(voucherId: string, now: Date): Promise<BeneficiaryRecord | undefined> {
    const result = await callDynamo(() =>
      this.table.doc.send(
        new GetCommand({ TableName: this.table.tableName, Key: voucherBeneficiaryKey(voucherId) }),
      ),
    );
    const ttl = result.Item?.ttl as number | undefined;
    if (result.Item === undefined || (ttl !== undefined && ttl <= now.getTime() / 1000)) return undefined;
    return withoutKeys<BeneficiaryRecord>(result.Item);
  }

  /** Beneficiary fields of many vouchers in batch reads (a listing page), by voucher id. */
  async beneficiaries(voucherIds: readonly string[], now: Date): Promise<Map<string, BeneficiaryRecord>> {
    const items = await batchGet(this.table, voucherIds.map(voucherBeneficiaryKey));
    const kept = items.filter((item) => item.ttl === undefined || Number(item.ttl) > now.getTime() / 1000);
    return new Map(
      kept.map((item) => withoutKeys<BeneficiaryRecord>(item)).map((record) => [record.voucherId, record]),
    );
  }

  /**
   * An organisation's vouchers, newest first, by issue date range. Status and shelter are
   * filters on the page; an issued voucher past its validity counts as expired.
   */
  async listByOrg(
    orgId: string,
    filter: VoucherListFilter,
    now: Date,
    limit: number,
    cursor?: string,
  ): Promise<Page<Voucher>> {
    const partition = voucherListKey(orgId);
    const values: Record<string, unknown> = {
      ':pk': partition,
      ':from': filter.issuedFrom ?? '0',
      ':to': `${filter.issuedTo ?? '9999'}~`,
    };
    const filters = voucherListFilter(filter, now, values);
    const result = await callDynamo(() =>
      this.table.doc.send(
        new QueryCommand({
          TableName: this.table.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
          ...(filters.expression === undefined ? {} : { FilterExpression: filters.expression }),
          ...(filters.names === undefined ? {} : { ExpressionAttributeNames: filters.names }),
          ExpressionAttributeValues: values,
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: decodeCursor(cursor, { gsi1pk: partition }),
        }),
      ),
    );
    return {
      items: (result.Items ?? []).map((item) => withoutKeys<Voucher>(item)),
      nextCursor: encodeCursor(result.LastEvaluatedKey),
    };
  }

  /** Issued vouchers whose validity ended before `now`, oldest first (the sweeper's work list). */
  async listPastValidity(now: Date, limit: number): Promise<Voucher[]> {
    const result = await callDynamo(() =>
      this.table.doc.send(
        new QueryCommand({
          TableName: this.table.tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :issued AND gsi2sk < :now',
          ExpressionAttributeValues: { ':issued': ISSUED_VOUCHERS, ':now': now.toISOString() },
          Limit: limit,
        }),
      ),
    );
    return (result.Items ?? []).map((item) => withoutKeys<Voucher>(item));
  }

  private finalise(voucher: Voucher, at: string, guard: { condition: string }): TransactItem {
    const fields = Object.entries(voucher).filter(
      ([name, value]) =>
        value !== undefined &&
        !['id', 'lines', 'orgId', 'shelterId', 'code', 'issuedAt', 'issuedBy'].includes(name),
    );
    const names: Record<string, string> = { '#status': 'status' };
    const values: Record<string, unknown> = {
      ':issued': 'issued',
      ...(guard.condition.includes(':at') ? { ':at': at } : {}),
    };
    const sets = fields.map(([name, value], i) => {
      names[`#f${i}`] = name;
      values[`:f${i}`] = value;
      return `#f${i} = :f${i}`;
    });
    return {
      Update: {
        TableName: this.table.tableName,
        Key: voucherKey(voucher.id),
        // Leaving `issued` also leaves the sweeper's index.
        UpdateExpression: `SET ${sets.join(', ')} REMOVE gsi2pk, gsi2sk`,
        ConditionExpression: guard.condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  }

  private purgeBeneficiaryLater(voucherId: string, at: string): TransactItem {
    return {
      Update: {
        TableName: this.table.tableName,
        Key: voucherBeneficiaryKey(voucherId),
        UpdateExpression: 'SET #ttl = :purgeAt',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':purgeAt': Math.floor(Date.parse(at) / 1000) + this.retentionSeconds },
      },
    };
  }

  private stockUpdate(
    shelterId: string,
    itemId: string,
    change: {
      set?: Record<string, string>;
      add: Record<string, number>;
      condition: string;
      quantity: number;
      at: string;
    },
  ): TransactItem {
    const values: Record<string, unknown> = { ':quantity': change.quantity, ':one': 1, ':at': change.at };
    const adds = Object.entries(change.add).map(([name, delta]) => {
      values[`:${name}Delta`] = delta;
      return `${name} :${name}Delta`;
    });
    const sets = [
      'updatedAt = :at',
      ...Object.entries(change.set ?? {}).map(([name, value]) => {
        values[`:${name}`] = value;
        return `${name} = :${name}`;
      }),
    ];
    return {
      Update: {
        TableName: this.table.tableName,
        Key: stockKey(shelterId, itemId),
        UpdateExpression: `SET ${sets.join(', ')} ADD ${[...adds, 'version :one'].join(', ')}`,
        ConditionExpression: change.condition,
        ExpressionAttributeValues: values,
      },
    };
  }

  private transact(
    items: TransactItem[],
    shelterId: string,
    firstStockIndex: number,
    lines: Voucher['lines'],
    partOf: (index: number) => VoucherWriteRejected['part'],
  ): Promise<void> {
    return runVoucherTransaction(
      this.table,
      items,
      { shelterId, lines, firstStockIndex, partOf },
      this.readBalances,
    );
  }
}
