import type { Principal } from '../domain/api-key.js';
import { checkRoundWindow, type Round, toWholeSeconds, type UpdateRoundInput } from '../domain/round.js';
import { ConflictError, type FieldError, ValidationError } from '../errors/app-errors.js';
import { checkRoundRules, checkRoundShelters, loadRoundToChange, type RoundDeps } from './round-context.js';

/**
 * Changes a draft round. New rules raise `rulesVersion`, so a voucher always says which rules
 * it was computed from. Once open, a round's rules and window are fixed.
 */
export async function updateRound(
  input: { roundId: string; patch: UpdateRoundInput },
  actor: Principal,
  deps: RoundDeps,
): Promise<Round> {
  const round = await loadRoundToChange(input.roundId, actor, deps);
  if (round.status !== 'draft')
    throw new ConflictError(`Round "${round.id}" is ${round.status}: only a draft round can be changed.`);
  const { patch } = input;
  const next: Round = {
    ...round,
    ...patch,
    validFrom: toWholeSeconds(patch.validFrom ?? round.validFrom),
    validUntil: toWholeSeconds(patch.validUntil ?? round.validUntil),
    rulesVersion: patch.rules === undefined ? round.rulesVersion : round.rulesVersion + 1,
    version: round.version + 1,
    updatedAt: deps.now().toISOString(),
    updatedBy: actor.keyId,
  };
  const errors: FieldError[] = [
    ...checkRoundWindow(next),
    ...(patch.shelterIds === undefined ? [] : await checkRoundShelters(patch.shelterIds, actor, deps)),
    ...(patch.rules === undefined ? [] : (await checkRoundRules(patch.rules, deps)).errors),
  ];
  if (errors.length > 0) throw new ValidationError('The round cannot be changed as sent.', errors);
  await deps.stores.rounds.replace(next, round.version);
  return next;
}
