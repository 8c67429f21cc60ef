import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { ulid } from 'ulid';
import { startLocalServer } from '../functions/local-server.js';
import { offlineRecordHmac } from '../shared/auth/offline-record-hmac.js';
import { CapacityMeter, type Priced } from './lib/capacity-meter.js';
import type { BenchEnvironment } from './lib/environment.js';
import { benchLines } from './lib/environment.js';

export interface CapacityRow {
  operation: string;
  requests: number;
  calls: string;
  computedWcu: number;
  computedRcu: number;
  reportedWcu: number;
  reportedRcu: number;
  minimumWcu: number;
  minimumRcu: number;
  minimumNote: string;
}

async function post(
  baseUrl: string,
  path: string,
  key: string,
  body: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': 'application/json',
      'idempotency-key': crypto.randomUUID(),
    },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/**
 * (d) Units per operation, priced from the item sizes actually read and written (DynamoDB's
 * rules) and as DynamoDB Local reports them, beside the least this table design allows. Keys are
 * warm in the API's cache first, as they are in steady use.
 */
export async function measureCapacity(env: BenchEnvironment): Promise<CapacityRow[]> {
  // In this process, so that the meter sees every call the API makes (latency does not matter here).
  const meter = new CapacityMeter(env.table.doc, env.db.endpoint, env.table.tableName);
  const server = await startLocalServer(env.deps, 0);
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const warmup = await post(baseUrl, '/v1/vouchers', env.keys.coordinator, {
    shelterId: 'bench-a',
    beneficiaryRef: 'W',
    householdSize: 1,
    lines: benchLines,
  });
  await post(baseUrl, '/v1/redemptions', env.keys.volunteer, { token: warmup.token, pickupPointId: 'pp-1' });
  await fetch(`${baseUrl}/v1/stock?shelterId=bench-a`, {
    headers: { authorization: `Bearer ${env.keys.logistics}` },
  });

  const measure = async (
    operation: string,
    run: () => Promise<unknown>,
  ): Promise<Priced & { operation: string }> => {
    meter.reset();
    await run();
    // A copy: the meter keeps counting into its own list until the next reset.
    return { operation, ...meter.priced, calls: [...meter.priced.calls] };
  };
  let token = '';
  const issue = await measure('issue a 3-line voucher', async () => {
    token = String(
      (
        await post(baseUrl, '/v1/vouchers', env.keys.coordinator, {
          shelterId: 'bench-a',
          beneficiaryRef: 'CU',
          householdSize: 2,
          lines: benchLines,
        })
      ).token,
    );
  });
  const redeem = await measure('redeem a 3-line voucher', () =>
    post(baseUrl, '/v1/redemptions', env.keys.volunteer, { token, pickupPointId: 'pp-1' }),
  );
  const receipt = await measure('receipt of 3 items', () =>
    post(baseUrl, '/v1/shelters/bench-a/receipts', env.keys.logistics, {
      source: 'capacity',
      lines: benchLines,
    }),
  );
  const overview = await measure('stock overview (1 shelter x 3 items)', () =>
    fetch(`${baseUrl}/v1/stock?shelterId=bench-a`, {
      headers: { authorization: `Bearer ${env.keys.logistics}` },
    }).then((r) => r.arrayBuffer()),
  );
  const [syncPerRecord, syncAgainPerRecord] = await measureSyncPerRecord(baseUrl, env, measure);
  const minimums: Record<string, [number, number, string]> = {
    [issue.operation]: [
      12,
      0,
      'voucher + code + 3 balances in one transaction (2 x 5) + voucher entries in gsi1 and gsi2',
    ],
    [redeem.operation]: [
      12,
      1,
      'voucher + 3 balances + ledger entry in one transaction (2 x 5) + gsi1 update + gsi2 removal; 1 voucher read',
    ],
    [receipt.operation]: [8, 0, '3 balances + ledger entry in one transaction (2 x 4)'],
    [overview.operation]: [0, 0.5, 'one eventually consistent Query of 3 small balances'],
    [syncPerRecord.operation]: [12, 1, syncMinimum],
    [syncAgainPerRecord.operation]: [12, 1, syncMinimum],
  };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return [issue, redeem, syncPerRecord, syncAgainPerRecord, receipt, overview].map((p) => {
    const [minimumWcu, minimumRcu, minimumNote] = minimums[p.operation] ?? [0, 0, ''];
    return {
      operation: p.operation,
      requests: p.requests,
      calls: summarizeCalls(p.calls),
      computedWcu: p.computedWcu,
      computedRcu: p.computedRcu,
      reportedWcu: p.reportedWcu,
      reportedRcu: p.reportedRcu,
      minimumWcu,
      minimumRcu,
      minimumNote,
    };
  });
}

/** `GetItem, TransactWriteItems x20`: each call once, in the order first made, with its count. */
function summarizeCalls(calls: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(call, (counts.get(call) ?? 0) + 1);
  return [...counts].map(([call, n]) => (n === 1 ? call : `${call} x${n}`)).join(', ');
}

