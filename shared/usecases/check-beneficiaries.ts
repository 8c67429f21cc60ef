import { z } from '@hono/zod-openapi';
import type { Principal } from '../domain/api-key.js';
import { beneficiaryRefSchema } from '../domain/beneficiary-ref.js';
import { pseudonymiseBeneficiary } from '../domain/pseudonym.js';
import type { Round } from '../domain/round.js';
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

/**
 * "Served before?" across organisations, as UNHCR's RAIS lets partners ask: yes or no, and a
 * date, nothing else (not which organisation, shelter or round). The answer is in request order
 * without the references; the log line counts them and never names them.
 */
export async function checkBeneficiaries(
  input: z.infer<typeof beneficiaryCheckSchema>,
  actor: Principal,
  deps: RoundDeps,
): Promise<BeneficiaryCheckResult> {
  const rounds = new Map<string, Promise<Round | undefined>>();
  const roundOf = (roundId: string) => {
    const known = rounds.get(roundId) ?? deps.stores.rounds.get(roundId);
    rounds.set(roundId, known);
    return known;
  };
  const results = await mapBounded(input.beneficiaryRefs, async (ref) => {
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
  deps.logger?.info('beneficiaries checked', {
    orgId: actor.orgId,
    keyId: actor.keyId,
    checked: results.length,
    holding: results.filter((r) => r.holdsVoucherInOpenRound).length,
  });
  return { results: results.map((result, index) => ({ index, ...result })) };
}
