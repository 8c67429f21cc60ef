import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { addQuantities } from '../domain/quantity.js';
import { type Round, roundSchema } from '../domain/round.js';
import { type HouseholdClaim, householdClaimSchema, MAX_GROUP } from '../domain/round-households.js';
import { type Reconciliation, reconciliationSchema } from '../domain/round-report.js';
import {
  type BeneficiaryRecord,
  type IssuedVoucher,
  type Voucher,
  voucherSchema,
} from '../domain/voucher.js';
import { ConflictError } from '../errors/app-errors.js';
import { DuplicateRecordError } from '../errors/record-errors.js';
import { HouseholdClaimedError, RoundChangedError } from '../errors/round-errors.js';
import { batchGet } from './batch-get.js';
import { conditionalPut } from './conditional-put.js';
import {
  HOUSEHOLD_CLAIM_PREFIX,
  householdClaimKey,
  householdRoundsKey,
  roundKey,
  roundListKey,
  roundPartition,
  roundReportKey,
  voucherKey,
} from './keys.js';
import type { Page } from './pagination.js';
import { parseRecord } from './parse-record.js';
import { queryAll } from './query-all.js';
import { queryPage } from './query-page.js';
import { reservationWrite } from './stock-balance-writes.js';
import { callDynamo, isConditionFailure } from './store-errors.js';
import type { TableContext } from './table-context.js';
import { sendTransaction, type TransactionWrite } from './transaction.js';
import { explainVoucherRefusal, type VoucherWrite } from './voucher-refusals.js';
import { beneficiaryWrite, voucherCodeWrite, voucherIssueWrite } from './voucher-writes.js';

export interface RoundListFilter {
  status?: string | undefined;
  shelterId?: string | undefined;
  orgId?: string | undefined;
}

type HouseholdWrite = VoucherWrite | { of: 'claim' };

/**
 * Rounds, their household claims and their frozen reports. A round record is replaced whole under
 * "its version is the one I read" (rounds change rarely, by people: a lost race is a 409 to retry).
 */
export class RoundStore {
  constructor(private readonly table: TableContext) {}

  async create(round: Round): Promise<void> {
    const outcome = await conditionalPut(this.table, {
      item: {
        ...roundKey(round.id),
        gsi1pk: roundListKey(),
        gsi1sk: `${round.createdAt}#${round.id}`,
        ...round,
      },
      // Ids may be chosen by people: a second create with the same id is a mistake to report.
      condition: 'attribute_not_exists(pk)',
    });
    if (!outcome.written) throw new ConflictError(`Round "${round.id}" already exists.`, { id: round.id });
  }

  async get(roundId: string): Promise<Round | undefined> {
    const result = await callDynamo(() =>
      this.table.doc.send(
        new GetCommand({ TableName: this.table.tableName, Key: roundKey(roundId), ConsistentRead: true }),
      ),
    );
    return result.Item === undefined ? undefined : parseRecord(roundSchema, result.Item);
  }

  /** Replaces the round by `next` if it is still at `seenVersion`; otherwise RoundChangedError. */
  async replace(next: Round, seenVersion: number): Promise<void> {
    try {
      await callDynamo(() =>
        this.table.doc.send(
          new PutCommand({
            TableName: this.table.tableName,
            Item: {
              ...roundKey(next.id),
              gsi1pk: roundListKey(),
              gsi1sk: `${next.createdAt}#${next.id}`,
              ...next,
            },
            // Every decision on a round (patch, open, the two halves of closing) was taken on one version.
            ConditionExpression: 'version = :seen',
            ExpressionAttributeValues: { ':seen': seenVersion },
          }),
        ),
      );
    } catch (err) {
      if (isConditionFailure(err)) throw new RoundChangedError(next.id);
      throw err;
    }
  }

