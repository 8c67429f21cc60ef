import { z } from '@hono/zod-openapi';
import { ulid } from 'ulid';
import type { Principal } from '../domain/api-key.js';
import { type BeneficiaryCheckLogEntry, hourWindow } from '../domain/beneficiary-check.js';
import { beneficiaryRefSchema } from '../domain/beneficiary-ref.js';
import { pseudonymiseBeneficiary } from '../domain/pseudonym.js';
import type { Round } from '../domain/round.js';
import { RateLimitedError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';
import { mapBounded } from './plan-households.js';
import type { RoundDeps } from './round-context.js';

export const MAX_CHECKED_REFS = 1000;

export const beneficiaryCheckSchema = z
  .object({
    beneficiaryRefs: z
      .array(beneficiaryRefSchema)
      .min(1)
      .max(MAX_CHECKED_REFS)
      .openapi({ description: 'Your references; pseudonymised at once, never stored, logged or echoed.' }),
  })
  .strict()
  .openapi('BeneficiaryCheck');

export const beneficiaryCheckResultSchema = z
  .object({
    results: z.array(
      z.object({
        index: z.number().int().openapi({ description: 'Position of the reference in the request.' }),
        holdsVoucherInOpenRound: z.boolean(),
        lastRedeemedAt: z.string().nullable().openapi({
          description:
            'When a voucher of this household issued in a round was last redeemed, by any organisation.',
        }),
      }),
    ),
  })
  .openapi('BeneficiaryCheckResult');
export type BeneficiaryCheckResult = z.infer<typeof beneficiaryCheckResultSchema>;

export type CheckDeps = RoundDeps & {
  stores: Pick<Stores, 'rounds' | 'beneficiaryChecks' | 'rateLimits'>;
  limits: { checkReferencesPerHour: number };
};

/**
 * "Served before?" across organisations, as UNHCR's RAIS lets partners ask: yes or no, and a
 * date, nothing else (not which organisation, shelter or round). The answer is in request order
 * without the references. Asking about people is itself on the record: every call is logged for
 * admins (who, when, how many references, how many matched; never the references), and a key
 * may ask about at most `checkReferencesPerHour` references per clock hour (429 beyond, with
 * Retry-After), counted in the table so that instances share the count.
 */
export async function checkBeneficiaries(
  input: z.infer<typeof beneficiaryCheckSchema>,
  actor: Principal,
  deps: CheckDeps,
): Promise<BeneficiaryCheckResult> {
  const now = deps.now();
  const references = input.beneficiaryRefs.length;
  const entry = (
    matched: number,
    outcome: BeneficiaryCheckLogEntry['outcome'],
  ): BeneficiaryCheckLogEntry => ({
    id: ulid(now.getTime()),
    at: now.toISOString(),
    keyId: actor.keyId,
    orgId: actor.orgId,
    references,
    matched,
    outcome,
  });
  const window = hourWindow(now);
  const limit = deps.limits.checkReferencesPerHour;
  const allowance = await deps.stores.rateLimits.take(`check#${actor.keyId}`, window, references, limit);
  if (!allowance.taken) {
    await deps.stores.beneficiaryChecks.record(entry(0, 'refused-over-limit'));
    const retryAfterSeconds = Math.max(1, Math.ceil((window.end.getTime() - now.getTime()) / 1000));
    throw new RateLimitedError(
      `This key may check at most ${limit} references an hour, and this request's ${references} would go past it. Send them after ${window.end.toISOString()} (Retry-After), or in smaller lists.`,
      retryAfterSeconds,
      { limit, windowEndsAt: window.end.toISOString() },
    );
  }
  const results = await served(input.beneficiaryRefs, deps);
  const matched = results.filter((r) => r.holdsVoucherInOpenRound || r.lastRedeemedAt !== null).length;
  // No answer leaves without its record: a failed write fails the call.
  await deps.stores.beneficiaryChecks.record(entry(matched, 'answered'));
  deps.logger?.info('beneficiaries checked', {
    orgId: actor.orgId,
    keyId: actor.keyId,
    checked: references,
    matched,
  });
  return { results: results.map((result, index) => ({ index, ...result })) };
}

/** Per reference: whether it holds a voucher in an open round, and its last redemption of a round voucher. */
async function served(refs: readonly string[], deps: CheckDeps) {
  const rounds = new Map<string, Promise<Round | undefined>>();
  const roundOf = (roundId: string) => {
    const known = rounds.get(roundId) ?? deps.stores.rounds.get(roundId);
    rounds.set(roundId, known);
    return known;
  };
  return mapBounded(refs, async (ref) => {
    const hash = pseudonymiseBeneficiary(ref, deps.secrets.beneficiaryHashKey);
    const claims = await deps.stores.rounds.claimsOfHousehold(hash);
    const statuses = await Promise.all(claims.map(async (claim) => (await roundOf(claim.roundId))?.status));
    const vouchers = await deps.stores.rounds.vouchersOf(claims);
    const redeemed = vouchers.flatMap((voucher) =>
      voucher.status === 'redeemed' ? [voucher.redeemedAt] : [],
    );
    return {
      holdsVoucherInOpenRound: statuses.includes('open'),
      lastRedeemedAt: redeemed.length === 0 ? null : (redeemed.sort().at(-1) ?? null),
    };
  });
}
