import { type Principal, scopeAllows } from '../domain/api-key.js';
import { checkRulesAgainstCatalogue, type RationRule } from '../domain/entitlement-rules.js';
import type { Item } from '../domain/item.js';
import type { Round } from '../domain/round.js';
import { type FieldError, ForbiddenError, NotFoundError } from '../errors/app-errors.js';
import type { Logger } from '../logging/logger.js';
import type { Stores } from '../store/stores.js';
import type { VoucherSecrets } from './voucher-context.js';

/** What round use cases need: the stores they read and write, the pseudonym secret, a clock. */
export interface RoundDeps {
  stores: Pick<
    Stores,
    | 'rounds'
    | 'shelters'
    | 'items'
    | 'stock'
    | 'vouchers'
    | 'movements'
    | 'organizations'
    | 'leases'
    | 'conflicts'
    | 'people'
  >;
  secrets: Pick<VoucherSecrets, 'beneficiaryHashKey'>;
  now: () => Date;
  logger?: Logger;
}

/** Whether the key's organisation shares the round (an admin sees every round). */
export function sharesRound(round: Pick<Round, 'orgIds'>, viewer: Principal): boolean {
  return viewer.role === 'admin' || round.orgIds.includes(viewer.orgId);
}

/** A round of another organisation answers exactly as a missing one. */
export async function loadVisibleRound(
  roundId: string,
  viewer: Principal,
  deps: Pick<RoundDeps, 'stores'>,
): Promise<Round> {
  const round = /^[a-z0-9][a-z0-9-]{1,63}$/.test(roundId) ? await deps.stores.rounds.get(roundId) : undefined;
  if (round === undefined || !sharesRound(round, viewer)) throw new NotFoundError('Round', roundId);
  return round;
}

/**
 * A round to change (its definition, opening it, closing it): one the key's organisation shares,
 * at shelters the key may all act on, as creating it needed. Closing voids the vouchers of every
 * shelter of the round, so a key that could not void one of them directly may not do it by the
 * round either. Reading a round needs the organisation only; issuing households, the household's
 * shelter (per row).
 */
export async function loadRoundToChange(
  roundId: string,
  actor: Principal,
  deps: Pick<RoundDeps, 'stores'>,
): Promise<Round> {
  const round = await loadVisibleRound(roundId, actor, deps);
  requireRoundScope(round, actor);
  return round;
}

/** Refuses a key whose scope leaves out a shelter of the round (an admin's reaches every one). */
export function requireRoundScope(round: Pick<Round, 'id' | 'shelterIds'>, actor: Principal): void {
  if (actor.role === 'admin') return;
  const outside = round.shelterIds.filter((shelterId) => !scopeAllows(actor.scope.shelterIds, shelterId));
  if (outside.length === 0) return;
  const named = outside.map((shelterId) => `"${shelterId}"`).join(', ');
  throw new ForbiddenError(
    `Round "${round.id}" serves ${outside.length === 1 ? 'shelter' : 'shelters'} ${named}, which this key may not act on: use a key whose scope covers every shelter of the round.`,
  );
}

/** Shelters that exist and that the key may act on, each named by its place in the list. */
export async function checkRoundShelters(
  shelterIds: readonly string[],
  actor: Principal,
  deps: Pick<RoundDeps, 'stores'>,
): Promise<FieldError[]> {
  const found = await deps.stores.shelters.getMany(shelterIds);
  return shelterIds.flatMap((shelterId, index): FieldError[] => {
    const field = `shelterIds.${index}`;
    if (shelterIds.indexOf(shelterId) !== index) return [{ field, message: 'each shelter once' }];
    if (actor.role !== 'admin' && !scopeAllows(actor.scope.shelterIds, shelterId))
      return [{ field, message: `this key may not act on shelter "${shelterId}"` }];
    if (!found.has(shelterId)) return [{ field, message: `no shelter "${shelterId}"` }];
    return [];
  });
}

/** The rules' items, and the field errors of rules the catalogue cannot honour. */
export async function checkRoundRules(
  rules: readonly RationRule[],
  deps: Pick<RoundDeps, 'stores'>,
): Promise<{ catalogue: Map<string, Item>; errors: FieldError[] }> {
  const catalogue = await deps.stores.items.getMany(rules.map((rule) => rule.itemId));
  return { catalogue, errors: checkRulesAgainstCatalogue(rules, catalogue) };
}
