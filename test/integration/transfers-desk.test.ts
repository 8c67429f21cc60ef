import { beforeAll, describe, expect, it } from 'vitest';
import { transferSchema } from '../../shared/domain/transfer.js';
import { eventsFromChange } from '../../shared/events/events-from-change.js';
import { waybillUrl } from '../../shared/rules/waybill.js';
import { transferKey } from '../../shared/store/keys.js';
import { withoutKeys } from '../../shared/store/table-context.js';
import type { World } from '../support/fixtures.js';
import { call, isProblem } from '../support/http.js';
import { auditLedger } from '../support/ledger-audit.js';
import { onHandOf } from '../support/stock-fixtures.js';
import { decodeSvgQrCodes } from '../support/svg-qr.js';
import { queryPartition } from '../support/table-reads.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildTransferWorld, dispatch } from '../support/transfer-fixtures.js';

type Movement = {
  id: string;
  type: string;
  reason?: string;
  transferId?: string;
  lines: Array<{ itemId: string; quantity: number }>;
};
type Transfer = {
  id: string;
  status: string;
  vehicle?: string;
  driverNote?: string;
  receiveMovementId?: string;
  discrepancyMovementId?: string;
  discrepancies?: Array<Record<string, unknown>>;
};

/** Every ledger entry of a shelter that names a transfer, oldest first. */
async function transferEntries(t: TestApp, shelterId: string, transferId: string): Promise<Movement[]> {
  const rows = await queryPartition(t.table, `SHELTER#${shelterId}`);
  return rows
    .filter((row) => String(row.sk).startsWith('MOVE#') && row.transferId === transferId)
    .map((row) => row as unknown as Movement);
}

const sum = (entries: Movement[], itemId: string) =>
  entries
    .flatMap((m) => m.lines)
    .reduce((total, line) => (line.itemId === itemId ? total + line.quantity : total), 0);

