import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStoredDeviceSecret, sealDeviceSecret } from '../../shared/auth/device-secret.js';
import { deviceKey } from '../../shared/store/keys.js';
import { call } from '../support/http.js';
import { offlineRecord, registerDevice, sync } from '../support/offline-fixtures.js';
import { queryPartition } from '../support/table-reads.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, issue, type VoucherWorld } from '../support/voucher-fixtures.js';

describe('devices', () => {
  let t: TestApp;
  let world: VoucherWorld;
  beforeAll(async () => {
    ({ t, world } = await appWith(buildVoucherWorld));
  });

  it('registers once with a secret shown once and stored only sealed; lists, signs off, revokes', async () => {
    const made = await call<Record<string, string>>(t.app, 'POST', '/v1/devices', {
      key: world.volunteer,
      headers: { 'idempotency-key': 'dev-1' },
      body: { pickupPointId: 'pp-a1', label: 'Desk 2 phone' },
    });
    expect(made.status).toBe(201);
    const id = made.body.id ?? '';
    expect(Buffer.from(made.body.secret ?? '', 'base64url')).toHaveLength(32);
    const stored = await t.deps.stores.devices.get(id);
    expect(JSON.stringify(stored)).not.toContain(made.body.secret);
    // Sealed as webhook signing secrets are, bound to this device.
    expect(stored?.sealedSecret).toMatch(/^sl1\./);
    const keys = { sealer: t.deps.sealer, legacyKey: t.deps.secrets.deviceSealKey };
    expect((await openStoredDeviceSecret(stored?.sealedSecret ?? '', id, keys)).toString('base64url')).toBe(
      made.body.secret,
    );
    await expect(openStoredDeviceSecret(stored?.sealedSecret ?? '', 'dev_other', keys)).rejects.toThrow();
    const listed = await call(t.app, 'GET', '/v1/devices?shelterId=shelter-a', { key: world.logistics });
    expect(listed.status).toBe(200);
    expect(listed.text).not.toContain(made.body.secret);
    expect(listed.text).not.toContain('sealedSecret');
    const off = await call(t.app, 'POST', `/v1/devices/${id}/sign-off`, {
      key: world.volunteer,
      headers: { 'idempotency-key': 'dev-off' },
      body: {},
    });
    expect(off.body.status).toBe('signed-off');
    const revoked = await call(t.app, 'POST', `/v1/devices/${id}/revoke`, {
      key: world.coordinatorA,
      headers: { 'idempotency-key': 'dev-rev' },
      body: {},
    });
    expect(revoked.body.status).toBe('revoked');
  });

  it('refuses a pickup point outside the key and another key acting on the device', async () => {
    const outside = await call(t.app, 'POST', '/v1/devices', {
      key: world.volunteer,
      headers: { 'idempotency-key': 'dev-2' },
      body: { pickupPointId: 'pp-a2', label: 'x' },
    });
    expect(outside.status).toBe(403);
  });

  it('shelters take offlineMode and offlineWindowHours, with defaults', async () => {
    const before = await call(t.app, 'GET', '/v1/shelters/shelter-a', { key: world.admin });
    expect(before.body).toMatchObject({ offlineMode: 'pools', offlineWindowHours: 12 });
    const patched = await call(t.app, 'PATCH', '/v1/shelters/shelter-a', {
      key: world.admin,
      body: { offlineMode: 'detect', offlineWindowHours: 6 },
    });
    expect(patched.body).toMatchObject({ offlineMode: 'detect', offlineWindowHours: 6 });
    const bad = await call(t.app, 'PATCH', '/v1/shelters/shelter-a', {
      key: world.admin,
      body: { offlineWindowHours: 99 },
    });
    expect(bad.status).toBe(400);
  });

  it('answers a retried registration with the first device and its secret, registers one, and keeps the answer sealed', async () => {
    const register = () =>
      call<Record<string, string>>(t.app, 'POST', '/v1/devices', {
        key: world.volunteer,
        headers: { 'idempotency-key': 'dev-retried' },
        body: { pickupPointId: 'pp-a1', label: 'Retried phone' },
      });
    const first = await register();
    const retry = await register();
    const listed = await call<{ items: Array<{ label: string }> }>(
      t.app,
      'GET',
      '/v1/devices?shelterId=shelter-a&limit=200',
      { key: world.logistics },
    );
    const [replayRecord] = await queryPartition(t.table, `IDEM#${world.volunteer.split('_')[1]}#dev-retried`);

    expect(first.status, first.text).toBe(201);
    expect(retry.status, retry.text).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(listed.body.items.filter((device) => device.label === 'Retried phone')).toHaveLength(1);
    expect(replayRecord).toMatchObject({ state: 'completed', sealed: true });
    expect(JSON.stringify(replayRecord)).not.toContain(first.body.secret);
  });

  it('still takes the records of a device sealed before issue 24, and seals its secret anew at that sync', async () => {
    const device = await registerDevice(t, world.volunteer, 'pp-a1', 'Old phone');
    // As registered before: AES-256-GCM under the key derived from the pseudonymisation key.
    const legacy = sealDeviceSecret(device.secret, device.id, t.deps.secrets.deviceSealKey);
    await t.table.doc.send(
      new UpdateCommand({
        TableName: t.table.tableName,
        Key: deviceKey(device.id),
        UpdateExpression: 'SET sealedSecret = :legacy',
        ExpressionAttributeValues: { ':legacy': legacy },
      }),
    );
    const voucher = await issue(t, world.coordinator);

    const synced = await sync(t, device, [offlineRecord(device, voucher)]);
    const stored = await t.deps.stores.devices.get(device.id);

    expect(synced.status, synced.text).toBe(200);
    expect(synced.body.results[0]).toMatchObject({ outcome: 'redeemed' });
    expect(stored?.sealedSecret).toMatch(/^sl1\./);
    const keys = { sealer: t.deps.sealer, legacyKey: t.deps.secrets.deviceSealKey };
    expect(
      (await openStoredDeviceSecret(stored?.sealedSecret ?? '', device.id, keys)).toString('base64url'),
    ).toBe(device.secret);
  });

  it('lets a coordinator revoke only its own organisation’s phones; a partner’s are revoked by an admin or the shelter’s logistics lead', async () => {
    const revoke = (key: string, deviceId: string) =>
      call(t.app, 'POST', `/v1/devices/${deviceId}/revoke`, { key, body: {} });
    const phone = await registerDevice(t, world.volunteer, 'pp-a1', 'Org A desk');
    const another = await registerDevice(t, world.volunteer, 'pp-a1', 'Org A desk 2');
    const logisticsOfOrgB = await t.createKey('logistics', 'org-b', { shelterIds: ['shelter-a'] });

    const byPartner = await revoke(world.otherOrgCoordinator, phone.id);
    const stillActive = await t.deps.stores.devices.get(phone.id);
    const byLogistics = await revoke(logisticsOfOrgB, phone.id);
    const byAdmin = await revoke(world.admin, another.id);

    expect(byPartner.status).toBe(403);
    expect(byPartner.body.detail).toMatch(/own organisation's devices.*admin.*logistics lead/);
    expect(stillActive?.status).toBe('active');
    expect(byLogistics.status, byLogistics.text).toBe(200);
    expect(byLogistics.body).toMatchObject({ status: 'revoked' });
    expect(byAdmin.body).toMatchObject({ status: 'revoked' });
  });
});
