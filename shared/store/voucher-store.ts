import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from '@hono/zod-openapi';
import type { Reply } from '../domain/idempotency.js';
import type { Movement } from '../domain/movement.js';
import {
  type BeneficiaryRecord,
  type ExpiredVoucher,
  type IssuedVoucher,
  issuedVoucherSchema,
  type RedeemedVoucher,
  type VoidedVoucher,
  type Voucher,
  voucherSchema,
} from '../domain/voucher.js';
import type { FinalVoucher } from '../domain/voucher-lifecycle.js';
import { DuplicateRecordError } from '../errors/record-errors.js';
import { VoucherStateChangedError } from '../errors/voucher-errors.js';
import { batchGet } from './batch-get.js';
import { completionWrites } from './idempotency-store.js';
import {
  issuedAtShelterKey,
  UNSPLIT_ISSUED_VOUCHERS,
  voucherCodeKey,
  voucherKey,
  voucherListKey,
} from './keys.js';
import { type LedgerWrite, ledgerWrite } from './movement-store.js';
import type { Page } from './pagination.js';
import { parseRecord } from './parse-record.js';
import { queryPage } from './query-page.js';
import { type ReservationChange, reservationWrite } from './stock-balance-writes.js';
import { callDynamo, isConditionFailure } from './store-errors.js';
import type { TableContext } from './table-context.js';
import { sendTransaction, type TransactItem, type TransactionWrite } from './transaction.js';
import { type VoucherListFilter, voucherListFilter } from './voucher-list-filter.js';
import { explainVoucherRefusal, type VoucherWrite } from './voucher-refusals.js';
import {
  beneficiaryWrite,
  voucherCodeWrite,
  voucherFinalWrite,
  voucherIssueWrite,
} from './voucher-writes.js';

export type { VoucherListFilter } from './voucher-list-filter.js';

/** What else a redemption's transaction must hold to (offline pools and sync, issue 11). */
export interface RedemptionGuards {
  /**
   * No device but one of this key holds the voucher at `now` (server time), as the voucher
   * record's copy of its lease says; refused, it is VoucherStateChangedError like any other change.
   */
  notHeldByOthers?: { keyId: string; now: string };
  /** The synced-record answer of the offline record this redemption commits. */
  syncRecord?: { id: string; write: TransactItem };
}

/** A short code's record: which voucher it names. */
const codeRecordSchema = z.object({ voucherId: z.string() });

/**
 * Vouchers and their reservations. Each write is one transaction of the voucher's records, one
 * balance line per voucher line (reservation writes: see stock-balance-writes.ts), and the
 * completed Idempotency-Key record; every refusal comes back as a domain error.
 */
export class VoucherStore {
  constructor(private readonly table: TableContext) {}

  /**
   * Writes an issued voucher and reserves its lines. Refused with InsufficientStockError (each
   * short item), VoucherCodeTakenError (draw another code), DuplicateRecordError or
   * IdempotencyClaimLostError; then nothing was written.
   */
  async issue(
    voucher: IssuedVoucher,
    beneficiary: BeneficiaryRecord,
    categories: ReadonlyMap<string, string>,
    reply: Reply<unknown>,
  ): Promise<void> {
    const writes: Array<TransactionWrite<VoucherWrite>> = [
      { purpose: { of: 'voucher' }, item: voucherIssueWrite(this.table, voucher) },
      { purpose: { of: 'code' }, item: voucherCodeWrite(this.table, voucher) },
      { purpose: { of: 'beneficiary' }, item: beneficiaryWrite(this.table, beneficiary) },
      ...this.balanceLines(voucher, 'reserve', voucher.issuedAt, categories),
      ...completionWrites(this.table, reply.idempotency, reply.response),
    ];
    await this.transact(voucher, writes, async () => new DuplicateRecordError('Voucher', voucher.id));
  }