describe('transfers on the desk: dispatch with a vehicle, a waybill, receive with reasons', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    ({ t, world } = await appWith(buildTransferWorld));
  });

  it('keeps the vehicle and the driver’s note for staff, and sends neither in an event', async () => {
    const sent = await call<Transfer>(t.app, 'POST', '/v1/transfers', {
      key: world.logistics,
      body: {
        fromShelterId: 'shelter-a',
        toShelterId: 'shelter-b',
        lines: [{ itemId: 'rice', quantity: 20 }],
        vehicle: 'Truck 2C-4417',
        driverNote: 'Back gate; call the lead on arrival.',
      },
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      vehicle: 'Truck 2C-4417',
      driverNote: 'Back gate; call the lead on arrival.',
    });
    const read = await call<Transfer>(t.app, 'GET', `/v1/transfers/${sent.body.id}`, {
      key: world.logisticsA,
    });
    expect(read.body.vehicle).toBe('Truck 2C-4417');

    const [stored] = await queryPartition(t.table, transferKey(sent.body.id).pk);
    const events = eventsFromChange({
      record: 'transfer',
      changeId: 'c-1',
      operation: 'insert',
      new: transferSchema.parse(withoutKeys(stored as Record<string, unknown>)),
    });
    expect(events.map((event) => event.type)).toEqual(['transfer.dispatched']);
    expect(JSON.stringify(events)).not.toMatch(/2C-4417|Back gate/);
  });

  it('prints a waybill whose QR code opens the receive form of the transfer on the desk', async () => {
    const sent = await call<Transfer>(t.app, 'POST', '/v1/transfers', {
      key: world.logistics,
      body: {
        fromShelterId: 'shelter-a',
        toShelterId: 'shelter-b',
        lines: [
          { itemId: 'rice', quantity: 50 },
          { itemId: 'blanket', quantity: 10 },
        ],
        vehicle: 'Van 3',
        driverNote: 'Fragile: keep the blankets dry.',
      },
    });
    const waybill = await call(t.app, 'GET', `/v1/transfers/${sent.body.id}/waybill.svg`, {
      key: world.logistics,
    });
    expect(waybill.status).toBe(200);
    expect(waybill.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(waybill.text).toMatch(/^<svg[^>]* width="210mm" height="297mm"/);
    const url = waybillUrl('http://localhost', sent.body.id);
    expect(url).toBe(`http://localhost/desk#transfer=${sent.body.id}`);
    expect(waybill.headers.get('x-waybill-url')).toBe(url);
    expect(decodeSvgQrCodes(waybill.text)).toEqual([url]);
    for (const printed of [
      'Shelter A',
      'Shelter B',
      'Van 3',
      'Fragile: keep the blankets dry.',
      'Rice',
      'Blanket',
    ])
      expect(waybill.text).toContain(printed);
    // Shelter B is confidential: its address is for admins only, on paper as on screen.
    expect(waybill.text).not.toContain('Ta Khmau');
    const forAdmin = await call(t.app, 'GET', `/v1/transfers/${sent.body.id}/waybill.svg`, {
      key: world.admin,
    });
    expect(forAdmin.text).toContain('Street 1, Ta Khmau');
  });

  it('books what was sent arriving and the shortfall as a discrepancy, so both ends sum to what was lost', async () => {
    const sent = await dispatch(t, world.logistics, [
      { itemId: 'rice', quantity: 100 },
      { itemId: 'blanket', quantity: 10 },
    ]);
    const before = {
      rice: await onHandOf(t, 'shelter-b', 'rice'),
      blanket: await onHandOf(t, 'shelter-b', 'blanket'),
    };
    const received = await call<Transfer>(t.app, 'POST', `/v1/transfers/${sent.body.id}/receive`, {
      key: world.logistics,
      body: {
        lines: [
          { itemId: 'rice', quantity: 92, reason: 'damaged', note: 'two sacks wet' },
          { itemId: 'blanket', quantity: 10 },
        ],
      },
    });
    expect(received.status).toBe(200);
    expect(received.body.discrepancies).toEqual([
      { itemId: 'rice', sent: 100, received: 92, difference: -8, reason: 'damaged', note: 'two sacks wet' },
    ]);
    expect(await onHandOf(t, 'shelter-b', 'rice')).toBe(before.rice + 92);
    expect(await onHandOf(t, 'shelter-b', 'blanket')).toBe(before.blanket + 10);

    const id = String(sent.body.id);
    const atB = await transferEntries(t, 'shelter-b', id);
    expect(atB.map((m) => [m.type, m.reason ?? null, m.lines.map((l) => [l.itemId, l.quantity])])).toEqual([
      [
        'transfer_in',
        null,
        [
          ['rice', 100],
          ['blanket', 10],
        ],
      ],
      ['adjustment', 'transfer-discrepancy', [['rice', -8]]],
    ]);
    expect(atB.map((m) => m.id)).toEqual([
      received.body.receiveMovementId,
      received.body.discrepancyMovementId,
    ]);
    // Conservation: what left A and what entered B cancel out; the 8 kg lost is the one adjustment.
    const atA = await transferEntries(t, 'shelter-a', id);
    const moved = [...atA, ...atB].filter((m) => m.type !== 'adjustment');
    expect(sum(moved, 'rice')).toBe(0);
    expect(sum(moved, 'blanket')).toBe(0);
    expect(sum([...atA, ...atB], 'rice')).toBe(-8);
    const audit = await auditLedger(t.table, ['shelter-a', 'shelter-b']);
    expect(audit.mismatches).toEqual([]);
    expect(audit.negatives).toEqual([]);

    // The event says why (a word from the list), never the lead's note.
    const [stored] = await queryPartition(t.table, transferKey(id).pk);
    const [event] = eventsFromChange({
      record: 'transfer',
      changeId: 'c-2',
      operation: 'modify',
      old: {
        ...transferSchema.parse(withoutKeys(stored as Record<string, unknown>)),
        status: 'in_transit',
      } as never,
      new: transferSchema.parse(withoutKeys(stored as Record<string, unknown>)),
    });
    expect(event).toMatchObject({
      type: 'transfer.received',
      data: {
        discrepancies: [{ itemId: 'rice', sent: 100, received: 92, difference: -8, reason: 'damaged' }],
      },
    });
    expect(JSON.stringify(event)).not.toContain('two sacks wet');

    const entry = await call<Movement>(
      t.app,
      'GET',
      `/v1/shelters/shelter-b/movements/${received.body.discrepancyMovementId}`,
      {
        key: world.logistics,
      },
    );
    expect(entry.body).toMatchObject({ type: 'adjustment', reason: 'transfer-discrepancy', transferId: id });
  });

  it('books nothing but the arrival when everything sent arrived', async () => {
    const sent = await dispatch(t, world.logistics, [{ itemId: 'rice', quantity: 5 }]);
    const received = await call<Transfer>(t.app, 'POST', `/v1/transfers/${sent.body.id}/receive`, {
      key: world.logistics,
      body: { lines: [{ itemId: 'rice', quantity: 5 }] },
    });
    expect(received.body.discrepancies).toEqual([]);
    expect(received.body).not.toHaveProperty('discrepancyMovementId');
    expect((await transferEntries(t, 'shelter-b', String(sent.body.id))).map((m) => m.type)).toEqual([
      'transfer_in',
    ]);
  });

  it('lists stock in transit at both ends: outgoing at the sender, incoming at the receiver', async () => {
    const sent = await dispatch(t, world.logistics, [{ itemId: 'blanket', quantity: 1 }]);
    type Listed = { items: Array<{ id: string; status: string }> };
    const outgoing = await call<Listed>(
      t.app,
      'GET',
      '/v1/transfers?shelterId=shelter-a&direction=outgoing&status=in_transit',
      {
        key: world.logisticsA,
      },
    );
    const incoming = await call<Listed>(
      t.app,
      'GET',
      '/v1/transfers?shelterId=shelter-b&direction=incoming&status=in_transit',
      {
        key: world.logistics,
      },
    );
    expect(outgoing.body.items.map((tr) => tr.id)).toContain(sent.body.id);
    expect(incoming.body.items.map((tr) => tr.id)).toContain(sent.body.id);
  });
});

