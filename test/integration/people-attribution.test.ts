import { beforeAll, describe, expect, it, vi } from 'vitest';
import { call } from '../support/http.js';
import { offlineRecord, registerDevice, sync, takePack } from '../support/offline-fixtures.js';
import { personWithKey } from '../support/people-fixtures.js';
import { createOpenRound, householdCsv, sendHouseholds } from '../support/round-fixtures.js';
import { readLedger, readRecord } from '../support/table-reads.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, issue, type VoucherWorld } from '../support/voucher-fixtures.js';

type Json = Record<string, unknown>;

/**
 * Every action names its person (issue 22 §1): the API gives `personId` beside `keyId`, and
 * listings and exports the person's display name, read in one batch, never per record. A
 * machine key's actions name the key alone.
 */
describe('what people do is attributed to them', () => {
  let t: TestApp;
  let world: VoucherWorld;
  let lead: { personId: string; apiKey: string; keyId: string };
  let volunteer: { personId: string; apiKey: string; keyId: string };
  let sokha: { personId: string; apiKey: string; keyId: string };
  let sokhaLaptop: string;
  let dara: { personId: string; apiKey: string; keyId: string };

  const asPerson = async (body: Parameters<typeof personWithKey>[2]) => {
    const made = await personWithKey(t, world.admin, body);
    return { personId: made.person.id, apiKey: made.apiKey, keyId: made.keyId };
  };

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildVoucherWorld(t);
    lead = await asPerson({ displayName: 'Bora (stores)', role: 'logistics', scope: { shelterIds: '*' } });
    volunteer = await asPerson({
      displayName: 'Nita (gate)',
      role: 'volunteer',
      scope: { pickupPointIds: ['pp-a1'] },
    });
    sokha = await asPerson({ displayName: 'Sokha', role: 'coordinator', scope: { shelterIds: '*' } });
    dara = await asPerson({ displayName: 'Dara', role: 'coordinator', scope: { shelterIds: '*' } });
    const second = await call(t.app, 'POST', `/v1/people/${sokha.personId}/invitations`, {
      key: world.admin,
    });
    const laptop = await call(t.app, 'POST', '/v1/invitations/accept', {
      body: { code: new URL(String(second.body.link)).hash.slice('#invite='.length), label: 'Laptop' },
    });
    sokhaLaptop = String(laptop.body.apiKey);
  });

  it('names the person beside the key on receipts, counts and adjustments, and lists their display name', async () => {
    const receipt = await call(t.app, 'POST', '/v1/shelters/shelter-a/receipts', {
      key: lead.apiKey,
      body: { source: 'WFP', lines: [{ itemId: 'rice', quantity: 10 }] },
    });
    const count = await call(t.app, 'POST', '/v1/shelters/shelter-a/counts', {
      key: lead.apiKey,
      body: { lines: [{ itemId: 'blanket', counted: 100 }] },
    });
    const byMachine = await call(t.app, 'POST', '/v1/shelters/shelter-a/adjustments', {
      key: world.logistics,
      body: { reason: 'damaged', lines: [{ itemId: 'rice', quantity: -1 }] },
    });

    expect(receipt.body).toMatchObject({ actorKeyId: lead.keyId, actorPersonId: lead.personId });
    expect(count.body).toMatchObject({ actorKeyId: lead.keyId, actorPersonId: lead.personId, warnings: [] });
    expect(byMachine.body).not.toHaveProperty('actorPersonId');
    const listed = await call(t.app, 'GET', '/v1/shelters/shelter-a/movements?order=desc&limit=3', {
      key: world.logistics,
    });
    const [adjustment, counted, received] = listed.body.items as Json[];
    expect(received).toMatchObject({
      id: receipt.body.id,
      actorPersonId: lead.personId,
      actorName: 'Bora (stores)',
    });
    expect(counted).toMatchObject({ actorName: 'Bora (stores)' });
    expect(adjustment).not.toHaveProperty('actorName');
  });

  it('reads the display names of a page of movements in one batch, however many entries name them', async () => {
    for (let i = 0; i < 5; i++) {
      await call(t.app, 'POST', '/v1/shelters/shelter-b/receipts', {
        key: i % 2 === 0 ? lead.apiKey : world.logistics,
        body: { source: `Donor ${i}`, lines: [{ itemId: 'water', quantity: 1 }] },
      });
    }
    const batches = vi.spyOn(await t.deps.stores.people(), 'getMany');
    try {
      const listed = await call(t.app, 'GET', '/v1/shelters/shelter-b/movements', { key: world.logistics });

      expect((listed.body.items as Json[]).filter((m) => m.actorName === 'Bora (stores)')).toHaveLength(3);
      expect(batches).toHaveBeenCalledTimes(1);
      expect(batches.mock.calls[0]?.[0]).toEqual([lead.personId]);
    } finally {
      batches.mockRestore();
    }
  });

  it('names the person on an online redemption, a synced one, a void and a transfer', async () => {
    const online = await issue(t, sokha.apiKey, { beneficiaryRef: 'HH-ATTR-1' });
    const offline = await issue(t, sokha.apiKey, { beneficiaryRef: 'HH-ATTR-2' });
    const voided = await issue(t, sokha.apiKey, { beneficiaryRef: 'HH-ATTR-3' });
    const phone = await registerDevice(t, volunteer.apiKey, 'pp-a1', 'Nita’s phone');
    const pack = await takePack(t, phone);

    const redeemed = await call(t.app, 'POST', '/v1/redemptions', {
      key: volunteer.apiKey,
      body: { code: online.code, pickupPointId: 'pp-a1' },
    });
    const synced = await sync(t, phone, [
      offlineRecord(phone, pack.vouchers.find((v) => v.id === offline.id) ?? offline),
    ]);
    await call(t.app, 'POST', `/v1/vouchers/${voided.id}/void`, { key: sokha.apiKey, body: {} });
    const sent = await call(t.app, 'POST', '/v1/transfers', {
      key: lead.apiKey,
      body: {
        fromShelterId: 'shelter-a',
        toShelterId: 'shelter-b',
        lines: [{ itemId: 'rice', quantity: 2 }],
      },
    });

    expect(redeemed.status).toBe(200);
    expect(synced.body.results).toMatchObject([{ outcome: 'redeemed' }]);
    const ledger = await readLedger(t.table, 'shelter-a');
    for (const voucherId of [online.id, offline.id]) {
      expect(
        ledger.find((entry) => entry.voucherId === voucherId),
        voucherId,
      ).toMatchObject({
        actorKeyId: volunteer.keyId,
        actorPersonId: volunteer.personId,
      });
      expect(await readRecord(t.table, `VOUCHER#${voucherId}`)).toMatchObject({
        redeemedBy: volunteer.keyId,
        redeemedByPersonId: volunteer.personId,
      });
    }
    expect(await readRecord(t.table, `VOUCHER#${voided.id}`)).toMatchObject({
      voidedBy: sokha.keyId,
      voidedByPersonId: sokha.personId,
    });
    expect(sent.body).toMatchObject({ dispatchedBy: lead.keyId, dispatchedByPersonId: lead.personId });
    expect(ledger.find((entry) => entry.transferId === sent.body.id)).toMatchObject({
      actorPersonId: lead.personId,
    });
  });

  it('names the person who resolved a conflict', async () => {
    const voucher = await issue(t, sokha.apiKey, { beneficiaryRef: 'HH-ATTR-4' });
    const phone = await registerDevice(t, volunteer.apiKey, 'pp-a1', 'Nita’s second phone');
    await call(t.app, 'POST', `/v1/vouchers/${voucher.id}/void`, { key: sokha.apiKey, body: {} });
    const synced = await sync(t, phone, [offlineRecord(phone, voucher)]);
    const conflictId = String(synced.body.results[0]?.conflictId);

    const resolved = await call(t.app, 'POST', `/v1/conflicts/${conflictId}/resolve`, {
      key: lead.apiKey,
      body: { outcome: 'no-goods', note: 'the household came back the next day' },
    });

    expect(resolved.body).toMatchObject({
      resolution: { resolvedBy: lead.keyId, resolvedByPersonId: lead.personId },
    });
  });

  it('lists and reads a resolved conflict with the display name of the person who resolved it (the desk shows who)', async () => {
    const phone = await registerDevice(t, volunteer.apiKey, 'pp-a1', 'Nita’s third phone');
    const conflictIds: string[] = [];
    for (const [by, ref] of [
      [lead.apiKey, 'HH-ATTR-5'],
      [world.logistics, 'HH-ATTR-6'],
    ] as const) {
      const voucher = await issue(t, sokha.apiKey, { beneficiaryRef: ref });
      await call(t.app, 'POST', `/v1/vouchers/${voucher.id}/void`, { key: sokha.apiKey, body: {} });
      const synced = await sync(t, phone, [offlineRecord(phone, voucher)]);
      const conflictId = String(synced.body.results[0]?.conflictId);
      await call(t.app, 'POST', `/v1/conflicts/${conflictId}/resolve`, {
        key: by,
        body: { outcome: 'no-goods', note: 'checked with the gate desk' },
      });
      conflictIds.push(conflictId);
    }
    const [byPerson, byMachine] = conflictIds;

    const listed = await call(t.app, 'GET', '/v1/conflicts?shelterId=shelter-a&status=resolved&limit=200', {
      key: world.logistics,
    });
    const read = await call(t.app, 'GET', `/v1/conflicts/${byPerson}`, { key: world.logistics });

    const items = listed.body.items as Array<{ id: string; resolution?: Json }>;
    expect(items.find((conflict) => conflict.id === byPerson)?.resolution).toMatchObject({
      resolvedByPersonId: lead.personId,
      resolvedByName: 'Bora (stores)',
    });
    expect(items.find((conflict) => conflict.id === byMachine)?.resolution).not.toHaveProperty(
      'resolvedByName',
    );
    expect(read.body).toMatchObject({ resolution: { resolvedByName: 'Bora (stores)' } });
    // The name is read when shown, never stored with the conflict.
    expect(await readRecord(t.table, `CONFLICT#${byPerson}`)).not.toHaveProperty('resolution.resolvedByName');
  });

  it('names who handed over a round’s vouchers in its reconciliation and its CSV: each person once, a machine key by its id, in one batch read', async () => {
    const round = await createOpenRound(t, sokha.apiKey, {
      rules: [{ itemId: 'rice', amount: 1, per: 'household' }],
    });
    const issued = await sendHouseholds(
      t,
      sokha.apiKey,
      round.id,
      householdCsv([1, 2, 3, 4].map((n) => ({ ref: `HH-HANDED-${n}`, size: 2 }))),
    );
    const codes = issued.body.results.map((result) => String(result.voucher?.code));
    const handOver = (key: string, code: string | undefined) =>
      call(t.app, 'POST', '/v1/redemptions', { key, body: { code, pickupPointId: 'pp-a1' } });
    for (const [key, code] of [
      [volunteer.apiKey, codes[0]],
      [volunteer.apiKey, codes[1]],
      [world.volunteer, codes[2]],
    ] as const) {
      expect((await handOver(key, code)).status).toBe(200);
    }
    const batches = vi.spyOn(await t.deps.stores.people(), 'getMany');
    try {
      const report = await call(t.app, 'GET', `/v1/rounds/${round.id}/reconciliation`, { key: sokha.apiKey });

      const [row] = report.body.rows as Json[];
      expect(row).toMatchObject({ itemId: 'rice', vouchersRedeemed: 3, vouchersOutstanding: 1 });
      expect(row?.redeemedBy).toEqual([
        { personId: volunteer.personId, displayName: 'Nita (gate)' },
        { keyId: expect.any(String) },
      ]);
      expect(batches).toHaveBeenCalledTimes(1);
    } finally {
      batches.mockRestore();
    }
    const csv = await call(t.app, 'GET', `/v1/rounds/${round.id}/reconciliation?format=csv`, {
      key: sokha.apiKey,
    });
    const [header, hxl, row] = csv.text.split('\r\n');
    expect(header).toMatch(/,redeemed_by,close_requested_by,close_confirmed_by$/);
    expect(hxl).toContain(',#contact +name +redeemed,');
    expect(row).toMatch(/,voucher,Nita \(gate\); key [^,]+,,$/);
    // A volunteer renamed later shows by their name now (names are read, never stored).
    await call(t.app, 'PATCH', `/v1/people/${volunteer.personId}`, {
      key: world.admin,
      body: { displayName: 'Nita (hall)' },
    });
    const renamed = await call(t.app, 'GET', `/v1/rounds/${round.id}/reconciliation?format=csv`, {
      key: sokha.apiKey,
    });
    expect(renamed.text.split('\r\n')[2]).toContain(',Nita (hall); key ');
    await call(t.app, 'PATCH', `/v1/people/${volunteer.personId}`, {
      key: world.admin,
      body: { displayName: 'Nita (gate)' },
    });
  });

  it('holds four eyes per person: one person’s second key cannot confirm their own close request', async () => {
    const round = await createOpenRound(t, sokha.apiKey, {
      rules: [{ itemId: 'rice', amount: 1, per: 'household' }],
    });
    await sendHouseholds(t, sokha.apiKey, round.id, householdCsv([{ ref: 'HH-ROUND-1', size: 3 }]));

    const asked = await call(t.app, 'POST', `/v1/rounds/${round.id}/close`, { key: sokha.apiKey });
    const ownLaptop = await call(t.app, 'POST', `/v1/rounds/${round.id}/close`, { key: sokhaLaptop });
    const confirmed = await call(t.app, 'POST', `/v1/rounds/${round.id}/close`, { key: dara.apiKey });

    expect(asked.body).toMatchObject({ closeRequest: { keyId: sokha.keyId, personId: sokha.personId } });
    expect(ownLaptop.status).toBe(409);
    expect(ownLaptop.body.detail).toContain('another of your keys');
    expect(confirmed.body).toMatchObject({
      status: 'closed',
      closedBy: dara.keyId,
      closedByPersonId: dara.personId,
    });
    const report = await call(t.app, 'GET', `/v1/rounds/${round.id}/reconciliation`, { key: sokha.apiKey });
    expect(report.body).toMatchObject({
      closeRequestedBy: { keyId: sokha.keyId, personId: sokha.personId, displayName: 'Sokha' },
      closedBy: { keyId: dara.keyId, personId: dara.personId, displayName: 'Dara' },
    });
    const csv = await call(t.app, 'GET', `/v1/rounds/${round.id}/reconciliation?format=csv`, {
      key: sokha.apiKey,
    });
    const [header, , row] = csv.text.split('\r\n');
    expect(header).toMatch(/,close_requested_by,close_confirmed_by$/);
    expect(row).toMatch(/,Sokha,Dara$/);
  });
});
