import type { Principal } from '../domain/api-key.js';
import { personField } from '../domain/attribution.js';
import type { Round } from '../domain/round.js';
import { closeStep } from '../domain/round-close.js';
import { effectiveStatus, type IssuedVoucher } from '../domain/voucher.js';
import { ConflictError } from '../errors/app-errors.js';
import { VoucherStateChangedError } from '../errors/voucher-errors.js';
import { mapBounded } from './plan-households.js';
import { loadVisibleRound, type RoundDeps, requireRoundScope } from './round-context.js';
import { computeReconciliation } from './round-reconciliation.js';

/**
 * POST /v1/rounds/{id}/close, four eyes (see round-close.ts): the first key records the request;
 * a different key of the same organisation confirms (each key reaching every shelter of the
 * round, since closing voids vouchers at each), and then the round goes `closing` (no more
 * households), every voucher still issued is voided (past its validity: expired), releasing its
 * reservation, the reconciliation is computed and frozen, and the round is `closed`.
 */
export async function closeRound(
  input: { roundId: string },
  actor: Principal,
  deps: RoundDeps,
): Promise<Round> {
  const round = await loadVisibleRound(input.roundId, actor, deps);
  const step = closeStep(round, actor);
  // Asking and confirming are the decision to void every outstanding voucher of the round: each
  // key needs the round's shelters in its scope. Resuming finishes what two such keys decided.
  if (step.kind === 'request' || step.kind === 'confirm') requireRoundScope(round, actor);
  const now = deps.now().toISOString();
  switch (step.kind) {
    case 'refuse':
      throw new ConflictError(step.message);
    case 'request': {
      const next: Round = {
        ...round,
        closeRequest: {
          keyId: actor.keyId,
          ...personField('personId', actor),
          orgId: actor.orgId,
          at: now,
        },
        version: round.version + 1,
      };
      await deps.stores.rounds.replace(next, round.version);
      return next;
    }
    case 'confirm': {
      const closing: Round = {
        ...round,
        status: 'closing',
        closedBy: actor.keyId,
        ...personField('closedByPersonId', actor),
        version: round.version + 1,
      };
      await deps.stores.rounds.replace(closing, round.version);
      return finishClosing(closing, deps);
    }
    case 'resume':
      return finishClosing(round, deps);
  }
}

async function finishClosing(round: Round, deps: RoundDeps): Promise<Round> {
  const claims = await deps.stores.rounds.allClaims(round.id);
  const outstanding = (await deps.stores.rounds.vouchersOf(claims)).filter(
    (voucher): voucher is IssuedVoucher => voucher.status === 'issued',
  );
  await mapBounded(outstanding, (voucher) => release(voucher, round, deps));
  const closed: Round = {
    ...round,
    status: 'closed',
    closedAt: deps.now().toISOString(),
    version: round.version + 1,
  };
  const report = await computeReconciliation(closed, deps);
  await deps.stores.rounds.saveReport(report);
  await deps.stores.rounds.replace(closed, round.version);
  return closed;
}

/** Void (or, past its validity, expire) one outstanding voucher; one redeemed meanwhile stays redeemed. */
async function release(voucher: IssuedVoucher, round: Round, deps: RoundDeps): Promise<void> {
  const now = deps.now();
  try {
    if (effectiveStatus(voucher, now) === 'expired') {
      await deps.stores.vouchers.expire({ ...voucher, status: 'expired', expiredAt: now.toISOString() });
    } else {
      await deps.stores.vouchers.void(
        {
          ...voucher,
          status: 'void',
          voidedAt: now.toISOString(),
          voidedBy: round.closedBy ?? round.createdBy,
          ...(round.closedByPersonId === undefined ? {} : { voidedByPersonId: round.closedByPersonId }),
          voidReason: `round ${round.id} closed`,
        },
        { response: undefined },
      );
    }
  } catch (err) {
    if (!(err instanceof VoucherStateChangedError)) throw err;
  }
}