describe('receiving a transfer: reasons for what differs', () => {
  let t: TestApp;
  let world: World;
  const receive = (id: unknown, lines: unknown) =>
    call(t.app, 'POST', `/v1/transfers/${String(id)}/receive`, { key: world.logistics, body: { lines } });

  beforeAll(async () => {
    ({ t, world } = await appWith(buildTransferWorld));
  });

  it('refuses a line that differs without a reason, naming it, and books nothing', async () => {
    const sent = await dispatch(t, world.logistics, [
      { itemId: 'rice', quantity: 30 },
      { itemId: 'blanket', quantity: 4 },
    ]);
    const result = await receive(sent.body.id, [
      { itemId: 'rice', quantity: 30 },
      { itemId: 'blanket', quantity: 3 },
    ]);
    expect(result.status).toBe(400);
    expect(isProblem(result)).toBe(true);
    expect(result.body.errors).toEqual([
      {
        field: 'body.lines.1.reason',
        message: '3 arrived of 4 sent: say why (damaged, lost, stolen, miscounted-at-dispatch or other)',
      },
    ]);
    expect(await onHandOf(t, 'shelter-b', 'rice')).toBe(0);
    const read = await call<Transfer>(t.app, 'GET', `/v1/transfers/${sent.body.id}`, {
      key: world.logistics,
    });
    expect(read.body.status).toBe('in_transit');
  });

  it('wants a note with reason other, and no reason on a line that matches', async () => {
    const sent = await dispatch(t, world.logistics, [
      { itemId: 'rice', quantity: 30 },
      { itemId: 'blanket', quantity: 4 },
    ]);
    const result = await receive(sent.body.id, [
      { itemId: 'rice', quantity: 30, reason: 'lost' },
      { itemId: 'blanket', quantity: 0, reason: 'other' },
    ]);
    expect(result.status).toBe(400);
    expect(result.body.errors).toEqual([
      { field: 'body.lines.0.reason', message: 'all 30 sent arrived: leave the reason and note out' },
      { field: 'body.lines.1.note', message: 'say what happened (reason other)' },
    ]);
  });

  it('keeps transfer-discrepancy for a transfer’s receipt: a hand-made adjustment may not give it', async () => {
    const result = await call(t.app, 'POST', '/v1/shelters/shelter-b/adjustments', {
      key: world.logistics,
      body: { reason: 'transfer-discrepancy', lines: [{ itemId: 'rice', quantity: 5 }] },
    });
    expect(result.status).toBe(400);
    expect((result.body.errors as Array<{ field: string }>).map((e) => e.field)).toEqual(['body.reason']);
  });

  it('refuses a reason that is not one of the list', async () => {
    const sent = await dispatch(t, world.logistics, [{ itemId: 'rice', quantity: 30 }]);
    const result = await receive(sent.body.id, [{ itemId: 'rice', quantity: 1, reason: 'eaten' }]);
    expect(result.status).toBe(400);
    expect((result.body.errors as Array<{ field: string }>).map((e) => e.field)).toEqual([
      'body.lines.0.reason',
    ]);
  });
});

