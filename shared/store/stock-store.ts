import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ComputedReply, Reply } from '../domain/idempotency.js';
import type { Movement } from '../domain/movement.js';
import { type StockBalance, stockBalanceSchema } from '../domain/stock.js';
import { applyStockChanges, type PlannedLine, type StockFloor } from '../domain/stock-change.js';
import type { InTransitTransfer, ReceivedTransfer } from '../domain/transfer.js';
import { ConflictError, StoreUnavailableError } from '../errors/app-errors.js';
import { IdempotencyClaimLostError } from '../errors/idempotency-errors.js';
import { DuplicateRecordError } from '../errors/record-errors.js';
import { InsufficientStockError } from '../errors/stock-errors.js';
import { TransferAlreadyReceivedError } from '../errors/transfer-errors.js';
import { backoffDelay, sleep } from './backoff.js';
import { memberOf } from './filter-expressions.js';
import { type CompletionWrite, completionWrites } from './idempotency-store.js';
import { type InTransitWrite, inTransitDelete, inTransitPut } from './in-transit-store.js';
import { STOCK_PARTITION, stockShelterPrefix } from './keys.js';
import { type LedgerWrite, ledgerWrite } from './movement-store.js';
import type { Page } from './pagination.js';
import { parseRecord } from './parse-record.js';
import { queryPage } from './query-page.js';
import { readBalances } from './stock-balance-reads.js';
import { type ThresholdChange, thresholdWrite, versionedWrite } from './stock-balance-writes.js';
import { callDynamo } from './store-errors.js';
import type { TableContext } from './table-context.js';
import { attemptTransaction, type TransactItem, type TransactionWrite } from './transaction.js';
import {
  TransferStore,
  type TransferWrite,
  transferDispatchWrite,
  transferReceiptWrite,
} from './transfer-store.js';

/** A change to one shelter's stock, as the use case decides it. */
export interface StockChange {
  /** The ledger entry but for its lines: the store computes them, with each balance after. */
  movement: Omit<Movement, 'lines'>;
  lines: readonly PlannedLine[];
  /** Category per item, stored on balances so stock can be filtered by category. */
  categories: ReadonlyMap<string, string>;
}

/** What a stock change committed: its ledger entry (entries, when it wrote several) and the balances it left. */
export interface RecordedMovement {
  movement: Movement;
  /** Every ledger entry written, `movement` first. */
  movements: Movement[];
  balances: StockBalance[];
}

type StockWrite =
  | { of: 'balance' }
  | { of: 'conflict'; conflictId: string }
  | LedgerWrite
  | TransferWrite
  | InTransitWrite
  | CompletionWrite;

const MAX_ATTEMPTS = 60;

/**
 * Stock balances and the ledger. Every change is one transaction: the new balances, guarded by the
 * version each was read at (so no concurrent change is overwritten), the ledger entry carrying
 * each line's balance after, what else the change records (a transfer), and the completed
 * Idempotency-Key record. A writer that loses a race reads again and retries with backoff.
 */
export class StockStore {
  private readonly transfers: TransferStore;

  constructor(private readonly table: TableContext) {
    this.transfers = new TransferStore(table);
  }

  /** A receipt, an adjustment or a count at one shelter: stock never goes below zero. */
  recordMovement<R>(change: StockChange, reply: ComputedReply<RecordedMovement, R>): Promise<R> {
    return this.commit([change], 'onHand', [], reply);
  }

  /**
   * A sync conflict resolved as "goods handed out": the duplicate-handover adjustment and the
   * conflict's resolution in one transaction, so stock moves once however often it is resolved.
   */
  resolveConflict<R>(
    change: StockChange,
    resolved: { conflictId: string; write: TransactItem },
    reply: ComputedReply<RecordedMovement, R>,
  ): Promise<R> {
    return this.commit(
      [change],
      'onHand',
      [{ purpose: { of: 'conflict', conflictId: resolved.conflictId }, item: resolved.write }],
      reply,
    );
  }

  /**
   * Stock leaves the sending shelter (only what vouchers have not reserved) in the transaction
   * that records the transfer as in transit and lists it on the road to its receiver. A transfer
   * id already taken is DuplicateRecordError.
   */
  async dispatchTransfer(transfer: InTransitTransfer, change: StockChange, reply: Reply<unknown>) {
    await this.commit(
      [change],
      'available',
      [transferDispatchWrite(this.table, transfer), inTransitPut(this.table, transfer)],
      {
        idempotency: reply.idempotency,
        respond: () => reply.response,
      },
    );
  }

  /**
   * Stock enters the receiving shelter in the transaction that marks the transfer received: what
   * was sent (`arrival`), then what differed (`discrepancy`, when a line did), two ledger entries
   * in one write. A transfer received meanwhile is TransferAlreadyReceivedError, with when.
   and takes it off the road (its in-transit
   * record, which the transfer plan reads, is deleted in the same write).
   */
  async receiveTransfer(
    received: ReceivedTransfer,
    changes: { arrival: StockChange; discrepancy?: StockChange | undefined },
    reply: Reply<unknown>,
  ) {
    const steps: [StockChange, ...StockChange[]] =
      changes.discrepancy === undefined ? [changes.arrival] : [changes.arrival, changes.discrepancy];
    await this.commit(
      steps,
      'onHand',
      [transferReceiptWrite(this.table, received), inTransitDelete(this.table, received)],
      {
        idempotency: reply.idempotency,
        respond: () => reply.response,
      },
    );
  }