  /**
   * issued -> redeemed, stock out, one distribution entry in the ledger: one transaction or
   * nothing. A voucher no longer issued (or outside its validity) is VoucherStateChangedError
   * carrying the voucher as it is now; stock not on the shelf is InsufficientStockError.
   */
  async redeem(
    redeemed: RedeemedVoucher,
    movement: Movement,
    reply: Reply<unknown>,
    guards: RedemptionGuards = {},
  ): Promise<void> {
    const extra: Array<TransactionWrite<VoucherWrite>> = [ledgerWrite(this.table, movement)];
    // An offline record's answer, written once (refused: SyncRecordCommittedError).
    if (guards.syncRecord !== undefined)
      extra.push({ purpose: { of: 'sync-record', id: guards.syncRecord.id }, item: guards.syncRecord.write });
    await this.finalise(redeemed, 'hand-over', redeemed.redeemedAt, reply, extra, guards.notHeldByOthers);
  }

  /** issued -> void: the reservation goes back to available stock. */
  async void(voided: VoidedVoucher, reply: Reply<unknown>): Promise<void> {
    await this.finalise(voided, 'release', voided.voidedAt, reply, []);
  }

  /** issued -> expired (the sweeper): the reservation goes back to available stock. */
  async expire(expired: ExpiredVoucher): Promise<void> {
    await this.finalise(expired, 'release', expired.expiredAt, { response: undefined }, []);
  }

  private async finalise(
    final: FinalVoucher,
    change: ReservationChange,
    at: string,
    reply: Reply<unknown>,
    ledger: Array<TransactionWrite<LedgerWrite | VoucherWrite>>,
    notHeldByOthers?: RedemptionGuards['notHeldByOthers'],
  ): Promise<void> {
    const writes: Array<TransactionWrite<VoucherWrite>> = [
      // The beneficiary record's TTL is not in here: the dispatcher sets it from this change's
      // stream record (schedulePurge), and reads treat it as gone from `at` + retention anyway.
      { purpose: { of: 'voucher' }, item: voucherFinalWrite(this.table, final, at, notHeldByOthers) },
      ...this.balanceLines(final, change, at),
      ...ledger,
      ...completionWrites(this.table, reply.idempotency, reply.response),
    ];
    await this.transact(
      final,
      writes,
      async () => new VoucherStateChangedError(final.id, await this.get(final.id)),
    );
  }

  private balanceLines(
    voucher: Voucher,
    change: ReservationChange,
    at: string,
    categories?: ReadonlyMap<string, string>,
  ): Array<TransactionWrite<VoucherWrite>> {
    return voucher.lines.map((line) => ({
      purpose: { of: 'reservation', line },
      item: reservationWrite(
        this.table,
        voucher.shelterId,
        line,
        change,
        at,
        categories === undefined ? undefined : (categories.get(line.itemId) ?? ''),
      ),
    }));
  }

  /** Sends a voucher transaction; a refusal comes back as the domain error it means. */
  private async transact(
    voucher: Voucher,
    writes: Array<TransactionWrite<VoucherWrite>>,
    voucherRefused: () => Promise<Error>,
  ): Promise<void> {
    const result = await sendTransaction(this.table, writes);
    if (result.outcome === 'refused')
      throw await explainVoucherRefusal(this.table, voucher.shelterId, result.refused, voucherRefused);
  }

  async get(voucherId: string): Promise<Voucher | undefined> {
    const result = await callDynamo(() =>
      this.table.doc.send(
        new GetCommand({ TableName: this.table.tableName, Key: voucherKey(voucherId), ConsistentRead: true }),
      ),
    );
    return result.Item === undefined ? undefined : parseRecord(voucherSchema, result.Item);
  }

  /** Many vouchers by id, in batch reads; missing ones are absent from the map. */
  async getMany(voucherIds: readonly string[]): Promise<Map<string, Voucher>> {
    const items = await batchGet(this.table, voucherIds.map(voucherKey), { consistent: true });
    return new Map(
      items.map((item) => parseRecord(voucherSchema, item)).map((voucher) => [voucher.id, voucher]),
    );
  }

