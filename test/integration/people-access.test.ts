import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonView } from '../../shared/domain/person.js';
import { buildWorld, type World } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { accept, addPerson, invite, type PersonRequest } from '../support/people-fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Json = Record<string, unknown>;

/**
 * Who may not: volunteers and logistics leads manage nobody; a coordinator manages the volunteers
 * of its own organisation at pickup points of its own shelters, and nobody else (others answer as
 * if absent); an admin manages everyone, in every organisation.
 */
describe('people and invitations: access control', () => {
  let t: TestApp;
  let world: World;
  let orgBAdmin: string;
  let orgBCoordinator: string;
  /** org-a volunteers at shelter A (pp-a1), at shelter B (pp-b1), and an org-a coordinator. */
  let atA: PersonView;
  let atB: PersonView;
  let colleague: PersonView;
  let ofOrgB: PersonView;

  const routesOn = (id: string): Array<[string, string, Json | undefined]> => [
    ['GET', `/v1/people/${id}`, undefined],
    ['PATCH', `/v1/people/${id}`, { displayName: 'Renamed' }],
    ['POST', `/v1/people/${id}/invitations`, {}],
    ['POST', `/v1/people/${id}/revoke`, {}],
    ['POST', `/v1/people/${id}/keys/zzzzzzzzzzzzzzzz/revoke`, {}],
  ];

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
    orgBAdmin = await t.issueKey({ role: 'admin', orgId: 'org-b' });
    orgBCoordinator = await t.issueKey({ role: 'coordinator', orgId: 'org-b', scope: { shelterIds: '*' } });
    const volunteerAt = (pp: string, orgId = 'org-a'): PersonRequest => ({
      displayName: `Volunteer at ${pp}`,
      role: 'volunteer',
      orgId,
      scope: { pickupPointIds: [pp] },
    });
    atA = await addPerson(t, world.admin, volunteerAt('pp-a1'));
    atB = await addPerson(t, world.admin, volunteerAt('pp-b1'));
    colleague = await addPerson(t, world.admin, {
      displayName: 'Another coordinator',
      role: 'coordinator',
      scope: { shelterIds: ['shelter-a'] },
    });
    ofOrgB = await addPerson(t, world.admin, volunteerAt('pp-a1', 'org-b'));
  });

  it('refuses volunteers and logistics leads every people route with 403, and no key with 401', async () => {
    for (const key of [world.volunteer, world.volunteerEverywhere, world.logistics, undefined]) {
      const calls: Array<[string, string, Json | undefined]> = [
        ['POST', '/v1/people', { displayName: 'X', role: 'volunteer', scope: { pickupPointIds: ['pp-a1'] } }],
        ['GET', '/v1/people', undefined],
        ...routesOn(atA.id),
        ['POST', `/v1/people/${atA.id}/invitations/inv_01HZZZZZZZZZZZZZZZZZZZZZZZ/revoke`, {}],
      ];
      for (const [method, path, body] of calls) {
        const refused = await call(t.app, method, path, {
          ...(key === undefined ? {} : { key }),
          ...(body === undefined ? {} : { body }),
        });
        expect(refused.status, `${method} ${path}`).toBe(key === undefined ? 401 : 403);
      }
    }
  });

  it('lets a coordinator add only volunteers of its own organisation at its own shelters', async () => {
    const cases: Array<[PersonRequest, number]> = [
      [{ displayName: 'C', role: 'coordinator', scope: { shelterIds: ['shelter-a'] } }, 403],
      [{ displayName: 'L', role: 'logistics', scope: { shelterIds: ['shelter-a'] } }, 403],
      [{ displayName: 'A', role: 'admin' }, 403],
      [{ displayName: 'O', role: 'volunteer', orgId: 'org-b', scope: { pickupPointIds: ['pp-a1'] } }, 403],
      [{ displayName: 'B', role: 'volunteer', scope: { pickupPointIds: ['pp-b1'] } }, 403],
      [{ displayName: 'All', role: 'volunteer', scope: { pickupPointIds: '*' } }, 403],
      [{ displayName: 'Ok', role: 'volunteer', scope: { pickupPointIds: ['pp-a1', 'pp-a2'] } }, 201],
    ];
    for (const [body, status] of cases) {
      const result = await call(t.app, 'POST', '/v1/people', { key: world.coordinatorA, body });

      expect(result.status, JSON.stringify(body)).toBe(status);
    }
  });

  it('answers a coordinator about people it does not manage as if they did not exist', async () => {
    for (const [who, person, key] of [
      ['a volunteer at a shelter outside its scope', atB, world.coordinatorA],
      ['another coordinator of its organisation', colleague, world.coordinator],
      ['a volunteer of another organisation', atA, orgBCoordinator],
      ['its own organisation’s volunteer, to org-b', ofOrgB, world.coordinator],
    ] as const) {
      for (const [method, path, body] of routesOn(person.id)) {
        const refused = await call(t.app, method, path, { key, ...(body === undefined ? {} : { body }) });
        expect(refused.status, `${who}: ${method} ${path}`).toBe(404);
        expect(refused.body.type).toBe('urn:supplyline:problem:not-found');
      }
    }
    const absent = await call(t.app, 'GET', '/v1/people/psn_01HZZZZZZZZZZZZZZZZZZZZZZZ', {
      key: world.coordinatorA,
    });
    expect(absent.status).toBe(404);
  });

  it('lists to a coordinator only the volunteers it manages', async () => {
    const list = await call(t.app, 'GET', '/v1/people?limit=200', { key: world.coordinatorA });
    const ids = (list.body.items as Json[]).map((person) => person.id);

    expect(ids).toContain(atA.id);
    for (const hidden of [atB.id, colleague.id, ofOrgB.id]) expect(ids).not.toContain(hidden);
    const otherOrg = await call(t.app, 'GET', '/v1/people?orgId=org-b', { key: world.coordinatorA });
    expect(otherOrg.body.items).toEqual([]);
  });

  it('keeps a coordinator’s volunteer a volunteer, at the coordinator’s own shelters', async () => {
    const person = await addPerson(t, world.coordinatorA, {
      displayName: 'Kept',
      role: 'volunteer',
      scope: { pickupPointIds: ['pp-a1'] },
    });

    const promoted = await call(t.app, 'PATCH', `/v1/people/${person.id}`, {
      key: world.coordinatorA,
      body: { role: 'coordinator', scope: { shelterIds: ['shelter-a'] } },
    });
    const moved = await call(t.app, 'PATCH', `/v1/people/${person.id}`, {
      key: world.coordinatorA,
      body: { scope: { pickupPointIds: ['pp-b1'] } },
    });
    const renamed = await call(t.app, 'PATCH', `/v1/people/${person.id}`, {
      key: world.coordinatorA,
      body: { displayName: 'Kept (gate)', scope: { pickupPointIds: ['pp-a2'] } },
    });

    expect(promoted.status).toBe(403);
    expect(moved.status).toBe(403);
    expect(renamed.status).toBe(200);
  });

  it('lets an admin of any organisation manage everyone', async () => {
    const seen = await call(t.app, 'GET', `/v1/people/${colleague.id}`, { key: orgBAdmin });
    const invited = await call(t.app, 'POST', `/v1/people/${colleague.id}/invitations`, {
      key: orgBAdmin,
      body: {},
    });
    const listed = await call(t.app, 'GET', '/v1/people?orgId=org-a&limit=200', { key: orgBAdmin });

    expect(seen.status).toBe(200);
    expect(invited.status).toBe(201);
    expect((listed.body.items as Json[]).map((p) => p.id)).toContain(colleague.id);
  });

  it('takes no key to accept an invitation, and ignores one that is sent', async () => {
    const person = await addPerson(t, world.admin, {
      displayName: 'Public',
      role: 'volunteer',
      scope: { pickupPointIds: ['pp-a1'] },
    });
    const { code } = await invite(t, world.admin, person.id);

    const accepted = await call(t.app, 'POST', '/v1/invitations/accept', {
      body: { code },
      headers: { authorization: 'Bearer slk_garbage' },
    });
    const another = await invite(t, world.admin, person.id);
    const withoutKey = await accept(t, another.code);

    expect(accepted.status).toBe(200);
    expect(withoutKey.status).toBe(200);
  });
});