describe('receiving a transfer twice at once', () => {
  let t: TestApp;
  let world: World;
  /** Three logistics keys that reach shelter B: three phones at the receiving shelter. */
  let leads: string[];

  beforeAll(async () => {
    ({ t, world } = await appWith(buildTransferWorld));
    leads = [
      world.logistics,
      await t.createKey('logistics', 'org-a', { shelterIds: ['shelter-b'] }),
      await t.createKey('logistics', 'org-b', { shelterIds: ['shelter-b'] }),
    ];
  });

  it('posts once when three leads receive it at the same moment: one 200, the others 409', async () => {
    for (let round = 0; round < 5; round++) {
      const sent = await dispatch(t, world.logistics, [{ itemId: 'rice', quantity: 10 }]);
      const before = await onHandOf(t, 'shelter-b', 'rice');
      const body = { lines: [{ itemId: 'rice', quantity: 9, reason: 'lost' }] };
      const results = await Promise.all(
        leads.map((key) => call(t.app, 'POST', `/v1/transfers/${sent.body.id}/receive`, { key, body })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const refused = results.filter((r) => r.status === 409);
      for (const r of refused)
        expect(r.body).toMatchObject({ transferId: sent.body.id, receivedAt: expect.any(String) });
      expect(await onHandOf(t, 'shelter-b', 'rice')).toBe(before + 9);
      expect((await transferEntries(t, 'shelter-b', String(sent.body.id))).length).toBe(2);
    }
    const audit = await auditLedger(t.table, ['shelter-a', 'shelter-b']);
    expect(audit.mismatches).toEqual([]);
  });

  it('posts once when one receipt is sent twice at once with one Idempotency-Key, and answers the retry as the first', async () => {
    const sent = await dispatch(t, world.logistics, [{ itemId: 'blanket', quantity: 6 }]);
    const before = await onHandOf(t, 'shelter-b', 'blanket');
    const request = {
      key: world.logistics,
      headers: { 'idempotency-key': `receive-${String(sent.body.id)}` },
      body: { lines: [{ itemId: 'blanket', quantity: 5, reason: 'stolen' }] },
    };
    const both = await Promise.all([
      call(t.app, 'POST', `/v1/transfers/${sent.body.id}/receive`, request),
      call(t.app, 'POST', `/v1/transfers/${sent.body.id}/receive`, request),
    ]);
    // The second either waited for nothing (409: the first still holds the key) or was replayed.
    const statuses = both.map((r) => r.status).sort();
    expect([
      [200, 200],
      [200, 409],
    ]).toContainEqual(statuses);
    const retry = await call(t.app, 'POST', `/v1/transfers/${sent.body.id}/receive`, request);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.text).toBe(both.find((r) => r.status === 200)?.text);
    expect(await onHandOf(t, 'shelter-b', 'blanket')).toBe(before + 5);
    expect((await transferEntries(t, 'shelter-b', String(sent.body.id))).length).toBe(2);
  });
});

describe('transfers on the desk: who may', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    ({ t, world } = await appWith(buildTransferWorld));
    await call(t.app, 'POST', '/v1/shelters', {
      key: world.admin,
      body: { id: 'shelter-c', name: 'Shelter C', province: 'Takeo', capacity: 10, population: 10 },
    });
  });

  it('prints the waybill for keys of either end only; to others the transfer does not exist', async () => {
    const sent = await dispatch(t, world.logistics, [{ itemId: 'rice', quantity: 1 }]);
    const path = `/v1/transfers/${sent.body.id}/waybill.svg`;
    const logisticsC = await t.createKey('logistics', 'org-a', { shelterIds: ['shelter-c'] });
    expect((await call(t.app, 'GET', path, { key: world.logisticsA })).status).toBe(200);
    expect((await call(t.app, 'GET', path, { key: logisticsC })).status).toBe(404);
    expect((await call(t.app, 'GET', path, { key: world.coordinator })).status).toBe(403);
    expect(
      (await call(t.app, 'GET', '/v1/transfers/tr-none/waybill.svg', { key: world.logistics })).status,
    ).toBe(404);
  });
});
