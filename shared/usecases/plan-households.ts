import { type Principal, scopeAllows } from '../domain/api-key.js';
import { computeEntitlement, type EntitlementLine, roundDays } from '../domain/entitlements.js';
import type { Item } from '../domain/item.js';
import { pseudonymiseBeneficiary } from '../domain/pseudonym.js';
import type { Round } from '../domain/round.js';
import {
  type HouseholdClaim,
  type HouseholdResult,
  type HouseholdRow,
  householdRowSchema,
  type RawHousehold,
} from '../domain/round-households.js';
import type { RoundDeps } from './round-context.js';

/** A row that passed every check that needs no write: what its voucher would hold. */
export interface PlannedHousehold {
  row: number;
  household: HouseholdRow;
  beneficiaryHash: string;
  shelterId: string;
  lines: EntitlementLine[];
}

export interface HouseholdPlan {
  planned: PlannedHousehold[];
  /** Rows refused before any write (invalid, duplicate in the list, waiting period, no entitlement). */
  refused: HouseholdResult[];
  /** Rows whose household already holds a claim in the round, with that claim. */
  claimed: Array<{ row: number; claim: HouseholdClaim }>;
}

const refusal = (row: number, problem: NonNullable<HouseholdResult['problem']>): HouseholdResult => ({
  row,
  outcome: 'refused',
  problem,
});

const PARALLEL_READS = 16;

/**
 * Everything the forecast and the issue decide before writing, row by row: the row is valid, its
 * shelter is the round's and the key's, its household appears once in the list, holds no claim
 * in the round yet (one batch read), has waited long enough since another round, and is entitled
 * to something. References are pseudonymised first and never leave this function raw.
 */
export async function planHouseholds(
  round: Round,
  rows: readonly RawHousehold[],
  catalogue: ReadonlyMap<string, Item>,
  actor: Principal,
  deps: RoundDeps,
): Promise<HouseholdPlan> {
  const refused: HouseholdResult[] = [];
  const firstRowOf = new Map<string, number>();
  const candidates: PlannedHousehold[] = [];
  const days = roundDays(round.validFrom, round.validUntil);
  const unitOf = (itemId: string) => catalogue.get(itemId)?.unit ?? 'piece';
  for (const raw of rows) {
    const parsed = householdRowSchema.safeParse(raw.fields);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      // An unknown column is named itself: a row's extra field is refused, never dropped.
      const unknown = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      refused.push(
        refusal(raw.row, {
          reason: 'invalid',
          field: unknown ?? (issue?.path.join('.') || 'row'),
          detail: unknown === undefined ? (issue?.message ?? 'not a household row') : 'unknown field',
        }),
      );
      continue;
    }
    const household = parsed.data;
    const shelter = shelterOf(round, household, actor);
    if ('problem' in shelter) {
      refused.push(refusal(raw.row, { reason: 'invalid', field: 'shelterId', detail: shelter.problem }));
      continue;
    }
    const beneficiaryHash = pseudonymiseBeneficiary(
      household.beneficiaryRef,
      deps.secrets.beneficiaryHashKey,
    );
    const first = firstRowOf.get(beneficiaryHash);
    if (first !== undefined) {
      refused.push(
        refusal(raw.row, {
          reason: 'duplicate-in-list',
          field: 'beneficiaryRef',
          detail: `The same household is on row ${first} of this list.`,
        }),
      );
      continue;
    }
    firstRowOf.set(beneficiaryHash, raw.row);
    const lines = computeEntitlement(round.rules, household.householdSize, days, unitOf);
    if (lines.length === 0) {
      refused.push(
        refusal(raw.row, {
          reason: 'no-entitlement',
          field: 'householdSize',
          detail: 'The round’s rules give this household nothing.',
        }),
      );
      continue;
    }
    candidates.push({ row: raw.row, household, beneficiaryHash, shelterId: shelter.shelterId, lines });
  }

  const existing = await deps.stores.rounds.claims(
    round.id,
    candidates.map((c) => c.beneficiaryHash),
  );
  const claimed: HouseholdPlan['claimed'] = [];
  const unclaimed = candidates.filter((candidate) => {
    const claim = existing.get(candidate.beneficiaryHash);
    if (claim !== undefined) claimed.push({ row: candidate.row, claim });
    return claim === undefined;
  });
  const waited = await mapBounded(unclaimed, (candidate) => waitedLongEnough(round, candidate, deps));
  const planned = unclaimed.filter((candidate, index) => {
    if (waited[index]) return true;
    refused.push(
      refusal(candidate.row, {
        reason: 'waiting-period',
        field: 'beneficiaryRef',
        detail: `This household received a voucher in another round less than ${round.minDaysSinceLastRound} days before this round starts.`,
      }),
    );
    return false;
  });
  return { planned, refused, claimed };
}

function shelterOf(
  round: Round,
  household: HouseholdRow,
  actor: Principal,
): { shelterId: string } | { problem: string } {
  const shelterId = household.shelterId ?? (round.shelterIds.length === 1 ? round.shelterIds[0] : undefined);
  if (shelterId === undefined) return { problem: 'required: this round serves several shelters' };
  if (!round.shelterIds.includes(shelterId))
    return { problem: `shelter "${shelterId}" is not in this round` };
  if (actor.role !== 'admin' && !scopeAllows(actor.scope.shelterIds, shelterId))
    return { problem: `this key may not act on shelter "${shelterId}"` };
  return { shelterId };
}

/** The waiting period: no claim in another round issued less than the minimum before this round starts. */
async function waitedLongEnough(
  round: Round,
  candidate: PlannedHousehold,
  deps: RoundDeps,
): Promise<boolean> {
  if (round.minDaysSinceLastRound === undefined) return true;
  const cutoff = Date.parse(round.validFrom) - round.minDaysSinceLastRound * 86_400_000;
  const claims = await deps.stores.rounds.claimsOfHousehold(candidate.beneficiaryHash);
  return !claims.some((claim) => claim.roundId !== round.id && Date.parse(claim.issuedAt) > cutoff);
}

/** Runs `work` over `items` with at most PARALLEL_READS in flight; results in item order. */
export async function mapBounded<T, R>(
  items: readonly T[],
  work: (item: T) => Promise<R>,
  parallel = PARALLEL_READS,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) {
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  return results;
}
