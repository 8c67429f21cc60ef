import { issueSecret } from '../auth/api-key-secret.js';
import {
  ADMIN_SCOPE,
  type ApiKeyRecord,
  type CreateApiKeyInput,
  checkRequestedScope,
  type KeyScope,
  scopeProblem,
} from '../domain/api-key.js';
import type { Actor } from '../domain/attribution.js';
import type { PickupPoint } from '../domain/pickup-point.js';
import { type FieldError, ValidationError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';

export interface CreateApiKeyDeps {
  stores: Pick<Stores, 'apiKeys' | 'organizations' | 'shelters'>;
  now: () => Date;
}

export interface CreatedApiKey {
  record: ApiKeyRecord;
  /** The full secret key: shown once, never stored. */
  apiKey: string;
}

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
  input: CreateApiKeyInput,
  deps: CreateApiKeyDeps,
): Promise<{ scope: KeyScope; unknown: FieldError[] }> {
  if (input.role === 'admin' || input.scope === undefined) return { scope: ADMIN_SCOPE, unknown: [] };
  const { shelterIds, pickupPointIds = [] } = input.scope;
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
 * Issues a key for an existing organisation. Its scope is what the admin named, never a default:
 * a key without one cannot be created (admins excepted, who reach everything). `createdBy` is the
 * admin's key id, or a bootstrap tag.
 */
export async function createApiKey(
  input: CreateApiKeyInput,
  actor: Actor,
  deps: CreateApiKeyDeps,
): Promise<CreatedApiKey> {
  const scopeErrors = checkRequestedScope(input.role, input.scope);
  if (scopeErrors.length > 0) throw new ValidationError(scopeProblem(input.role), scopeErrors);
  const [org, { scope, unknown }] = await Promise.all([
    deps.stores.organizations.get(input.orgId),
    resolveScope(input, deps),
  ]);
  const errors: FieldError[] = [
    ...(org === undefined ? [{ field: 'orgId', message: `no organisation "${input.orgId}"` }] : []),
    ...unknown,
  ];
  if (errors.length > 0) throw new ValidationError('The key names something that does not exist.', errors);

  const { keyId, apiKey, secretHash } = issueSecret();
  const record: ApiKeyRecord = {
    id: keyId,
    secretHash,
    role: input.role,
    orgId: input.orgId,
    scope,
    label: input.label,
    createdAt: deps.now().toISOString(),
    createdBy: actor.keyId,
  };
  await deps.stores.apiKeys.create(record);
  return { record, apiKey };
}
