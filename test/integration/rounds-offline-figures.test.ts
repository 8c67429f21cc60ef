import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/http.js';
import { offlineRecord, registerDevice, sync, takePack } from '../support/offline-fixtures.js';
import { createOpenRound, householdCsv, sendHouseholds } from '../support/round-fixtures.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, type VoucherWorld } from '../support/voucher-fixtures.js';

let t: TestApp;
let w: VoucherWorld;

beforeAll(async () => {
  ({ t, world: w } = await appWith((app) => buildVoucherWorld(app)));
});

interface Row {
  itemId: string;
  vouchersOutstanding: number;
  vouchersVoided: number;
  vouchersHeldOffline: number;
  conflicts: number;
  conflictsOpen: number;
  agrees: boolean;
}

async function riceRow(roundId: string): Promise<Row | undefined> {
  const report = await call<{ rows: Row[] }>(t.app, 'GET', `/v1/rounds/${roundId}/reconciliation`, {
    key: w.coordinator,
  });
  expect(report.status).toBe(200);
  return report.body.rows.find((row) => row.itemId === 'rice');
}

describe('a round’s reconciliation beside offline distribution', () => {
  it('counts vouchers a phone holds and the conflicts on the round’s vouchers, open until resolved', async () => {
    const round = await createOpenRound(t, w.coordinator, {
      rules: [{ itemId: 'rice', amount: 0.4, per: 'person-day' }],
    });
    const sent = await sendHouseholds(
      t,
      w.coordinator,
      round.id,
      householdCsv([
        { ref: 'OFF-1', size: 2 },
        { ref: 'OFF-2', size: 3 },
      ]),
    );
    expect(sent.body.issued).toBe(2);
    const [kept, voided] = sent.body.results.map((result) => result.voucher?.id ?? '');

    // The only phone at shelter A takes both into its pool.
    const device = await registerDevice(t, w.volunteer, 'pp-a1', 'Round desk');
    const pack = await takePack(t, device);
    expect(pack.vouchers.map((v) => v.id)).toEqual(expect.arrayContaining([kept, voided]));
    expect(await riceRow(round.id)).toMatchObject({ vouchersOutstanding: 2, vouchersHeldOffline: 2 });

    // One is voided while the phone is offline and handed over there anyway: a conflict at sync.
    const void_ = await call(t.app, 'POST', `/v1/vouchers/${voided}/void`, {
      key: w.coordinator,
      body: { reason: 'household moved' },
    });
    expect(void_.status).toBe(200);
    const synced = await sync(t, device, [
      offlineRecord(device, { id: voided as string, lines: sent.body.results[1]?.voucher?.lines }),
    ]);
    const conflictId = synced.body.results[0]?.conflictId;
    expect(synced.body.results[0]?.outcome).toBe('conflict');
    expect(await riceRow(round.id)).toMatchObject({
      vouchersOutstanding: 1,
      vouchersVoided: 1,
      vouchersHeldOffline: 1,
      conflicts: 1,
      conflictsOpen: 1,
      agrees: true,
    });

    const resolved = await call(t.app, 'POST', `/v1/conflicts/${conflictId}/resolve`, {
      key: w.logistics,
      body: { outcome: 'no-goods', note: 'The desk confirms nothing was handed over.' },
    });
    expect(resolved.status).toBe(200);
    expect(await riceRow(round.id)).toMatchObject({ conflicts: 1, conflictsOpen: 0 });

    const csv = await call(t.app, 'GET', `/v1/rounds/${round.id}/reconciliation?format=csv`, {
      key: w.coordinator,
    });
    const [header, hxl] = csv.text.split(/\r?\n/);
    expect(header).toContain('vouchers_held_offline,conflicts');
    expect(hxl).toContain('#output +num +vouchers +offline,#output +num +conflicts');
  });
});
