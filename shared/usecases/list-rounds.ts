import type { Principal } from '../domain/api-key.js';
import type { Round, RoundQuery } from '../domain/round.js';
import { ForbiddenError } from '../errors/app-errors.js';
import type { Page } from '../store/pagination.js';
import { loadVisibleRound, type RoundDeps } from './round-context.js';

/** Rounds newest first: a coordinator sees its own organisation's, an admin any organisation's. */
export async function listRounds(
  input: RoundQuery,
  viewer: Principal,
  deps: RoundDeps,
): Promise<Page<Round>> {
  const { limit, cursor, ...filter } = input;
  if (viewer.role !== 'admin' && filter.orgId !== undefined && filter.orgId !== viewer.orgId)
    throw new ForbiddenError('A coordinator lists its own organisation’s rounds only.');
  const orgId = viewer.role === 'admin' ? filter.orgId : viewer.orgId;
  return deps.stores.rounds.list({ ...filter, orgId }, limit, cursor);
}

export function getRound(input: { roundId: string }, viewer: Principal, deps: RoundDeps): Promise<Round> {
  return loadVisibleRound(input.roundId, viewer, deps);
}
