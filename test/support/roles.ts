import type { CreateApiKeyInput } from '../../shared/domain/api-key.js';
import type { TestApp } from './test-app.js';

/**
 * The keys route tests act with: one per role, each stating its scope as an admin must (no
 * defaults), plus keys narrowed to shelter A and pickup point A1 for the "who may not" cases.
 * Shelter A, shelter B and pickup point pp-a1 must exist first (see fixtures.ts).
 */
export const roleRequests = {
  admin: { role: 'admin' },
  coordinator: { role: 'coordinator', scope: { shelterIds: '*' } },
  coordinatorA: { role: 'coordinator', scope: { shelterIds: ['shelter-a'] } },
  logistics: { role: 'logistics', scope: { shelterIds: '*' } },
  logisticsA: { role: 'logistics', scope: { shelterIds: ['shelter-a'] } },
  /** Serves pickup point A1 only; reaches shelter A, the shelter of that point. */
  volunteer: { role: 'volunteer', scope: { pickupPointIds: ['pp-a1'] } },
  volunteerEverywhere: { role: 'volunteer', scope: { pickupPointIds: '*' } },
} satisfies Record<string, Omit<CreateApiKeyInput, 'orgId' | 'label'>>;

export type RoleName = keyof typeof roleRequests;
export type RoleKeys = Record<RoleName, string>;

/** One key of each entry of `roleRequests`, for `orgId`. */
export async function roleKeys(t: TestApp, orgId = 'org-a'): Promise<RoleKeys> {
  const keys: Partial<RoleKeys> = {};
  for (const [name, request] of Object.entries(roleRequests)) {
    keys[name as RoleName] = await t.issueKey({ ...request, orgId });
  }
  return keys as RoleKeys;
}
