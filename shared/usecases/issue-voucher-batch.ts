import type { Principal } from '../domain/api-key.js';
import { requestFingerprint } from '../domain/idempotency.js';
import type { IssueVoucherInput, VoucherView } from '../domain/voucher.js';
import { AppError, ValidationError } from '../errors/app-errors.js';
import { buildProblem, type Problem } from '../errors/problem-details.js';
import { issueVoucher } from './issue-voucher.js';
import type { VoucherDeps } from './voucher-context.js';

export const MAX_BATCH = 500;

export type BatchRowResult =
  | { index: number; status: 201; voucher: VoucherView }
  | { index: number; status: number; problem: Problem };

export interface BatchResult {
  issued: number;
  failed: number;
  results: BatchRowResult[];
}

/** Rows run a few at a time: enough to finish 500 quickly, few enough not to starve other requests. */
const PARALLEL_ROWS = 8;

/**
 * Issues up to 500 vouchers, each all-or-nothing on its own, with a result per row. With an
 * Idempotency-Key, each row gets its own derived key (`<key>#<row>`), so a retry after a crash
 * re-issues only the rows that never committed and replays the rest.
 */
export async function issueVoucherBatch(
  rows: IssueVoucherInput[],
  actor: Principal,
  deps: VoucherDeps,
  requestId: string,
  idempotencyKey?: string,
): Promise<BatchResult> {
  const results: BatchRowResult[] = new Array(rows.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < rows.length; index = next++) {
      results[index] = await issueRow(
        rows[index] as IssueVoucherInput,
        index,
        actor,
        deps,
        requestId,
        idempotencyKey,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_ROWS, rows.length) }, worker));
  const issued = results.filter((r) => r.status === 201).length;
  return { issued, failed: rows.length - issued, results };
}

async function issueRow(
  row: IssueVoucherInput,
  index: number,
  actor: Principal,
  deps: VoucherDeps,
  requestId: string,
  idempotencyKey: string | undefined,
): Promise<BatchRowResult> {
  try {
    if (idempotencyKey === undefined) {
      return {
        index,
        status: 201,
        voucher: await issueVoucher(row, actor, deps, undefined, `vouchers.${index}.lines`),
      };
    }
    const claim = await deps.stores.idempotency.claim(
      actor.keyId,
      `${idempotencyKey}#row${index}`,
      requestFingerprint('POST', '/v1/vouchers#row', JSON.stringify(row)),
      deps.now(),
    );
    if (claim.kind === 'replay')
      return { index, status: 201, voucher: JSON.parse(claim.response.body) as VoucherView };
    try {
      const voucher = await issueVoucher(
        row,
        actor,
        deps,
        { claim: claim.claim, status: 201 },
        `vouchers.${index}.lines`,
      );
      return { index, status: 201, voucher };
    } catch (err) {
      await deps.stores.idempotency.release(claim.claim);
      throw err;
    }
  } catch (err) {
    // Only our own errors are a row's answer; anything unexpected fails the whole request (500/503).
    if (!(err instanceof AppError) || err.code === 'unavailable' || err.code === 'internal') throw err;
    const located = err instanceof ValidationError ? err.locatedAt('body') : err;
    const problem = buildProblem(located.code, located.message, requestId, located.extra);
    return { index, status: problem.status, problem };
  }
}
