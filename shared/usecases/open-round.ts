import type { Principal } from '../domain/api-key.js';
import type { Round } from '../domain/round.js';
import { ConflictError, ValidationError } from '../errors/app-errors.js';
import { loadRoundToChange, type RoundDeps } from './round-context.js';

/** draft -> open: households can be issued from now until the round closes. */
export async function openRound(
  input: { roundId: string },
  actor: Principal,
  deps: RoundDeps,
): Promise<Round> {
  const round = await loadRoundToChange(input.roundId, actor, deps);
  if (round.status !== 'draft') throw new ConflictError(`Round "${round.id}" is already ${round.status}.`);
  const now = deps.now();
  if (Date.parse(round.validUntil) <= now.getTime()) {
    throw new ValidationError('The round has already ended: move its end first (PATCH while draft).', [
      { field: 'validUntil', message: 'must be in the future to open the round' },
    ]);
  }
  const next: Round = {
    ...round,
    status: 'open',
    version: round.version + 1,
    openedAt: now.toISOString(),
    openedBy: actor.keyId,
  };
  await deps.stores.rounds.replace(next, round.version);
  return next;
}
