import {
  ADMIN_SCOPE,
  checkRequestedScope,
  type KeyScope,
  type RequestedScope,
  type Role,
} from '../domain/api-key.js';
import type { PickupPoint } from '../domain/pickup-point.js';
import { type FieldError, ValidationError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';

/** "A volunteer key", "An admin": the subject of a refusal's message. */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'An' : 'A'} ${noun}`;
}

/** What a key or a person is asked to be: a role in an organisation, reaching a scope. */
export interface ReachRequest {
  role: Role;
  orgId: string;
  scope?: RequestedScope | undefined;
}

export type ResolveScopeDeps = { stores: Pick<Stores, 'organizations' | 'shelters'> };

function missingIds(
  half: keyof KeyScope,
  ids: KeyScope[keyof KeyScope] | undefined,
  found: ReadonlyMap<string, unknown>,
  what: string,
): FieldError[] {
  if (!Array.isArray(ids)) return [];
  return ids.flatMap((id, i) =>
    found.has(id) ? [] : [{ field: `scope.${half}.${i}`, message: `no ${what} "${id}"` }],
  );
}

/** A pickup point at a shelter the key may not reach would make a key that can never act there. */
function pointsOutsideShelters(
  shelterIds: KeyScope['shelterIds'] | undefined,
  pickupPointIds: KeyScope['pickupPointIds'],
  points: ReadonlyMap<string, PickupPoint>,
): FieldError[] {
  if (!Array.isArray(shelterIds) || !Array.isArray(pickupPointIds)) return [];
  return pickupPointIds.flatMap((id, i) => {
    const shelterId = points.get(id)?.shelterId;
    return shelterId === undefined || shelterIds.includes(shelterId)
      ? []
      : [
          {
            field: `scope.pickupPointIds.${i}`,
            message: `"${id}" is at shelter "${shelterId}", which scope.shelterIds leaves out`,
          },
        ];
  });
}

/**
 * The scope to store, and every id in it that does not exist (a typo would make a key that can
 * do nothing, or the wrong thing). A volunteer that names only pickup points reaches the
 * shelters those points belong to, no more; a half the role never acts through is stored empty,
 * not `"*"`.
 */
async function resolveScope(
  request: ReachRequest,
  deps: ResolveScopeDeps,
): Promise<{ scope: KeyScope; unknown: FieldError[] }> {
  if (request.role === 'admin' || request.scope === undefined) return { scope: ADMIN_SCOPE, unknown: [] };
  const { shelterIds, pickupPointIds = [] } = request.scope;
  const [shelters, points] = await Promise.all([
    deps.stores.shelters.getMany(Array.isArray(shelterIds) ? shelterIds : []),
    deps.stores.shelters.getPickupPoints(Array.isArray(pickupPointIds) ? pickupPointIds : []),
  ]);
  const unknown = [
    ...missingIds('shelterIds', shelterIds, shelters, 'shelter'),
    ...missingIds('pickupPointIds', pickupPointIds, points, 'pickup point'),
    ...pointsOutsideShelters(shelterIds, pickupPointIds, points),
  ];
  const reached =
    shelterIds ??
    (pickupPointIds === '*' ? '*' : [...new Set([...points.values()].map((point) => point.shelterId))]);
  return { scope: { shelterIds: reached, pickupPointIds }, unknown };
}

/**
 * The scope a key (or a person, who holds keys) will reach, checked: its role demands one (an
 * admin takes none), its organisation exists, every shelter and pickup point it names exists.
 * `what` names the subject in the message ("A volunteer key", "An admin"). Field paths are
 * relative to the request (`scope.pickupPointIds.0`, `orgId`).
 */
export async function resolveKeyScope(
  request: ReachRequest,
  what: string,
  deps: ResolveScopeDeps,
): Promise<KeyScope> {
  const scopeErrors = checkRequestedScope(request.role, request.scope);
  if (scopeErrors.length > 0)
    throw new ValidationError(
      request.role === 'admin'
        ? `${what} takes no scope: it reaches every shelter and pickup point.`
        : `${what} needs an explicit scope.`,
      scopeErrors,
    );
  const [org, { scope, unknown }] = await Promise.all([
    deps.stores.organizations.get(request.orgId),
    resolveScope(request, deps),
  ]);
  const errors: FieldError[] = [
    ...(org === undefined ? [{ field: 'orgId', message: `no organisation "${request.orgId}"` }] : []),
    ...unknown,
  ];
  if (errors.length > 0) throw new ValidationError(`${what} names something that does not exist.`, errors);
  return scope;
}
