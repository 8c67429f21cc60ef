import type { VoucherView } from '../domain/voucher.js';
import { type AppError, ValidationError } from '../errors/app-errors.js';
import { buildProblem, type Problem } from '../errors/problem-details.js';

/** One row of a batch as issueVoucherBatch answers it: the voucher, or why not, in domain terms. */
export type BatchRowOutcome = { index: number; voucher: VoucherView } | { index: number; error: AppError };

/** The same row as POST /v1/vouchers/batch answers it: the status a single issue would have had. */
export type BatchRowAnswer =
  | { index: number; status: 201; voucher: VoucherView }
  | { index: number; status: number; problem: Problem };

export interface BatchAnswer {
  issued: number;
  failed: number;
  results: BatchRowAnswer[];
}

/**
 * A failed row becomes the RFC 9457 problem a single POST /v1/vouchers would have answered, with
 * its fields located in the batch body (`lines.0.itemId` of row 3 is `body.vouchers.3.lines.0.itemId`)
 * and the request's id.
 */
export function batchRowAnswer(row: BatchRowOutcome, requestId: string): BatchRowAnswer {
  if ('voucher' in row) return { index: row.index, status: 201, voucher: row.voucher };
  const error = row.error;
  const located = error instanceof ValidationError ? error.locatedAt(`body.vouchers.${row.index}`) : error;
  const problem = buildProblem(located.code, located.message, requestId, located.extra);
  return { index: row.index, status: problem.status, problem };
}

export function batchAnswer(
  result: { issued: number; failed: number; results: BatchRowOutcome[] },
  requestId: string,
): BatchAnswer {
  return {
    issued: result.issued,
    failed: result.failed,
    results: result.results.map((row) => batchRowAnswer(row, requestId)),
  };
}