  /** Changes of one shelter's stock, in order, each its own ledger entry, in one transaction. */
  private async commit<R>(
    changes: readonly [StockChange, ...StockChange[]],
    floor: StockFloor,
    records: Array<TransactionWrite<StockWrite>>,
    reply: ComputedReply<RecordedMovement, R>,
  ): Promise<R> {
    const shelterId = changes[0].movement.shelterId;
    const itemIds = [...new Set(changes.flatMap((change) => change.lines.map((line) => line.itemId)))];
    const categories = new Map(changes.flatMap((change) => [...change.categories]));
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await readBalances(this.table, shelterId, itemIds, categories);
      const applied = applyStockChanges(
        current,
        changes.map((change) => change.lines),
        floor,
        changes[0].movement.at,
      );
      if (applied.short.length > 0) throw new InsufficientStockError(shelterId, applied.short);
      const movements: Movement[] = changes.map((change, i) => ({
        ...change.movement,
        lines: applied.lines[i] ?? [],
      }));
      const movement = movements[0] as Movement;
      const response = await reply.respond({ movement, movements, balances: applied.balances });
      const writes: Array<TransactionWrite<StockWrite>> = [
        ...applied.balances.map((after) => ({
          purpose: { of: 'balance' as const },
          item: versionedWrite(this.table, current.get(after.itemId) ?? after, after),
        })),
        ...movements.map((entry) => ledgerWrite(this.table, entry)),
        ...records,
        ...completionWrites(this.table, reply.idempotency, response),
      ];
      const result = await attemptTransaction(this.table, writes);
      if (result.outcome === 'committed') return response;
      if (result.outcome === 'refused') {
        const refusal = await this.explain(result.refused);
        if (refusal !== undefined) throw refusal;
      }
      // A balance changed since we read it, another transaction held an item, or we were
      // throttled: nothing was written. Read again and plan anew.
      await sleep(backoffDelay(attempt));
    }
    throw new StoreUnavailableError('Too many simultaneous changes to this stock; retry shortly.', 1);
  }

  /** The domain error a refused write means, or nothing when a balance moved (then: re-plan). */
  private async explain(refused: StockWrite[]): Promise<Error | undefined> {
    for (const purpose of refused) {
      if (purpose.of === 'conflict')
        return new ConflictError(`Conflict "${purpose.conflictId}" is already resolved.`);
      if (purpose.of !== 'transfer') continue;
      if (purpose.step === 'dispatch') return new DuplicateRecordError('Transfer', purpose.transferId);
      // Only an in-transit transfer can be received: this one was received meanwhile.
      const transfer = await this.transfers.get(purpose.transferId);
      return new TransferAlreadyReceivedError(
        purpose.transferId,
        transfer?.status === 'received' ? transfer.receivedAt : undefined,
      );
    }
    if (refused.some((purpose) => purpose.of === 'idempotency-completion'))
      return new IdempotencyClaimLostError();
    const ledger = refused.find((purpose) => purpose.of === 'ledger');
    if (ledger !== undefined) return new DuplicateRecordError('Ledger entry', ledger.movementId);
    return undefined;
  }

  /** Strongly consistent reads of a shelter's balances; items never stocked read as empty. */
  readBalances(
    shelterId: string,
    itemIds: readonly string[],
    categories?: ReadonlyMap<string, string>,
  ): Promise<Map<string, StockBalance>> {
    return readBalances(this.table, shelterId, itemIds, categories);
  }

  /** Sets (or clears) the low-stock threshold; creates an empty balance if never stocked there. */
  async setThreshold(change: ThresholdChange): Promise<StockBalance> {
    const result = await callDynamo(() =>
      this.table.doc.send(new UpdateCommand(thresholdWrite(this.table, change))),
    );
    return parseRecord(stockBalanceSchema, result.Attributes ?? {});
  }

  /**
   * Balances in key order: one shelter's (a key range) or every shelter's. A page is one Query,
   * however many shelters it spans: the cost grows with rows read, never with shelters.
   */
  async listBalances(
    filter: { shelterId?: string; itemId?: string; category?: string; shelterIds?: readonly string[] },
    limit: number,
    cursor?: string,
  ): Promise<Page<StockBalance> & { requests: number }> {
    const conditions: string[] = [];
    const values: Record<string, unknown> = { ':pk': STOCK_PARTITION };
    if (filter.itemId !== undefined) {
      conditions.push('itemId = :itemId');
      values[':itemId'] = filter.itemId;
    }
    if (filter.category !== undefined) {
      conditions.push('category = :category');
      values[':category'] = filter.category;
    }
    if (filter.shelterIds !== undefined) conditions.push(memberOf('shelterId', filter.shelterIds, values));
    let keyCondition = 'pk = :pk';
    if (filter.shelterId !== undefined) {
      keyCondition += ' AND begins_with(sk, :prefix)';
      values[':prefix'] = stockShelterPrefix(filter.shelterId);
    }
    const page = await queryPage(
      this.table,
      {
        KeyConditionExpression: keyCondition,
        ...(conditions.length === 0 ? {} : { FilterExpression: conditions.join(' AND ') }),
        ExpressionAttributeValues: values,
        Limit: limit,
      },
      { partition: { pk: STOCK_PARTITION }, cursor, read: (item) => parseRecord(stockBalanceSchema, item) },
    );
    return { ...page, requests: 1 };
  }
}
