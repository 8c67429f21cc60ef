// (g) Offline distribution: the size of a 5,000-voucher pack, and 500 offline records synced in
// one call against 500 online redemptions. Runnable alone: `npx tsx bench/offline.ts`.
import { gzipSync } from 'node:zlib';
import { ulid } from 'ulid';
import { offlineRecordHmac } from '../shared/auth/offline-record-hmac.js';
import type { DevicePack } from '../shared/domain/device-pack.js';
import type { SyncResponse } from '../shared/domain/offline-sync.js';
import { createPickupPoint } from '../shared/usecases/create-pickup-point.js';
import { createShelter } from '../shared/usecases/create-shelter.js';
import { issueVoucher } from '../shared/usecases/issue-voucher.js';
import { recordReceipt } from '../shared/usecases/record-receipt.js';
import { type BenchEnvironment, benchLines } from './lib/environment.js';
import { ratio, round, runConcurrently } from './lib/stats.js';
import { apiRedemption } from './lib/vouchers.js';

export interface OfflineResult {
  vouchers: number;
  packBytes: number;
  packGzipBytes: number;
  firstPackMs: number;
  quietRefreshMs: number;
  records: number;
  syncMs: number;
  syncPerSecond: number;
  onlineMs: number;
  onlinePerSecond: number;
  ratio: number;
  redeemed: number;
}

const SHELTER = 'bench-offline';

async function seedShelter(
  env: BenchEnvironment,
  vouchers: number,
): Promise<Array<{ id: string; token: string }>> {
  const now = () => new Date();
  const actor = { keyId: 'bench' };
  const deps = { ...env.deps, now };
  await createShelter(
    {
      id: SHELTER,
      name: 'Bench offline',
      province: 'Kandal',
      capacity: 100_000,
      population: 50_000,
      confidential: false,
    },
    actor,
    deps,
  );
  await createPickupPoint({ shelterId: SHELTER, id: 'pp-off', name: 'Offline desk' }, actor, deps);
  await recordReceipt(
    {
      shelterId: SHELTER,
      source: 'bench',
      lines: [
        { itemId: 'rice', quantity: 1_000_000 },
        { itemId: 'water', quantity: 5_000_000 },
        { itemId: 'blanket', quantity: 500_000 },
      ],
    },
    { ...env.coordinator, role: 'logistics' },
    { stores: env.deps.stores, now },
  );
  const issued: Array<{ id: string; token: string }> = [];
  await runConcurrently(
    Array.from({ length: vouchers }, (_, i) => i),
    8,
    async (i) => {
      const view = await issueVoucher(
        { shelterId: SHELTER, beneficiaryRef: `OFF-${i}`, householdSize: 3, lines: benchLines },
        env.coordinator,
        env.deps,
      );
      issued.push({ id: view.id, token: view.token });
    },
  );
  return issued;
}

async function http<T>(
  env: BenchEnvironment,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; text: string; body: T }> {
  const response = await fetch(`${env.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${env.keys.volunteer}`,
      'content-type': 'application/json',
      'idempotency-key': crypto.randomUUID(),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as T };
}

/**
 * (g) One device alone at a shelter with `vouchers` issued: its first pack (every lease taken),
 * its size raw and gzipped, a quiet delta refresh; then `records` offline records (each a
 * different voucher of the pack) in one sync call, against `records` online redemptions of other
 * vouchers of the pack, one at a time over HTTP as a desk phone sends them.
 */
export async function measureOffline(
  env: BenchEnvironment,
  vouchers = 5000,
  records = 500,
): Promise<OfflineResult> {
  const issued = await seedShelter(env, vouchers);
  const device = await http<{ id: string; secret: string }>(env, 'POST', '/v1/devices', {
    pickupPointId: 'pp-off',
    label: 'Bench phone',
  });
  if (device.status !== 201) throw new Error(`register: ${device.status} ${device.text}`);
  const { id, secret } = device.body;

  let started = performance.now();
  const pack = await http<DevicePack>(env, 'GET', `/v1/devices/${id}/pack`);
  const firstPackMs = performance.now() - started;
  if (pack.status !== 200 || pack.body.vouchers.length !== vouchers)
    throw new Error(`pack: ${pack.status}, ${pack.body.vouchers?.length} vouchers`);
  started = performance.now();
  const quiet = await http<DevicePack>(env, 'GET', `/v1/devices/${id}/pack?since=${pack.body.cursor}`);
  const quietRefreshMs = performance.now() - started;
  if (quiet.status !== 200) throw new Error(`refresh: ${quiet.status}`);

  const key = Buffer.from(secret, 'base64url');
  const offline = pack.body.vouchers.slice(0, records).map((voucher, i) => {
    const unsigned = {
      clientRedemptionId: ulid(),
      deviceId: id,
      voucherId: voucher.id,
      pickupPointId: 'pp-off',
      lines: voucher.lines,
      deviceTime: new Date().toISOString(),
      sequence: i + 1,
    };
    return { ...unsigned, hmac: offlineRecordHmac(unsigned, key) };
  });
  started = performance.now();
  const synced = await http<SyncResponse>(env, 'POST', `/v1/devices/${id}/sync`, { records: offline });
  const syncMs = performance.now() - started;
  if (synced.status !== 200) throw new Error(`sync: ${synced.status} ${synced.text.slice(0, 200)}`);
  const redeemed = synced.body.results.filter((r) => r.outcome === 'redeemed').length;

  const offlineIds = new Set(offline.map((r) => r.voucherId));
  const online = issued.filter((v) => !offlineIds.has(v.id)).slice(0, records);
  const failures: number[] = [];
  const onlineMs = await runConcurrently(online, 1, async (voucher) => {
    const status = await apiRedemption(env.baseUrl, env.keys.volunteer, voucher.token, 'pp-off');
    if (status !== 200) failures.push(status);
  });
  if (failures.length > 0) throw new Error(`online redemptions failed: ${failures.slice(0, 5).join(', ')}`);

  const syncPerSecond = round(records / (syncMs / 1000), 1);
  const onlinePerSecond = round(records / (onlineMs / 1000), 1);
  return {
    vouchers,
    packBytes: Buffer.byteLength(pack.text),
    packGzipBytes: gzipSync(pack.text).length,
    firstPackMs: round(firstPackMs, 0),
    quietRefreshMs: round(quietRefreshMs, 0),
    records,
    syncMs: round(syncMs, 0),
    syncPerSecond,
    onlineMs: round(onlineMs, 0),
    onlinePerSecond,
    ratio: ratio(syncPerSecond, onlinePerSecond),
    redeemed,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { startBenchEnvironment } = await import('./lib/environment.js');
  const env = await startBenchEnvironment();
  try {
    process.stdout.write(`${JSON.stringify(await measureOffline(env), null, 2)}\n`);
  } finally {
    await env.close();
  }
}
