import type { VoucherStatus } from '../domain/voucher.js';
import { memberOf } from './filter-expressions.js';

export interface VoucherListFilter {
  status?: VoucherStatus | undefined;
  shelterId?: string | undefined;
  /** A scoped key's shelters: only their vouchers are listed. */
  shelterIds?: readonly string[] | undefined;
  issuedFrom?: string | undefined;
  issuedTo?: string | undefined;
}

/**
 * The filter part of the voucher listing. Status is read as every reader sees it: an `issued`
 * voucher past its validity counts as expired even before the sweeper has recorded it.
 */
export function voucherListFilter(
  filter: VoucherListFilter,
  now: Date,
  values: Record<string, unknown>,
): { expression?: string; names?: Record<string, string> } {
  const parts: string[] = [];
  if (filter.shelterIds !== undefined) parts.push(memberOf('shelterId', filter.shelterIds, values));
  if (filter.shelterId !== undefined) {
    parts.push('shelterId = :shelterId');
    values[':shelterId'] = filter.shelterId;
  }
  if (filter.status === 'issued' || filter.status === 'expired') {
    values[':now'] = now.toISOString();
    values[':issued'] = 'issued';
  }
  if (filter.status === 'issued') parts.push('#status = :issued AND validUntil > :now');
  else if (filter.status === 'expired') {
    values[':expired'] = 'expired';
    parts.push('(#status = :expired OR (#status = :issued AND validUntil <= :now))');
  } else if (filter.status !== undefined) {
    values[':status'] = filter.status;
    parts.push('#status = :status');
  }
  return {
    ...(parts.length === 0 ? {} : { expression: parts.join(' AND ') }),
    ...(filter.status === undefined ? {} : { names: { '#status': 'status' } }),
  };
}
