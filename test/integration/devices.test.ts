import { beforeAll, describe, expect, it } from 'vitest';
import { openDeviceSecret } from '../../shared/auth/device-secret.js';
import { call } from '../support/http.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, type VoucherWorld } from '../support/voucher-fixtures.js';

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
    expect(
      openDeviceSecret(stored?.sealedSecret ?? '', id, t.deps.secrets.deviceSealKey).toString('base64url'),
    ).toBe(made.body.secret);
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
});