  /** Newest first; status, shelter and organisation are filters on the page. */
  list(filter: RoundListFilter, limit: number, cursor?: string): Promise<Page<Round>> {
    const partition = roundListKey();
    const conditions: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':pk': partition };
    if (filter.status !== undefined) {
      conditions.push('#status = :status');
      names['#status'] = 'status';
      values[':status'] = filter.status;
    }
    if (filter.shelterId !== undefined) {
      conditions.push('contains(shelterIds, :shelterId)');
      values[':shelterId'] = filter.shelterId;
    }
    if (filter.orgId !== undefined) {
      conditions.push('contains(orgIds, :orgId)');
      values[':orgId'] = filter.orgId;
    }
    return queryPage(
      this.table,
      {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ...(conditions.length === 0 ? {} : { FilterExpression: conditions.join(' AND ') }),
        ...(Object.keys(names).length === 0 ? {} : { ExpressionAttributeNames: names }),
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: limit,
      },
      { partition: { gsi1pk: partition }, cursor, read: (item) => parseRecord(roundSchema, item) },
    );
  }

  /** The claims these pseudonyms hold in the round, by pseudonym (batch reads of 100). */
  async claims(roundId: string, hashes: readonly string[]): Promise<Map<string, HouseholdClaim>> {
    const items = await batchGet(
      this.table,
      hashes.map((hash) => householdClaimKey(roundId, hash)),
      { consistent: true },
    );
    const claims = items.map((item) => parseRecord(householdClaimSchema, item));
    return new Map(claims.map((claim) => [claim.beneficiaryHash, claim]));
  }

  /** Every household claim of the round, in pages of 1 MB. */
  async allClaims(roundId: string): Promise<HouseholdClaim[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': roundPartition(roundId), ':prefix': HOUSEHOLD_CLAIM_PREFIX },
      ConsistentRead: true,
    });
    return items.map((item) => parseRecord(householdClaimSchema, item));
  }

  /** The vouchers of the round's claims, in batch reads of 100 (strongly consistent). */
  async vouchersOf(claims: readonly HouseholdClaim[]): Promise<Voucher[]> {
    const items = await batchGet(
      this.table,
      claims.map((claim) => voucherKey(claim.voucherId)),
      { consistent: true },
    );
    return items.map((item) => parseRecord(voucherSchema, item));
  }

  /** One household's claims in every round, newest first (at most `limit`). */
  async claimsOfHousehold(beneficiaryHash: string, limit = 20): Promise<HouseholdClaim[]> {
    const result = await callDynamo(() =>
      this.table.doc.send(
        new QueryCommand({
          TableName: this.table.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': householdRoundsKey(beneficiaryHash) },
          ScanIndexForward: false,
          Limit: limit,
        }),
      ),
    );
    return (result.Items ?? []).map((item) => parseRecord(householdClaimSchema, item));
  }

  /**
   * Issues one household's voucher in the round: the voucher, its code, its beneficiary record, a
   * reservation per line and the household's claim, in one transaction. Refused with
   * HouseholdClaimedError (the claim that is there), InsufficientStockError (each short item),
   * VoucherCodeTakenError (draw another code) or DuplicateRecordError; then nothing was written.
   */
  async issueHousehold(
    voucher: IssuedVoucher,
    beneficiary: BeneficiaryRecord,
    claim: HouseholdClaim,
    categories: ReadonlyMap<string, string>,
  ): Promise<void> {
    const writes: Array<TransactionWrite<HouseholdWrite>> = [
      { purpose: { of: 'voucher' }, item: voucherIssueWrite(this.table, voucher) },
      { purpose: { of: 'code' }, item: voucherCodeWrite(this.table, voucher) },
      { purpose: { of: 'beneficiary' }, item: beneficiaryWrite(this.table, beneficiary) },
      ...voucher.lines.map((line) => ({
        purpose: { of: 'reservation' as const, line },
        item: reservationWrite(
          this.table,
          voucher.shelterId,
          line,
          'reserve',
          voucher.issuedAt,
          categories.get(line.itemId) ?? '',
        ),
      })),
      { purpose: { of: 'claim' }, item: this.claimWrite(claim) },
    ];
    const result = await sendTransaction(this.table, writes);
    if (result.outcome === 'committed') return;
    if (result.refused.some((purpose) => purpose.of === 'claim')) {
      throw new HouseholdClaimedError(
        (await this.claims(claim.roundId, [claim.beneficiaryHash])).get(claim.beneficiaryHash),
      );
    }
    throw await explainVoucherRefusal(
      this.table,
      voucher.shelterId,
      result.refused.filter((purpose): purpose is VoucherWrite => purpose.of !== 'claim'),
      async () => new DuplicateRecordError('Voucher', voucher.id),
    );
  }

  /**
   * Issues several households of one shelter in one transaction: each one's voucher, code,
   * beneficiary record and claim, and one reservation per item for their sum (a transaction
   * holds at most 100 items: see MAX_GROUP). All or nothing: `refused` when any condition
   * fails (a claim taken, stock short, a code taken), and then nothing was written; the caller
   * issues that group's households one by one to learn which.
   */
  async issueHouseholdGroup(
    group: ReadonlyArray<{ voucher: IssuedVoucher; beneficiary: BeneficiaryRecord; claim: HouseholdClaim }>,
    shelterId: string,
    categories: ReadonlyMap<string, string>,
  ): Promise<'committed' | 'refused'> {
    if (group.length > MAX_GROUP) throw new Error(`a household group holds at most ${MAX_GROUP}`);
    const totals = new Map<string, number>();
    for (const { voucher } of group) {
      for (const line of voucher.lines)
        totals.set(line.itemId, addQuantities(totals.get(line.itemId) ?? 0, line.quantity));
    }
    const at = group[0]?.voucher.issuedAt ?? new Date().toISOString();
    const writes: Array<TransactionWrite<'group'>> = [
      ...group.flatMap(({ voucher, beneficiary, claim }) => [
        { purpose: 'group' as const, item: voucherIssueWrite(this.table, voucher) },
        { purpose: 'group' as const, item: voucherCodeWrite(this.table, voucher) },
        { purpose: 'group' as const, item: beneficiaryWrite(this.table, beneficiary) },
        { purpose: 'group' as const, item: this.claimWrite(claim) },
      ]),
      ...[...totals].map(([itemId, quantity]) => ({
        purpose: 'group' as const,
        // Invariant 3 holds for the sum: reserved grows by exactly the group's lines, if available covers them.
        item: reservationWrite(
          this.table,
          shelterId,
          { itemId, quantity },
          'reserve',
          at,
          categories.get(itemId) ?? '',
        ),
      })),
    ];
    const result = await sendTransaction(this.table, writes);
    return result.outcome;
  }

  private claimWrite(claim: HouseholdClaim) {
    return {
      Put: {
        TableName: this.table.tableName,
        Item: {
          ...householdClaimKey(claim.roundId, claim.beneficiaryHash),
          gsi1pk: householdRoundsKey(claim.beneficiaryHash),
          gsi1sk: `${claim.issuedAt}#${claim.roundId}`,
          ...claim,
        },
        // One voucher per household per round, across every organisation sharing the round.
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** The report frozen when the round closed; written once. */
  async saveReport(report: Reconciliation): Promise<void> {
    await callDynamo(() =>
      this.table.doc.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...roundReportKey(report.roundId), ...report },
        }),
      ),
    );
  }

  async report(roundId: string): Promise<Reconciliation | undefined> {
    const result = await callDynamo(() =>
      this.table.doc.send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: roundReportKey(roundId),
          ConsistentRead: true,
        }),
      ),
    );
    return result.Item === undefined ? undefined : parseRecord(reconciliationSchema, result.Item);
  }
}