  /** Every voucher still issued at a shelter, in pages of 1,000 (the offline pack's source). */
  async allIssuedAtShelter(shelterId: string): Promise<IssuedVoucher[]> {
    const vouchers: IssuedVoucher[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.listIssuedAtShelter(shelterId, 1000, cursor);
      vouchers.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return vouchers;
  }

  async idForCode(code: string): Promise<string | undefined> {
    const result = await callDynamo(() =>
      this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: voucherCodeKey(code) })),
    );
    return result.Item === undefined ? undefined : parseRecord(codeRecordSchema, result.Item).voucherId;
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
    return queryPage(
      this.table,
      {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
        ...(filters.expression === undefined ? {} : { FilterExpression: filters.expression }),
        ...(filters.names === undefined ? {} : { ExpressionAttributeNames: filters.names }),
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: limit,
      },
      { partition: { gsi1pk: partition }, cursor, read: (item) => parseRecord(voucherSchema, item) },
    );
  }

  /** A shelter's issued vouchers whose validity ended before `now`, oldest first (the sweeper's work list). */
  listPastValidity(shelterId: string, now: Date, limit: number): Promise<IssuedVoucher[]> {
    return this.pastValidity(issuedAtShelterKey(shelterId), now, limit);
  }

  /**
   * Moves up to `limit` vouchers issued before gsi2 was split by shelter (one partition for all)
   * into their shelter's partition, where packs, count warnings and the sweeper find them.
   * Returns how many moved: 0 once none is left (or the index still shows only moved ones).
   */
  async moveUnsplitIssued(limit: number): Promise<number> {
    const page = await callDynamo(() =>
      this.table.doc.send(
        new QueryCommand({
          TableName: this.table.tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :unsplit',
          ExpressionAttributeValues: { ':unsplit': UNSPLIT_ISSUED_VOUCHERS },
          Limit: limit,
        }),
      ),
    );
    let moved = 0;
    for (const item of page.Items ?? []) {
      const voucher = parseRecord(issuedVoucherSchema, item);
      try {
        await callDynamo(() =>
          this.table.doc.send(
            new UpdateCommand({
              TableName: this.table.tableName,
              Key: voucherKey(voucher.id),
              UpdateExpression: 'SET gsi2pk = :shelter REMOVE gsi3pk, gsi3sk',
              // Only a voucher still in the old partition (the index is read eventually consistent).
              ConditionExpression: 'gsi2pk = :unsplit',
              ExpressionAttributeValues: {
                ':shelter': issuedAtShelterKey(voucher.shelterId),
                ':unsplit': UNSPLIT_ISSUED_VOUCHERS,
              },
            }),
          ),
        );
        moved++;
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
      }
    }
    return moved;
  }

  private async pastValidity(partition: string, now: Date, limit: number): Promise<IssuedVoucher[]> {
    const result = await callDynamo(() =>
      this.table.doc.send(
        new QueryCommand({
          TableName: this.table.tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :issued AND gsi2sk < :now',
          ExpressionAttributeValues: { ':issued': partition, ':now': now.toISOString() },
          Limit: limit,
        }),
      ),
    );
    return (result.Items ?? []).map((item) => parseRecord(issuedVoucherSchema, item));
  }

  /**
   * A shelter's vouchers still issued (they hold its reserved stock), the latest to end first:
   * those are the ones a count that finds less than was reserved names as unbacked.
   */
  listIssuedAtShelter(shelterId: string, limit: number, cursor?: string): Promise<Page<IssuedVoucher>> {
    const partition = issuedAtShelterKey(shelterId);
    return queryPage(
      this.table,
      {
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        ScanIndexForward: false,
        Limit: limit,
      },
      { partition: { gsi2pk: partition }, cursor, read: (item) => parseRecord(issuedVoucherSchema, item) },
    );
  }
}
