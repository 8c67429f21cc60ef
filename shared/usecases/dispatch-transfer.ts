import { ulid } from 'ulid';
import type { Principal } from '../domain/api-key.js';
import { personField } from '../domain/attribution.js';
import type { Idempotent } from '../domain/idempotency.js';
import { newMovementId } from '../domain/movement.js';
import type { DispatchTransferInput, InTransitTransfer } from '../domain/transfer.js';
import type { Stores } from '../store/stores.js';
import { categoriesOf, checkStockChange, loadShelter } from './stock-context.js';

export type DispatchInput = DispatchTransferInput & Idempotent;

export type TransferDeps = {
  stores: Pick<Stores, 'shelters' | 'items' | 'stock' | 'transfers'>;
  now: () => Date;
};

/**
 * Stock leaves the sending shelter at once (it is on a truck, not on a shelf), in the same
 * transaction that records the transfer as in transit. Reserved stock stays: it is promised.
 * The vehicle and the driver's note ride on the transfer (its waybill prints them) for staff.
 */
export async function dispatchTransfer(
  input: DispatchInput,
  actor: Principal,
  deps: TransferDeps,
): Promise<InTransitTransfer> {
  const catalogue = await checkStockChange(actor, input.fromShelterId, input.lines, deps.stores);
  await loadShelter(deps.stores.shelters, input.toShelterId);
  const at = deps.now().toISOString();
  const note = input.note === undefined ? {} : { note: input.note };
  const transfer: InTransitTransfer = {
    id: `tr-${ulid(Date.parse(at)).toLowerCase()}`,
    fromShelterId: input.fromShelterId,
    toShelterId: input.toShelterId,
    status: 'in_transit',
    lines: input.lines,
    ...note,
    // For the waybill and the receiving lead; never copied into the ledger or an event.
    ...(input.vehicle === undefined ? {} : { vehicle: input.vehicle }),
    ...(input.driverNote === undefined ? {} : { driverNote: input.driverNote }),
    dispatchedAt: at,
    dispatchedBy: actor.keyId,
    ...personField('dispatchedByPersonId', actor),
    dispatchMovementId: newMovementId(at),
  };
  await deps.stores.stock.dispatchTransfer(
    transfer,
    {
      movement: {
        id: transfer.dispatchMovementId,
        shelterId: transfer.fromShelterId,
        type: 'transfer_out',
        transferId: transfer.id,
        ...note,
        actorKeyId: actor.keyId,
        ...personField('actorPersonId', actor),
        orgId: actor.orgId,
        at,
      },
      lines: input.lines.map((line) => ({ itemId: line.itemId, quantity: -line.quantity })),
      categories: categoriesOf(catalogue),
    },
    { idempotency: input.idempotency, response: transfer },
  );
  return transfer;
}
