import { ulid } from 'ulid';
import type { Principal } from '../domain/api-key.js';
import type { Round } from '../domain/round.js';
import type {
  HouseholdClaim,
  HouseholdIssueResult,
  HouseholdResult,
  RawHousehold,
} from '../domain/round-households.js';
import { formatShortCode, newShortCode } from '../domain/short-code.js';
import type { IssuedVoucher } from '../domain/voucher.js';
import { ConflictError, ValidationError } from '../errors/app-errors.js';
import { HouseholdClaimedError } from '../errors/round-errors.js';
import { InsufficientStockError } from '../errors/stock-errors.js';
import { VoucherCodeTakenError } from '../errors/voucher-errors.js';
import { mapBounded, type PlannedHousehold, planHouseholds } from './plan-households.js';
import { checkRoundRules, loadVisibleRound, type RoundDeps } from './round-context.js';
import { categoriesOf } from './stock-context.js';

/**
 * Households issue a few at a time, each its own transaction: 16 in flight keep DynamoDB busy
 * without starving the other requests of the instance, and a failure refuses one row only.
 */
const PARALLEL_HOUSEHOLDS = 16;

/** The detail another organisation sees for a household it does not serve: nothing more. */
const ALREADY_IN_ROUND = 'This household already holds a voucher in this round.';

/**
 * Issues a voucher to every household of the list that may have one, computed from the round's
 * rules, each in its own transaction with the household's claim on the round. Rows are
 * idempotent: a household whose claim is this organisation's answers with the voucher it already
 * holds (`replayed`), so the same list sent again issues nothing twice. A claim of another
 * organisation answers only that the household already holds a voucher in this round.
 */
export async function issueRoundHouseholds(
  input: { roundId: string; rows: readonly RawHousehold[] },
  actor: Principal,
  deps: RoundDeps,
): Promise<HouseholdIssueResult> {
  const round = await loadVisibleRound(input.roundId, actor, deps);
  if (round.status !== 'open')
    throw new ConflictError(
      `Round "${round.id}" is ${round.status}: households are issued while it is open.`,
    );
  if (Date.parse(round.validUntil) <= deps.now().getTime())
    throw new ConflictError(`Round "${round.id}" ended at ${round.validUntil}: close it.`);
  if (input.rows.length === 0)
    throw new ValidationError('Send at least one household.', [{ field: 'households', message: 'empty' }]);
  const { catalogue } = await checkRoundRules(round.rules, deps);
  const categories = categoriesOf(catalogue);
  const plan = await planHouseholds(round, input.rows, catalogue, actor, deps);

  const replays = await mapBounded(plan.claimed, ({ row, claim }) => claimAnswer(row, claim, actor, deps));
  const issued = await mapBounded(
    plan.planned,
    (household) => issueOne(round, household, categories, actor, deps),
    PARALLEL_HOUSEHOLDS,
  );
  const results = [...plan.refused, ...replays, ...issued].sort((a, b) => a.row - b.row);
  return {
    roundId: round.id,
    issued: results.filter((r) => r.outcome === 'issued' && r.voucher?.replayed === false).length,
    replayed: results.filter((r) => r.voucher?.replayed === true).length,
    refused: results.filter((r) => r.outcome === 'refused').length,
    results,
  };
}

/** A household that already holds a claim: its own organisation's voucher again, or "already in round". */
async function claimAnswer(
  row: number,
  claim: HouseholdClaim | undefined,
  actor: Principal,
  deps: RoundDeps,
): Promise<HouseholdResult> {
  const voucher =
    claim !== undefined && claim.orgId === actor.orgId
      ? await deps.stores.vouchers.get(claim.voucherId)
      : undefined;
  if (voucher === undefined) {
    return {
      row,
      outcome: 'refused',
      problem: { reason: 'already-in-round', field: 'beneficiaryRef', detail: ALREADY_IN_ROUND },
    };
  }
  return {
    row,
    outcome: 'issued',
    voucher: {
      id: voucher.id,
      code: formatShortCode(voucher.code),
      shelterId: voucher.shelterId,
      lines: voucher.lines,
      rulesVersion: voucher.rulesVersion ?? 0,
      replayed: true,
    },
  };
}

async function issueOne(
  round: Round,
  household: PlannedHousehold,
  categories: ReadonlyMap<string, string>,
  actor: Principal,
  deps: RoundDeps,
): Promise<HouseholdResult> {
  const now = deps.now();
  const issuedAt = now.toISOString();
  const id = ulid(now.getTime());
  const claim: HouseholdClaim = {
    roundId: round.id,
    beneficiaryHash: household.beneficiaryHash,
    orgId: actor.orgId,
    voucherId: id,
    shelterId: household.shelterId,
    householdSize: household.household.householdSize,
    ...(household.household.language === undefined ? {} : { language: household.household.language }),
    issuedAt,
  };
  // A random 40-bit code can collide with an existing one; the transaction refuses it and we draw again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const voucher: IssuedVoucher = {
      id,
      code: newShortCode(),
      orgId: actor.orgId,
      shelterId: household.shelterId,
      lines: household.lines,
      status: 'issued',
      validFrom: round.validFrom,
      validUntil: round.validUntil,
      issuedAt,
      issuedBy: actor.keyId,
      roundId: round.id,
      rulesVersion: round.rulesVersion,
    };
    try {
      await deps.stores.rounds.issueHousehold(
        voucher,
        { voucherId: id, beneficiaryHash: household.beneficiaryHash, householdSize: claim.householdSize },
        claim,
        categories,
      );
      return {
        row: household.row,
        outcome: 'issued',
        voucher: {
          id,
          code: formatShortCode(voucher.code),
          shelterId: voucher.shelterId,
          lines: voucher.lines,
          rulesVersion: round.rulesVersion,
          replayed: false,
        },
      };
    } catch (err) {
      if (err instanceof HouseholdClaimedError) return claimAnswer(household.row, err.claim, actor, deps);
      if (err instanceof InsufficientStockError) {
        return {
          row: household.row,
          outcome: 'refused',
          problem: {
            reason: 'insufficient-stock',
            detail: `Not enough stock at shelter "${err.shelterId}" for: ${err.shortItems.map((s) => s.itemId).join(', ')}.`,
            shortItems: err.shortItems.map(({ itemId, requested, available }) => ({
              itemId,
              requested,
              available,
            })),
          },
        };
      }
      if (!(err instanceof VoucherCodeTakenError)) throw err;
    }
  }
  throw new VoucherCodeTakenError();
}
