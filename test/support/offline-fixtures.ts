import { ulid } from 'ulid';
import { offlineRecordHmac } from '../../shared/auth/offline-record-hmac.js';
import type { DevicePack } from '../../shared/domain/device-pack.js';
import type { OfflineRecord, SyncResponse } from '../../shared/domain/offline-sync.js';
import { type CallResult, call } from './http.js';
import type { TestApp } from './test-app.js';
import { standardLines } from './voucher-fixtures.js';

/** A registered device as a phone keeps it: its id, its secret, and its next sequence number. */
export interface TestDevice {
  id: string;
  secret: string;
  key: string;
  pickupPointId: string;
  next: number;
}

export async function registerDevice(
  t: TestApp,
  key: string,
  pickupPointId: string,
  label: string,
): Promise<TestDevice> {
  const made = await call<{ id: string; secret: string }>(t.app, 'POST', '/v1/devices', {
    key,
    body: { pickupPointId, label },
  });
  if (made.status !== 201) throw new Error(`register: ${made.status} ${made.text}`);
  return { id: made.body.id, secret: made.body.secret, key, pickupPointId, next: 1 };
}

export async function takePack(t: TestApp, device: TestDevice, since?: string): Promise<DevicePack> {
  const query = since === undefined ? '' : `?since=${since}`;
  const result = await call<DevicePack>(t.app, 'GET', `/v1/devices/${device.id}/pack${query}`, {
    key: device.key,
  });
  if (result.status !== 200) throw new Error(`pack: ${result.status} ${result.text}`);
  return result.body;
}

/** An outbox record for a voucher, signed as the web client signs it (the next sequence number). */
export function offlineRecord(
  device: TestDevice,
  /** Without lines: the standard lines every test voucher carries (voucher-fixtures.ts). */
  voucher: { id: string; lines?: Array<{ itemId: string; quantity: number }> },
  overrides: Partial<OfflineRecord> = {},
): OfflineRecord {
  const unsigned = {
    clientRedemptionId: ulid(),
    deviceId: device.id,
    voucherId: voucher.id,
    pickupPointId: device.pickupPointId,
    lines: (voucher.lines ?? standardLines).map((line) => ({ itemId: line.itemId, quantity: line.quantity })),
    deviceTime: new Date().toISOString(),
    sequence: device.next++,
    ...overrides,
  };
  const { hmac: _ignored, ...toSign } = unsigned as OfflineRecord;
  return {
    ...toSign,
    hmac: overrides.hmac ?? offlineRecordHmac(toSign, Buffer.from(device.secret, 'base64url')),
  };
}

export function sync(
  t: TestApp,
  device: TestDevice,
  records: OfflineRecord[],
): Promise<CallResult<SyncResponse>> {
  return call<SyncResponse>(t.app, 'POST', `/v1/devices/${device.id}/sync`, {
    key: device.key,
    body: { records },
  });
}