const SYNCED_RECORDS = 20;

const syncMinimum =
  'as a redemption: voucher + 3 balances + ledger entry in one transaction (2 x 5) + gsi1 update + gsi2 removal; the synced-record item takes the idempotency record’s place';

/** The operations of the two sync rows of (d), as the report finds them. */
export const SYNC_OPERATIONS = {
  first: `sync an offline record of a 3-line voucher (a phone's first sync: one call of ${SYNCED_RECORDS}, per record)`,
  again: `sync an offline record of a 3-line voucher (the same phone's next call of ${SYNCED_RECORDS}, within a minute, per record)`,
} as const;

/**
 * (d) An offline handover's cost: a phone at pp-1 takes its pack (not measured), then one sync
 * call of 20 signed records of 3-line vouchers is priced, and divided by 20: per record, against
 * one online redemption above. The call's own reads and writes (its records' stored answers, the
 * vouchers, the sequence, the device's last sync) are shared by the records of a call. Then the
 * same phone's next call of 20, a few seconds later (a refreshed pack between them, not
 * measured): the device's last sync time is kept to the minute, so that call does not write it.
 */
async function measureSyncPerRecord(
  baseUrl: string,
  env: BenchEnvironment,
  measure: (operation: string, run: () => Promise<unknown>) => Promise<Priced & { operation: string }>,
): Promise<[Priced & { operation: string }, Priced & { operation: string }]> {
  const device = await post(baseUrl, '/v1/devices', env.keys.volunteer, {
    pickupPointId: 'pp-1',
    label: 'Capacity phone',
  });
  const deviceId = String(device.id);
  const key = Buffer.from(String(device.secret), 'base64url');
  let sequence = 0;
  /** 20 vouchers issued, the phone's pack refreshed so that it holds them, and their records signed. */
  const handOver = async (batch: string) => {
    const vouchers: Array<{ id: string; lines: Array<{ itemId: string; quantity: number }> }> = [];
    for (let i = 0; i < SYNCED_RECORDS; i++) {
      const voucher = await post(baseUrl, '/v1/vouchers', env.keys.coordinator, {
        shelterId: 'bench-a',
        beneficiaryRef: `SYNC-${batch}-${i}`,
        householdSize: 2,
        lines: benchLines,
      });
      vouchers.push({ id: String(voucher.id), lines: benchLines });
    }
    const pack = await fetch(`${baseUrl}/v1/devices/${deviceId}/pack`, {
      headers: { authorization: `Bearer ${env.keys.volunteer}` },
    });
    if (pack.status !== 200) throw new Error(`pack: ${pack.status}`);
    await pack.arrayBuffer();
    return vouchers.map((voucher) => {
      const unsigned = {
        clientRedemptionId: ulid(),
        deviceId,
        voucherId: voucher.id,
        pickupPointId: 'pp-1',
        lines: voucher.lines,
        deviceTime: new Date().toISOString(),
        sequence: ++sequence,
      };
      return { ...unsigned, hmac: offlineRecordHmac(unsigned, key) };
    });
  };
  const syncOnce = (records: unknown[]) => async () => {
    const answer = await post(baseUrl, `/v1/devices/${deviceId}/sync`, env.keys.volunteer, { records });
    const results = answer.results as Array<{ outcome: string }>;
    if (results.filter((r) => r.outcome === 'redeemed').length !== SYNCED_RECORDS)
      throw new Error(`sync: ${JSON.stringify(results.slice(0, 3))}`);
  };
  const per = (priced: Priced & { operation: string }) => {
    const each = (units: number) => Math.round((units / SYNCED_RECORDS) * 100) / 100;
    return {
      ...priced,
      computedWcu: each(priced.computedWcu),
      computedRcu: each(priced.computedRcu),
      reportedWcu: each(priced.reportedWcu),
      reportedRcu: each(priced.reportedRcu),
    };
  };
  const firstRecords = await handOver('first');
  const first = await measure(SYNC_OPERATIONS.first, syncOnce(firstRecords));
  const started = Date.now();
  const nextRecords = await handOver('next');
  if (Date.now() - started > 50_000) throw new Error('the next sync came too late to be within a minute');
  const again = await measure(SYNC_OPERATIONS.again, syncOnce(nextRecords));
  return [per(first), per(again)];
}

// `npx tsx bench/capacity-units.ts`: this measure alone, against its own DynamoDB Local.
if (process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const { startBenchEnvironment } = await import('./lib/environment.js');
  const env = await startBenchEnvironment();
  try {
    for (const row of await measureCapacity(env)) {
      process.stdout.write(
        `${row.operation}: ${row.calls}; WCU computed ${row.computedWcu}, RCU computed ${row.computedRcu}; reported ${row.reportedWcu} / ${row.reportedRcu}\n`,
      );
    }
  } finally {
    await env.close();
  }
}
