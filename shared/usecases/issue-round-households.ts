import { ulid } from 'ulid';
import type { Principal } from '../domain/api-key.js';
import type { Round } from '../domain/round.js';
import {
  ALREADY_IN_ROUND,
  type HouseholdClaim,
  type HouseholdIssueResult,
  type HouseholdResult,
  MAX_GROUP,
  type RawHousehold,
} from '../domain/round-households.js';
import { formatShortCode, newShortCode } from '../domain/short-code.js';
import type { IssuedVoucher, Voucher } from '../domain/voucher.js';
import { ConflictError, ValidationError } from '../errors/app-errors.js';
import { HouseholdClaimedError } from '../errors/round-errors.js';
import { InsufficientStockError } from '../errors/stock-errors.js';
import { VoucherCodeTakenError } from '../errors/voucher-errors.js';
import { mapBounded, type PlannedHousehold, planHouseholds } from './plan-households.js';
import { checkRoundRules, loadVisibleRound, type RoundDeps } from './round-context.js';
import { categoriesOf } from './stock-context.js';

/**
 * Households are issued in groups of up to MAX_GROUP of one shelter, one transaction a group
 * with one reservation per item for the group's sum: far fewer writes to the shelter's hot
 * balance rows than one transaction a household, and fewer units. A few groups are in flight at
 * once. A group refused as a whole (a claim taken meanwhile, short stock, a code taken) is
 * issued again one household at a time, so each row gets its own answer.
 */
const PARALLEL_GROUPS = 4;

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
  const groups = groupsOf(plan.planned);
  const issued = (
    await mapBounded(groups, (group) => issueGroup(round, group, categories, actor, deps), PARALLEL_GROUPS)
  ).flat();
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
  return issuedAnswer(row, voucher, true);
}

/** The planned households in groups of one shelter, at most MAX_GROUP each, in row order. */
function groupsOf(planned: readonly PlannedHousehold[]): PlannedHousehold[][] {
  const byShelter = new Map<string, PlannedHousehold[]>();
  for (const household of planned) {
    byShelter.set(household.shelterId, [...(byShelter.get(household.shelterId) ?? []), household]);
  }
  return [...byShelter.values()].flatMap((households) =>
    Array.from({ length: Math.ceil(households.length / MAX_GROUP) }, (_, i) =>
      households.slice(i * MAX_GROUP, (i + 1) * MAX_GROUP),
    ),
  );
}

async function issueGroup(
  round: Round,
  group: readonly PlannedHousehold[],
  categories: ReadonlyMap<string, string>,
  actor: Principal,
  deps: RoundDeps,
): Promise<HouseholdResult[]> {
  const now = deps.now();
  const records = group.map((household) => recordsOf(round, household, actor, now));
  const outcome = await deps.stores.rounds.issueHouseholdGroup(
    records,
    group[0]?.shelterId ?? '',
    categories,
  );
  if (outcome === 'refused')
    return mapBounded(group, (household) => issueOne(round, household, categories, actor, deps), 1);
  return records.map(({ voucher }, i) => issuedAnswer((group[i] as PlannedHousehold).row, voucher, false));
}

/** The voucher, beneficiary record and claim one household's issue writes. */
function recordsOf(round: Round, household: PlannedHousehold, actor: Principal, now: Date) {
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
    ...(claim.language === undefined ? {} : { language: claim.language }),
  };
  const beneficiary = {
    voucherId: id,
    beneficiaryHash: household.beneficiaryHash,
    householdSize: claim.householdSize,
  };
  return { voucher, beneficiary, claim };
}

function issuedAnswer(row: number, voucher: Voucher, replayed: boolean): HouseholdResult {
  return {
    row,
    outcome: 'issued',
    voucher: {
      id: voucher.id,
      code: formatShortCode(voucher.code),
      shelterId: voucher.shelterId,
      lines: voucher.lines,
      rulesVersion: voucher.rulesVersion ?? 0,
      ...(voucher.language === undefined ? {} : { language: voucher.language }),
      replayed,
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
  const records = recordsOf(round, household, actor, deps.now());
  // A random 40-bit code can collide with an existing one; the transaction refuses it and we draw again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const voucher: IssuedVoucher = { ...records.voucher, code: newShortCode() };
    try {
      await deps.stores.rounds.issueHousehold(voucher, records.beneficiary, records.claim, categories);
      return issuedAnswer(household.row, voucher, false);
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
