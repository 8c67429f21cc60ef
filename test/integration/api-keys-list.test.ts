import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiKeyItem } from '../../shared/store/api-key-store.js';
import { buildWorld, type World } from '../support/fixtures.js';
import { call, isProblem } from '../support/http.js';
import { personWithKey } from '../support/people-fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Key = Record<string, unknown> & { id: string; label: string; kind: string };
type KeyPage = { items: Key[]; nextCursor: string | null };

describe('GET /v1/api-keys: an organisation’s keys, for an admin to review', () => {
  let t: TestApp;
  let world: World;
  /** Ids of keys made for this file, in org-a unless said. */
  const made: Record<string, string> = {};

  const list = (query = '', key = world.admin) =>
    call<KeyPage>(t.app, 'GET', `/v1/api-keys${query}`, { key });
  const refusal = (query: string) => call(t.app, 'GET', `/v1/api-keys${query}`, { key: world.admin });

  /** Every page of a listing, following nextCursor. */
  async function listAll(query: string): Promise<Key[]> {
    const items: Key[] = [];
    let cursor: string | null = null;
    do {
      const separator = query.includes('?') ? '&' : '?';
      const page = await list(
        `${query}${separator}limit=2${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`,
      );
      expect(page.status, page.text).toBe(200);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    return items;
  }

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
    const create = async (label: string, orgId = 'org-a') => {
      const created = await call<{ id: string }>(t.app, 'POST', '/v1/api-keys', {
        key: world.admin,
        body: { role: 'logistics', orgId, label, scope: { shelterIds: ['shelter-a'] } },
      });
      expect(created.status, created.text).toBe(201);
      return created.body.id;
    };
    made.reporting = await create('Kandal reporting');
    made.revoked = await create('Old partner feed');
    made.orgB = await create('Org B reporting', 'org-b');
    const revoked = await call(t.app, 'DELETE', `/v1/api-keys/${made.revoked}`, { key: world.admin });
    expect(revoked.status, revoked.text).toBe(200);
    // A key stored before people existed: no `kind` at all.
    const legacy = apiKeyItem({
      id: 'legacykey0000001',
      secretHash: 'x'.repeat(64),
      kind: 'machine',
      role: 'logistics',
      orgId: 'org-a',
      scope: { shelterIds: ['shelter-a'], pickupPointIds: [] },
      label: 'Stored before people',
      createdAt: new Date().toISOString(),
      createdBy: 'test',
    });
    delete legacy.kind;
    await t.table.doc.send(new PutCommand({ TableName: t.table.tableName, Item: legacy }));
    made.legacy = 'legacykey0000001';
    const sokha = await personWithKey(t, world.admin, {
      displayName: 'Sokha (gate desk)',
      role: 'volunteer',
      scope: { pickupPointIds: ['pp-a1'] },
    });
    made.person = sokha.keyId;
  });

  describe('happy path', () => {
    it('lists every key of the caller’s organisation, machine and person, page by page, never a secret or its hash', async () => {
      const keys = await listAll('');

      const ids = keys.map((key) => key.id);
      expect(ids).toEqual(expect.arrayContaining([made.reporting, made.revoked, made.legacy, made.person]));
      expect(ids).not.toContain(made.orgB);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(ids);
      for (const key of keys) {
        expect(key).not.toHaveProperty('secretHash');
        expect(key).not.toHaveProperty('apiKey');
        expect(key.kind).toMatch(/^(machine|person)$/);
      }
      expect(keys.find((key) => key.id === made.person)).toMatchObject({
        kind: 'person',
        personId: expect.stringMatching(/^psn_/),
      });
    });

    it('lists machine keys only, a key stored before people existed among them', async () => {
      const keys = await listAll('?kind=machine');

      expect(keys.map((key) => key.id)).toEqual(
        expect.arrayContaining([made.reporting, made.revoked, made.legacy]),
      );
      expect(keys.every((key) => key.kind === 'machine')).toBe(true);
      expect(keys.find((key) => key.id === made.legacy)).toMatchObject({ label: 'Stored before people' });
    });

    it('lists person keys only', async () => {
      const keys = await listAll('?kind=person');

      expect(keys.map((key) => key.id)).toEqual([made.person]);
    });

    it('lists active or revoked keys', async () => {
      const active = (await listAll('?kind=machine&status=active')).map((key) => key.id);
      const revoked = await listAll('?status=revoked');

      expect(active).toContain(made.reporting);
      expect(active).not.toContain(made.revoked);
      expect(revoked.map((key) => key.id)).toEqual([made.revoked]);
      expect(revoked[0]).toMatchObject({ revokedAt: expect.any(String), revokedBy: expect.any(String) });
    });

    it('lists another organisation’s keys when asked by its id', async () => {
      const keys = await listAll('?orgId=org-b');

      expect(keys.map((key) => key.id)).toContain(made.orgB);
      expect(keys.every((key) => key.orgId === 'org-b')).toBe(true);
    });
  });

  describe('errors', () => {
    it('refuses an unknown kind or status, naming the parameter', async () => {
      for (const query of ['?kind=robot', '?status=lost']) {
        const result = await refusal(query);

        expect(result.status, query).toBe(400);
        expect(isProblem(result)).toBe(true);
        expect(JSON.stringify(result.body.errors)).toContain(query.slice(1).split('=')[0]);
      }
    });

    it('refuses a cursor sealed for other filters', async () => {
      const first = await list('?kind=machine&limit=1');
      const cursor = first.body.nextCursor;
      expect(cursor).toEqual(expect.any(String));

      const result = await refusal(`?kind=person&limit=1&cursor=${encodeURIComponent(String(cursor))}`);

      expect(result.status).toBe(400);
      expect(result.body.type).toBe('urn:supplyline:problem:invalid-cursor');
    });
  });

  describe('access', () => {
    it('lets only admins list keys', async () => {
      for (const name of ['coordinator', 'logistics', 'volunteer'] as const) {
        const result = await list('', world[name]);

        expect(result.status, name).toBe(403);
      }
    });
  });
});
