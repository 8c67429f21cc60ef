import type { Principal } from '../domain/api-key.js';
import { operationFingerprint } from '../domain/idempotency.js';
import type { IssueVoucherInput, VoucherView } from '../domain/voucher.js';
import { AppError } from '../errors/app-errors.js';
import { issueVoucher } from './issue-voucher.js';
import type { VoucherDeps } from './voucher-context.js';

export const MAX_BATCH = 500;

/** A row's answer: the voucher issued, or why not (field paths relative to the row). */
export type BatchRowResult = { index: number; voucher: VoucherView } | { index: number; error: AppError };

export interface BatchResult {
  issued: number;
  failed: number;
  results: BatchRowResult[];
}

export interface IssueBatchInput {
  vouchers: IssueVoucherInput[];
  /** The batch's Idempotency-Key: each row is claimed under its own key derived from it. */
  idempotency?: { apiKeyId: string; key: string } | undefined;
}

/** Rows run a few at a time: enough to finish 500 quickly, few enough not to starve other requests. */
const PARALLEL_ROWS = 8;

/**
 * A row's completion records the voucher as a single issue answers it (201): row keys are never
 * served over HTTP (their fingerprints are no request's), only replayed by the next batch.
 */
const ROW_ISSUED = 201;

/**
 * Issues up to 500 vouchers, each all-or-nothing on its own, with a result per row. With an
 * Idempotency-Key, each row gets its own derived key (`<key>#row<index>`), so a retry after a
 * crash re-issues only the rows that never committed and replays the rest.
 */
export async function issueVoucherBatch(
  input: IssueBatchInput,
  actor: Principal,
  deps: VoucherDeps,
): Promise<BatchResult> {
  const rows = input.vouchers;
  const results: BatchRowResult[] = new Array(rows.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < rows.length; index = next++) {
      results[index] = await issueRow(rows[index] as IssueVoucherInput, index, input, actor, deps);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_ROWS, rows.length) }, worker));
  const issued = results.filter((r) => 'voucher' in r).length;
  return { issued, failed: rows.length - issued, results };
}

async function issueRow(
  row: IssueVoucherInput,
  index: number,
  batch: IssueBatchInput,
  actor: Principal,
  deps: VoucherDeps,
): Promise<BatchRowResult> {
  try {
    if (batch.idempotency === undefined) return { index, voucher: await issueVoucher(row, actor, deps) };
    const claim = await deps.stores.idempotency.claim(
      batch.idempotency.apiKeyId,
      `${batch.idempotency.key}#row${index}`,
      operationFingerprint('issue-voucher-batch-row', row),
      deps.now(),
    );
    if (claim.kind === 'replay') return { index, voucher: JSON.parse(claim.response.body) as VoucherView };
    try {
      const idempotency = { claim: claim.claim, status: ROW_ISSUED };
      return { index, voucher: await issueVoucher({ ...row, idempotency }, actor, deps) };
    } catch (err) {
      await deps.stores.idempotency.release(claim.claim);
      throw err;
    }
  } catch (err) {
    // Only our own errors are a row's answer; anything unexpected fails the whole request (500/503).
    if (!(err instanceof AppError) || err.code === 'unavailable' || err.code === 'internal') throw err;
    return { index, error: err };
  }
}
