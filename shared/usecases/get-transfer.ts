import { type Principal, scopeAllows } from '../domain/api-key.js';
import type { Transfer } from '../domain/transfer.js';
import { NotFoundError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';

/** One transfer, visible to a key that reaches either end of it; to any other it does not exist. */
export async function getTransfer(
  input: { transferId: string },
  viewer: Principal,
  deps: { stores: Pick<Stores, 'transfers'> },
): Promise<Transfer> {
  const transfer = await deps.stores.transfers.get(input.transferId);
  const visible =
    transfer !== undefined &&
    (viewer.role === 'admin' ||
      scopeAllows(viewer.scope.shelterIds, transfer.fromShelterId) ||
      scopeAllows(viewer.scope.shelterIds, transfer.toShelterId));
  if (!visible) throw new NotFoundError('Transfer', input.transferId);
  return transfer;
}
