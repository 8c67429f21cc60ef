import { beforeAll, describe, expect, it } from 'vitest';
import { KeyCache } from '../../shared/auth/key-cache.js';
import { call } from '../support/http.js';
import { offlineRecord, registerDevice, sync, takePack } from '../support/offline-fixtures.js';
import { personWithKey } from '../support/people-fixtures.js';
import { readLedger } from '../support/table-reads.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, issue, type VoucherWorld } from '../support/voucher-fixtures.js';

const volunteerAtA1 = (displayName: string) => ({
  displayName,
  role: 'volunteer' as const,
  scope: { pickupPointIds: ['pp-a1'] },
});

/**
 * Revoking a person (issue 22 §1): within the key cache's 30 s nothing of theirs passes anywhere;
 * what their phone recorded offline before the revocation still syncs (it happened), what it
 * recorded after becomes a conflict.
 */
describe('revoking a person', () => {
  let t: TestApp;
  let world: VoucherWorld;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildVoucherWorld(t);
  });

  it('refuses their keys at once where revoked, and on every other instance once its key cache expires (30 s)', async () => {
    let clock = Date.now();
    // Another warm instance of the API, with its own key cache, on the same table.
    const elsewhere = await createTestApp({
      table: t.table,
      deps: { keyCache: new KeyCache(30_000, () => clock), now: () => new Date(clock) },
    });
    const { person, apiKey } = await personWithKey(t, world.admin, volunteerAtA1('Sothea'));
    expect((await call(elsewhere.app, 'GET', '/v1/me', { key: apiKey })).status).toBe(200);

    const revoked = await call(t.app, 'POST', `/v1/people/${person.id}/revoke`, { key: world.admin });

    expect(revoked.status).toBe(200);
    expect((await call(t.app, 'GET', '/v1/me', { key: apiKey })).status).toBe(401);
    clock += 29_000;
    // Still cached elsewhere (the documented 30 s), yet nothing new of theirs can be made there.
    expect((await call(elsewhere.app, 'GET', '/v1/me', { key: apiKey })).status).toBe(200);
    const phone = await call(elsewhere.app, 'POST', '/v1/devices', {
      key: apiKey,
      body: { pickupPointId: 'pp-a1', label: 'New phone' },
    });
    expect(phone.status).toBe(401);
    clock += 2_000;
    for (const [method, path] of [
      ['GET', '/v1/me'],
      ['POST', '/v1/vouchers/verify'],
      ['GET', '/v1/voucher-keys'],
    ] as const) {
      const after = await call(elsewhere.app, method, path, {
        key: apiKey,
        ...(method === 'POST' ? { body: { code: 'ZZZZ-ZZZZ-Z' } } : {}),
      });
      // The public key list answers anyone; everything that needs a key refuses theirs.
      expect(after.status, path).toBe(path === '/v1/voucher-keys' ? 200 : 401);
    }
  });

  it('books the handovers their phone recorded before the revocation, and turns later ones into conflicts', async () => {
    const { person, apiKey, keyId } = await personWithKey(t, world.admin, volunteerAtA1('Makara'));
    const before = await issue(t, world.coordinator, { beneficiaryRef: 'HH-REVOKE-1' });
    const after = await issue(t, world.coordinator, { beneficiaryRef: 'HH-REVOKE-2' });
    const phone = await registerDevice(t, apiKey, 'pp-a1', 'Makara’s phone');
    const pack = await takePack(t, phone);
    expect(pack.vouchers.map((v) => v.id)).toEqual(expect.arrayContaining([before.id, after.id]));
    const handedBefore = offlineRecord(phone, before);
    await new Promise((resolve) => setTimeout(resolve, 5));

    const revoked = await call(t.app, 'POST', `/v1/people/${person.id}/revoke`, { key: world.admin });
    const handedAfter = offlineRecord(phone, after, {
      deviceTime: new Date(Date.parse(String(revoked.body.revokedAt)) + 1_000).toISOString(),
    });

    expect((await sync(t, phone, [handedBefore, handedAfter])).status).toBe(401);
    const notServing = await t.issueKey({
      role: 'volunteer',
      orgId: 'org-a',
      scope: { pickupPointIds: ['pp-a2'] },
    });
    expect((await sync(t, { ...phone, key: notServing }, [handedBefore])).status).toBe(404);
    // A colleague at the same desk carries the phone's records in (their HMAC proves where they come from).
    const synced = await sync(t, { ...phone, key: world.volunteer }, [handedBefore, handedAfter]);

    expect(synced.status).toBe(200);
    expect(synced.body.results).toMatchObject([
      { sequence: handedBefore.sequence, outcome: 'redeemed' },
      { sequence: handedAfter.sequence, outcome: 'conflict', reason: 'device-revoked' },
    ]);
    const ledger = await readLedger(t.table, 'shelter-a');
    expect(ledger.find((entry) => entry.voucherId === before.id)).toMatchObject({
      type: 'distribution',
      actorKeyId: keyId,
      actorPersonId: person.id,
      deviceId: phone.id,
    });
    expect(ledger.some((entry) => entry.voucherId === after.id)).toBe(false);
    const voucher = await call(t.app, 'GET', `/v1/vouchers/${after.id}`, { key: world.coordinator });
    expect(voucher.body.status).toBe('issued');
  });

  it('still turns every late record of a phone revoked as lost into a conflict', async () => {
    const { apiKey } = await personWithKey(t, world.admin, volunteerAtA1('Pheap'));
    const voucher = await issue(t, world.coordinator, { beneficiaryRef: 'HH-REVOKE-3' });
    const phone = await registerDevice(t, apiKey, 'pp-a1', 'Lost phone');
    await takePack(t, phone);
    const handed = offlineRecord(phone, voucher);

    const lost = await call(t.app, 'POST', `/v1/devices/${phone.id}/revoke`, {
      key: world.coordinator,
      body: {},
    });
    const synced = await sync(t, phone, [handed]);

    expect(lost.body).toMatchObject({ status: 'revoked', revocationReason: 'lost-or-stolen' });
    expect(synced.body.results).toMatchObject([{ outcome: 'conflict', reason: 'device-revoked' }]);
  });

  it('finishes a revocation cut off after its first step when it is sent again, keeping its time', async () => {
    const { person, apiKey, keyId } = await personWithKey(t, world.admin, volunteerAtA1('Rachana'));
    const phone = await registerDevice(t, apiKey, 'pp-a1', 'Rachana’s phone');
    // The first attempt marked the person revoked, then the function died.
    const cut = await (await t.deps.stores.people()).revoke(person.id, new Date().toISOString(), {
      keyId: world.admin.split('_')[1] as string,
    });
    expect((await t.deps.stores.apiKeys.get(keyId))?.revokedAt).toBeUndefined();

    const again = await call(t.app, 'POST', `/v1/people/${person.id}/revoke`, { key: world.coordinator });

    expect(again.status).toBe(200);
    expect(again.body.revokedAt).toBe(cut.revokedAt);
    expect((await t.deps.stores.apiKeys.get(keyId))?.revokedAt).toBe(cut.revokedAt);
    expect(await t.deps.stores.devices.get(phone.id)).toMatchObject({
      status: 'revoked',
      revokedAt: cut.revokedAt,
      revocationReason: 'person-revoked',
    });
    expect((await call(t.app, 'GET', '/v1/me', { key: apiKey })).status).toBe(401);
  });
});
