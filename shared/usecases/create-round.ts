import { ulid } from 'ulid';
import type { Principal } from '../domain/api-key.js';
import { type CreateRoundInput, checkRoundWindow, type Round, toWholeSeconds } from '../domain/round.js';
import { type FieldError, ForbiddenError, ValidationError } from '../errors/app-errors.js';
import { checkRoundRules, checkRoundShelters, type RoundDeps } from './round-context.js';

/**
 * Creates a round as a draft. A coordinator's round belongs to its own organisation; only an
 * admin may share one across organisations (`organizationIds`), which then share its
 * deduplication. Every problem with the shelters, the window or the rules is named by field.
 */
export async function createRound(
  input: CreateRoundInput,
  actor: Principal,
  deps: RoundDeps,
): Promise<Round> {
  const orgIds = await roundOrganisations(input.organizationIds, actor, deps);
  const errors: FieldError[] = [
    ...checkRoundWindow(input),
    ...(await checkRoundShelters(input.shelterIds, actor, deps)),
    ...(await checkRoundRules(input.rules, deps)).errors,
  ];
  if (errors.length > 0) throw new ValidationError('The round cannot be created as sent.', errors);
  const now = deps.now().toISOString();
  const { id, organizationIds: _orgs, ...fields } = input;
  const round: Round = {
    ...fields,
    id: id ?? `round-${ulid().toLowerCase()}`,
    validFrom: toWholeSeconds(input.validFrom),
    validUntil: toWholeSeconds(input.validUntil),
    orgIds,
    rulesVersion: 1,
    status: 'draft',
    version: 1,
    createdAt: now,
    createdBy: actor.keyId,
  };
  await deps.stores.rounds.create(round);
  return round;
}

async function roundOrganisations(
  requested: readonly string[] | undefined,
  actor: Principal,
  deps: RoundDeps,
): Promise<string[]> {
  if (requested === undefined) return [actor.orgId];
  if (actor.role !== 'admin') {
    if (requested.length === 1 && requested[0] === actor.orgId) return [actor.orgId];
    throw new ForbiddenError('Only an admin may share a round with other organisations.');
  }
  const errors: FieldError[] = [];
  for (const [index, orgId] of requested.entries()) {
    if (requested.indexOf(orgId) !== index)
      errors.push({ field: `organizationIds.${index}`, message: 'each organisation once' });
    else if ((await deps.stores.organizations.get(orgId)) === undefined)
      errors.push({ field: `organizationIds.${index}`, message: `no organisation "${orgId}"` });
  }
  if (errors.length > 0) throw new ValidationError('Some organisations do not exist.', errors);
  return [...requested];
}
