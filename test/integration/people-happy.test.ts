import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueSecret } from '../../shared/auth/api-key-secret.js';
import { buildWorld, type World } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { accept, addPerson, codeOf, invite, personWithKey } from '../support/people-fixtures.js';
import { snapshotTable } from '../support/table-reads.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Json = Record<string, unknown>;

describe('people and invitations: the happy path', () => {
  let t: TestApp;
  let world: World;
  const keyIdOf = (key: string) => key.split('_')[1];

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
  });

  describe('POST /v1/people', () => {
    it('adds a person with a display name, role and scope, invited and holding no key yet', async () => {
      const added = await call(t.app, 'POST', '/v1/people', {
        key: world.admin,
        body: { displayName: 'Sokha (gate desk)', role: 'volunteer', scope: { pickupPointIds: ['pp-a1'] } },
      });

      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({
        id: expect.stringMatching(/^psn_[0-9A-Z]{26}$/),
        orgId: 'org-a',
        displayName: 'Sokha (gate desk)',
        role: 'volunteer',
        scope: { shelterIds: ['shelter-a'], pickupPointIds: ['pp-a1'] },
        status: 'invited',
        version: 1,
        createdBy: keyIdOf(world.admin),
        createdAt: expect.any(String),
      });
      expect(added.headers.get('location')).toBe(`/v1/people/${added.body.id}`);
      const detail = await call(t.app, 'GET', `/v1/people/${added.body.id}`, { key: world.admin });
      expect(detail.body).toMatchObject({ keys: [], devices: [], invitations: [] });
    });

    it('puts a coordinator’s volunteer in the coordinator’s own organisation', async () => {
      const added = await addPerson(t, world.coordinatorA, {
        displayName: 'Dara',
        role: 'volunteer',
        scope: { pickupPointIds: ['pp-a2'] },
      });

      expect(added).toMatchObject({ orgId: 'org-a', createdBy: keyIdOf(world.coordinatorA) });
    });

    it('replays a retried add instead of adding the person twice', async () => {
      const headers = { 'idempotency-key': 'add-vanna-once' };
      const body = { displayName: 'Vanna', role: 'logistics', scope: { shelterIds: ['shelter-a'] } };
      const first = await call(t.app, 'POST', '/v1/people', { key: world.admin, body, headers });
      const again = await call(t.app, 'POST', '/v1/people', { key: world.admin, body, headers });

      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body.id).toBe(first.body.id);
    });
  });

  describe('invitations', () => {
    it('answers a one-time link whose code sits after #, with its QR code as SVG and PNG, shown once', async () => {
      const person = await addPerson(t, world.admin, {
        displayName: 'Chenda',
        role: 'volunteer',
        scope: { pickupPointIds: ['pp-a1'] },
      });
      const before = Date.now();

      const made = await call(t.app, 'POST', `/v1/people/${person.id}/invitations`, { key: world.admin });

      expect(made.status).toBe(201);
      expect(made.headers.get('cache-control')).toBe('no-store');
      const link = new URL(String(made.body.link));
      expect(link.origin).toBe('http://localhost');
      expect(link.pathname).toBe('/scan');
      expect(link.search).toBe('');
      const code = codeOf(link.href);
      expect(code).toMatch(/^inv_[0-9A-Z]{26}\.[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(code.split('.')[1] ?? '', 'base64url').length * 8).toBeGreaterThanOrEqual(128);
      expect(made.body).toMatchObject({ id: code.split('.')[0], personId: person.id, page: '/scan' });
      const expiresIn = Date.parse(String(made.body.expiresAt)) - before;
      expect(expiresIn).toBeGreaterThan(14 * 60_000);
      expect(expiresIn).toBeLessThanOrEqual(15 * 60_000 + 5_000);
      const qr = made.body.qr as { svg: string; pngBase64: string };
      expect(qr.svg).toMatch(/^<svg role="img"[^>]*><title>QR code of the invitation for Chenda<\/title>/);
      const png = PNG.sync.read(Buffer.from(qr.pngBase64, 'base64'));
      expect(png.width).toBeGreaterThanOrEqual(256);
    });

    it('keeps only a hash of the code: the secret is nowhere in the table', async () => {
      const person = await addPerson(t, world.admin, {
        displayName: 'Rith',
        role: 'logistics',
        scope: { shelterIds: ['shelter-a'] },
      });
      const { code } = await invite(t, world.admin, person.id);
      const secret = code.split('.')[1] as string;

      const table = [...(await snapshotTable(t.table)).values()].join('\n');

      expect(table).toContain(code.split('.')[0]);
      expect(table).not.toContain(secret);
    });

    it('lands each role on its own page, and takes up to 7 days for a link sent to staff', async () => {
      const pages: Array<[string, Json, string]> = [
        ['coordinator', { shelterIds: ['shelter-a'] }, '/coordinator'],
        ['logistics', { shelterIds: '*' }, '/desk'],
        ['admin', {}, '/admin'],
      ];
      for (const [role, scope, page] of pages) {
        const person = await addPerson(t, world.admin, {
          displayName: `A ${role}`,
          role: role as 'admin',
          ...(role === 'admin' ? {} : { scope }),
        });
        const made = await invite(t, world.admin, person.id, { expiresInMinutes: 7 * 24 * 60 });

        expect(new URL(made.link).pathname, role).toBe(page);
        expect(made.page).toBe(page);
        expect(Date.parse(made.expiresAt) - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);
      }
    });
  });

  describe('POST /v1/invitations/accept', () => {
    it('exchanges the code, once, for the person’s own key, which acts as the person', async () => {
      const person = await addPerson(t, world.admin, {
        displayName: 'Sreyneang',
        role: 'volunteer',
        scope: { pickupPointIds: ['pp-a1', 'pp-a2'] },
      });
      const { code, id: invitationId } = await invite(t, world.admin, person.id);

      const accepted = await accept(t, code, { label: 'Android phone' });

      expect(accepted.status).toBe(200);
      expect(accepted.headers.get('cache-control')).toBe('no-store');
      expect(accepted.body).toEqual({
        apiKey: expect.stringMatching(/^slk_[a-z0-9]{16}_/),
        keyId: expect.any(String),
        person: {
          id: person.id,
          displayName: 'Sreyneang',
          role: 'volunteer',
          orgId: 'org-a',
          scope: { shelterIds: ['shelter-a'], pickupPointIds: ['pp-a1', 'pp-a2'] },
        },
        page: '/scan',
      });
      const me = await call(t.app, 'GET', '/v1/me', { key: accepted.body.apiKey });
      expect(me.body).toMatchObject({
        keyId: accepted.body.keyId,
        personId: person.id,
        displayName: 'Sreyneang',
        role: 'volunteer',
        scope: { pickupPointIds: ['pp-a1', 'pp-a2'] },
      });
      const detail = await call(t.app, 'GET', `/v1/people/${person.id}`, { key: world.admin });
      expect(detail.body).toMatchObject({
        status: 'active',
        activatedAt: expect.any(String),
        keys: [{ id: accepted.body.keyId, label: 'Android phone', invitationId }],
        invitations: [{ id: invitationId, status: 'used', keyId: accepted.body.keyId }],
      });
      expect(await t.deps.stores.apiKeys.get(accepted.body.keyId)).toMatchObject({
        kind: 'person',
        personId: person.id,
        createdBy: keyIdOf(world.admin),
      });
    });

    it('lets the phone whose answer was lost retry with its attemptId: a fresh key, the lost one revoked', async () => {
      const person = await addPerson(t, world.admin, {
        displayName: 'Sopheak',
        role: 'volunteer',
        scope: { pickupPointIds: ['pp-a1'] },
      });
      const { code } = await invite(t, world.admin, person.id);
      const attemptId = '6f1f3a0c-0d5e-4c59-9f0b-2b7f0c1d2e3f';
      // The exchange commits, but its answer never reaches the phone.
      const lost = await accept(t, code, { attemptId });

      const otherPhone = await accept(t, code, { attemptId: 'another-phone-attempt-0001' });
      const retried = await accept(t, code, { attemptId });

      expect(otherPhone.status).toBe(409);
      expect(retried.status).toBe(200);
      expect(retried.body.keyId).not.toBe(lost.body.keyId);
      expect((await call(t.app, 'GET', '/v1/me', { key: lost.body.apiKey })).status).toBe(401);
      expect((await call(t.app, 'GET', '/v1/me', { key: retried.body.apiKey })).status).toBe(200);
      const detail = await call(t.app, 'GET', `/v1/people/${person.id}`, { key: world.admin });
      expect(detail.body.keys).toMatchObject([
        { id: lost.body.keyId, revokedAt: expect.any(String) },
        { id: retried.body.keyId },
      ]);
      expect((detail.body.invitations as Json[])[0]).toMatchObject({
        keyId: retried.body.keyId,
        reissuedAt: expect.any(String),
      });
      expect(detail.body.invitations as Json[]).not.toContainEqual(
        expect.objectContaining({ attemptHash: expect.anything() }),
      );
    });

    it('gives a person a key per device: a phone and a laptop, each from its own invitation', async () => {
      const person = await addPerson(t, world.admin, {
        displayName: 'Bopha',
        role: 'logistics',
        scope: { shelterIds: ['shelter-a'] },
      });
      const phone = await accept(t, (await invite(t, world.admin, person.id)).code, { label: 'Phone' });
      const laptop = await accept(t, (await invite(t, world.admin, person.id)).code, { label: 'Laptop' });

      expect([phone.status, laptop.status]).toEqual([200, 200]);
      expect(phone.body.keyId).not.toBe(laptop.body.keyId);
      for (const key of [phone.body.apiKey, laptop.body.apiKey]) {
        const stock = await call(t.app, 'GET', '/v1/stock?shelterId=shelter-a', { key });
        expect(stock.status).toBe(200);
      }
      const detail = await call(t.app, 'GET', `/v1/people/${person.id}`, { key: world.admin });
      expect((detail.body.keys as Json[]).map((key) => key.label)).toEqual(['Phone', 'Laptop']);
    });

    it('notes when a person was last seen, on the person and on the key they used', async () => {
      const { person, apiKey, keyId } = await personWithKey(t, world.admin, {
        displayName: 'Kosal',
        role: 'volunteer',
        scope: { pickupPointIds: ['pp-a1'] },
      });
      t.deps.keyCache.forget(keyId);

      await call(t.app, 'GET', '/v1/me', { key: apiKey });

      const detail = await call(t.app, 'GET', `/v1/people/${person.id}`, { key: world.admin });
      expect(detail.body.lastSeenAt).toEqual(expect.any(String));
      expect((detail.body.keys as Json[])[0]?.lastSeenAt).toBe(detail.body.lastSeenAt);
    });
  });

  describe('machine keys', () => {
    it('reads keys stored before people existed as machine keys, which still work and name no person', async () => {
      const { keyId, apiKey, secretHash } = issueSecret();
      // A key record exactly as it was stored before issue 22: no kind, no person.
      await t.table.doc.send(
        new PutCommand({
          TableName: t.table.tableName,
          Item: {
            pk: `KEY#${keyId}`,
            sk: 'META',
            gsi1pk: 'ORG#org-a#KEYS',
            gsi1sk: keyId,
            id: keyId,
            secretHash,
            role: 'logistics',
            orgId: 'org-a',
            scope: { shelterIds: '*', pickupPointIds: [] },
            label: 'Partner stock system',
            createdAt: '2026-11-01T00:00:00.000Z',
            createdBy: 'cli-bootstrap',
          },
        }),
      );

      const me = await call(t.app, 'GET', '/v1/me', { key: apiKey });
      const made = await call(t.app, 'POST', '/v1/api-keys', {
        key: world.admin,
        body: { role: 'coordinator', orgId: 'org-a', label: 'Partner CRM', scope: { shelterIds: '*' } },
      });

      expect(me.status).toBe(200);
      expect(me.body).not.toHaveProperty('personId');
      expect(await t.deps.stores.apiKeys.get(keyId)).toMatchObject({ kind: 'machine' });
      expect(made.body).toMatchObject({ kind: 'machine' });
      expect(made.body).not.toHaveProperty('personId');
    });
  });

  describe('GET /v1/people and PATCH /v1/people/{id}', () => {
    it('lists people by organisation, filtered by role and status, naming who added them', async () => {
      const mine = await personWithKey(t, world.admin, {
        displayName: 'Nary (office)',
        role: 'admin',
      });
      const added = await addPerson(t, mine.apiKey, {
        displayName: 'Pisey',
        role: 'volunteer',
        scope: { pickupPointIds: ['pp-a2'] },
      });

      const list = await call(t.app, 'GET', '/v1/people?role=volunteer&status=invited&limit=200', {
        key: world.admin,
      });

      expect(list.status).toBe(200);
      const items = list.body.items as Json[];
      expect(items.every((p) => p.role === 'volunteer' && p.status === 'invited')).toBe(true);
      expect(items.find((p) => p.id === added.id)).toMatchObject({
        createdByPersonId: mine.person.id,
        createdByName: 'Nary (office)',
      });
    });

    it('renames a person, and a new scope reaches every key of theirs at once', async () => {
      const { person, apiKey } = await personWithKey(t, world.admin, {
        displayName: 'Samnang',
        role: 'volunteer',
        scope: { pickupPointIds: ['pp-a1'] },
      });

      const changed = await call(t.app, 'PATCH', `/v1/people/${person.id}`, {
        key: world.admin,
        body: { displayName: 'Samnang (hall)', scope: { pickupPointIds: ['pp-a2'] } },
      });

      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        displayName: 'Samnang (hall)',
        scope: { pickupPointIds: ['pp-a2'] },
        version: 2,
        updatedBy: keyIdOf(world.admin),
      });
      const me = await call(t.app, 'GET', '/v1/me', { key: apiKey });
      expect(me.body).toMatchObject({ displayName: 'Samnang (hall)', scope: { pickupPointIds: ['pp-a2'] } });
    });
  });

  it('makes a key from the person as they are when the link is opened, not as they were when it was made', async () => {
    const person = await addPerson(t, world.admin, {
      displayName: 'Promoted',
      role: 'volunteer',
      scope: { pickupPointIds: ['pp-a1'] },
    });
    const made = await invite(t, world.admin, person.id);
    await call(t.app, 'PATCH', `/v1/people/${person.id}`, {
      key: world.admin,
      body: { role: 'logistics', scope: { shelterIds: ['shelter-a'] } },
    });

    const accepted = await accept(t, made.code);

    expect(new URL(made.link).pathname).toBe('/scan');
    expect(accepted.body).toMatchObject({ page: '/desk', person: { role: 'logistics' } });
    const me = await call(t.app, 'GET', '/v1/me', { key: accepted.body.apiKey });
    expect(me.body).toMatchObject({ role: 'logistics', scope: { shelterIds: ['shelter-a'] } });
  });

  describe('POST /v1/people/{id}/keys/{keyId}/revoke', () => {
    it('revokes one lost phone: its key and the scanning device it registered; the person and their laptop keep working', async () => {
      const person = await addPerson(t, world.coordinatorA, {
        displayName: 'Sophal',
        role: 'volunteer',
        scope: { pickupPointIds: ['pp-a1'] },
      });
      const phone = await accept(t, (await invite(t, world.coordinatorA, person.id)).code, {
        label: 'Phone',
      });
      const laptop = await accept(t, (await invite(t, world.coordinatorA, person.id)).code, {
        label: 'Laptop',
      });
      const device = await call(t.app, 'POST', '/v1/devices', {
        key: phone.body.apiKey,
        body: { pickupPointId: 'pp-a1', label: 'Sophal’s phone' },
      });

      const revoked = await call(t.app, 'POST', `/v1/people/${person.id}/keys/${phone.body.keyId}/revoke`, {
        key: world.coordinatorA,
      });

      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({
        id: phone.body.keyId,
        label: 'Phone',
        revokedAt: expect.any(String),
      });
      expect((await call(t.app, 'GET', '/v1/me', { key: phone.body.apiKey })).status).toBe(401);
      expect((await call(t.app, 'GET', '/v1/me', { key: laptop.body.apiKey })).status).toBe(200);
      expect(await t.deps.stores.devices.get(String(device.body.id))).toMatchObject({
        status: 'revoked',
        revocationReason: 'lost-or-stolen',
      });
      const detail = await call(t.app, 'GET', `/v1/people/${person.id}`, { key: world.admin });
      expect(detail.body).toMatchObject({ status: 'active' });
    });
  });

  describe('POST /v1/people/{id}/revoke', () => {
    it('revokes the person, every key, device and open invitation of theirs at once', async () => {
      const { person, apiKey } = await personWithKey(t, world.coordinatorA, {
        displayName: 'Leakhena',
        role: 'volunteer',
        scope: { pickupPointIds: ['pp-a1'] },
      });
      const device = await call(t.app, 'POST', '/v1/devices', {
        key: apiKey,
        body: { pickupPointId: 'pp-a1', label: 'Her phone' },
      });
      expect(device.body).toMatchObject({ personId: person.id, keyId: expect.any(String) });
      const open = await invite(t, world.coordinatorA, person.id);

      const revoked = await call(t.app, 'POST', `/v1/people/${person.id}/revoke`, {
        key: world.coordinatorA,
      });

      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({
        status: 'revoked',
        revokedAt: expect.any(String),
        revokedBy: keyIdOf(world.coordinatorA),
      });
      expect((await call(t.app, 'GET', '/v1/me', { key: apiKey })).status).toBe(401);
      const detail = await call(t.app, 'GET', `/v1/people/${person.id}`, { key: world.admin });
      expect(detail.body).toMatchObject({
        keys: [{ revokedAt: revoked.body.revokedAt }],
        devices: [{ id: device.body.id, status: 'revoked', revokedAt: revoked.body.revokedAt }],
      });
      expect((detail.body.invitations as Json[]).find((i) => i.id === open.id)).toMatchObject({
        status: 'revoked',
      });
      const stored = await t.deps.stores.devices.get(String(device.body.id));
      expect(stored?.revocationReason).toBe('person-revoked');
    });
  });
});
