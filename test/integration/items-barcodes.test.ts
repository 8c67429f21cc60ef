import { beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../support/fixtures.js';
import { buildWorld } from '../support/fixtures.js';
import { call, isProblem } from '../support/http.js';
import { decodeSvgQrCodes } from '../support/svg-qr.js';
import { appWith, type TestApp } from '../support/test-app.js';

// Valid GTINs (check digits computed as GS1 does): an EAN-13, the ITF-14 of its case, a UPC-A.
const SOAP_EACH = '8851234567898';
const SOAP_CASE = '18851234567895';
const CEREAL_UPC_A = '012345678905';

type Found = { item: { id: string; barcodes?: string[] }; matchedBy: string; gtin14?: string };

describe('items found by barcode or label: happy path', () => {
  let t: TestApp;
  let world: World;
  const lookup = (code: string, key = world.logistics) =>
    call<Found>(t.app, 'GET', `/v1/items/by-code?code=${encodeURIComponent(code)}`, { key });

  beforeAll(async () => {
    ({ t, world } = await appWith(buildWorld));
    const created = await call(t.app, 'POST', '/v1/items', {
      key: world.admin,
      body: {
        id: 'soap',
        name: 'Soap',
        nameKm: 'សាប៊ូ',
        category: 'hygiene',
        unit: 'piece',
        barcodes: [SOAP_EACH, SOAP_CASE],
        packSizes: [{ name: 'case', units: 24 }],
      },
    });
    expect(created.status).toBe(201);
  });

  it('keeps the barcodes and pack sizes an item is created with', async () => {
    const item = await call(t.app, 'GET', '/v1/items/soap', { key: world.volunteer });
    expect(item.body).toMatchObject({
      barcodes: [SOAP_EACH, SOAP_CASE],
      packSizes: [{ name: 'case', units: 24 }],
    });
  });

  it('finds the item by each of its barcodes, however the scanner or camera wrote it', async () => {
    for (const scanned of [
      SOAP_EACH, // a keyboard-wedge scanner's digits
      `]E0${SOAP_EACH}`, // with the AIM symbology identifier some scanners send first
      `(01)${SOAP_CASE}`, // a GS1-128 element string, as printed under the bars
      `01${SOAP_CASE}10LOT42`, // the same read by a scanner, with a batch number after it
      `https://id.gs1.org/01/0${SOAP_EACH}/10/ABC?x=1`, // a GS1 Digital Link QR code
    ]) {
      const found = await lookup(scanned);
      expect(found.status, scanned).toBe(200);
      expect(found.body.item.id).toBe('soap');
      expect(found.body.matchedBy).toBe('barcode');
    }
    expect((await lookup(SOAP_EACH)).body.gtin14).toBe(`0${SOAP_EACH}`);
  });

  it('treats a UPC-A and the EAN-13 or GTIN-14 of the same product as one barcode', async () => {
    const created = await call(t.app, 'POST', '/v1/items', {
      key: world.admin,
      body: { id: 'cereal', name: 'Cereal', category: 'food', unit: 'pack', barcodes: [CEREAL_UPC_A] },
    });
    expect(created.status).toBe(201);
    for (const written of [CEREAL_UPC_A, `0${CEREAL_UPC_A}`, `00${CEREAL_UPC_A}`])
      expect((await lookup(written)).body.item.id).toBe('cereal');
  });

  it('prints an item label whose QR code holds supplyline:item:<id> and nothing else, and finds the item by it', async () => {
    const label = await call(t.app, 'GET', '/v1/items/soap/label.svg', { key: world.logistics });
    expect(label.status).toBe(200);
    expect(label.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(label.headers.get('x-label-payload')).toBe('supplyline:item:soap');
    expect(label.text).toMatch(/^<svg[^>]* width="70mm" height="37mm"/);
    expect(label.text).toContain('Soap');
    expect(label.text).toContain('សាប៊ូ');
    expect(label.text).toContain('case = 24');
    const [payload] = decodeSvgQrCodes(label.text);
    expect(payload).toBe('supplyline:item:soap');

    const found = await lookup(payload as string, world.volunteer);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ item: { id: 'soap' }, matchedBy: 'item-label' });
  });

  it('prints a sheet of 24 labels of one item on an A4 page', async () => {
    const sheet = await call(t.app, 'GET', '/v1/items/rice/label.svg?layout=a4-sheet', { key: world.admin });
    expect(sheet.status).toBe(200);
    expect(sheet.text).toMatch(/^<svg[^>]* width="210mm" height="297mm"/);
    const payloads = decodeSvgQrCodes(sheet.text);
    expect(payloads).toHaveLength(24);
    expect(new Set(payloads)).toEqual(new Set(['supplyline:item:rice']));
  });

  it('moves a barcode between items: taken off the first, it is free for the second', async () => {
    const dropped = await call(t.app, 'PATCH', '/v1/items/soap', {
      key: world.logistics,
      headers: { 'idempotency-key': 'soap-barcodes-1' },
      body: { barcodes: [SOAP_CASE] },
    });
    expect(dropped.status).toBe(200);
    expect(dropped.body.barcodes).toEqual([SOAP_CASE]);
    expect((await lookup(SOAP_EACH)).status).toBe(404);

    const moved = await call(t.app, 'PATCH', '/v1/items/blanket', {
      key: world.logistics,
      headers: { 'idempotency-key': 'blanket-barcodes-1' },
      body: { barcodes: [SOAP_EACH], packSizes: [{ name: 'bale', units: 20 }] },
    });
    expect(moved.status).toBe(200);
    expect((await lookup(SOAP_EACH)).body.item.id).toBe('blanket');
    expect((await lookup(SOAP_CASE)).body.item.id).toBe('soap');
  });

  it('answers a PATCH sent again with its Idempotency-Key as it answered the first time', async () => {
    const patch = {
      key: world.admin,
      headers: { 'idempotency-key': 'rice-rename-1' },
      body: { nameKm: 'អង្ករ', dailyNeedPerPerson: 0.6 },
    };
    const first = await call(t.app, 'PATCH', '/v1/items/rice', patch);
    const again = await call(t.app, 'PATCH', '/v1/items/rice', patch);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      nameKm: 'អង្ករ',
      dailyNeedPerPerson: 0.6,
      updatedBy: expect.any(String),
    });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.text).toBe(first.text);
  });

  it('clears an optional field sent as null', async () => {
    const cleared = await call(t.app, 'PATCH', '/v1/items/rice', {
      key: world.admin,
      body: { nameKm: null },
      headers: { 'idempotency-key': 'rice-clear-km' },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).not.toHaveProperty('nameKm');
  });

  it('lets one of two items claiming one barcode at once have it', async () => {
    const barcode = '8859876543218';
    const [a, b] = await Promise.all(
      ['water', 'cereal'].map((id) =>
        call(t.app, 'PATCH', `/v1/items/${id}`, { key: world.logistics, body: { barcodes: [barcode] } }),
      ),
    );
    expect([a?.status, b?.status].sort()).toEqual([200, 409]);
    const winner = a?.status === 200 ? 'water' : 'cereal';
    expect((await lookup(barcode)).body.item.id).toBe(winner);
    const loser = await call(t.app, 'GET', `/v1/items/${winner === 'water' ? 'cereal' : 'water'}`, {
      key: world.admin,
    });
    expect(loser.body.barcodes ?? []).not.toContain(barcode);
  });
});

describe('items found by barcode or label: errors', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    ({ t, world } = await appWith(buildWorld));
    await call(t.app, 'POST', '/v1/items', {
      key: world.admin,
      body: { id: 'soap', name: 'Soap', category: 'hygiene', unit: 'piece', barcodes: [SOAP_EACH] },
    });
  });

  it('refuses a barcode another item has with 409 naming that item, and adds nothing', async () => {
    const clash = await call(t.app, 'POST', '/v1/items', {
      key: world.admin,
      body: {
        id: 'soap-2',
        name: 'Soap again',
        category: 'hygiene',
        unit: 'piece',
        barcodes: [`0${SOAP_EACH}`],
      },
    });
    expect(clash.status).toBe(409);
    expect(isProblem(clash)).toBe(true);
    expect(clash.body).toMatchObject({ itemId: 'soap', barcode: `0${SOAP_EACH}` });
    expect((await call(t.app, 'GET', '/v1/items/soap-2', { key: world.admin })).status).toBe(404);

    const patched = await call(t.app, 'PATCH', '/v1/items/rice', {
      key: world.logistics,
      body: { barcodes: [SOAP_CASE, SOAP_EACH] },
    });
    expect(patched.status).toBe(409);
    expect(patched.body.itemId).toBe('soap');
    const rice = await call(t.app, 'GET', '/v1/items/rice', { key: world.admin });
    expect(rice.body).not.toHaveProperty('barcodes');
  });

  it('refuses a barcode with a wrong check digit, or the same product twice, naming the field', async () => {
    const wrong = await call(t.app, 'PATCH', '/v1/items/rice', {
      key: world.admin,
      body: { barcodes: ['8851234567899'] },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([
      { field: 'body.barcodes.0', message: expect.stringContaining('check digit is wrong (it should be 8)') },
    ]);
    const twice = await call(t.app, 'PATCH', '/v1/items/rice', {
      key: world.admin,
      body: { barcodes: [CEREAL_UPC_A, `0${CEREAL_UPC_A}`] },
    });
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([
      { field: 'body.barcodes.1', message: expect.stringContaining('twice') },
    ]);
  });

  it('refuses pack sizes of part of a piece, and two packs of one name', async () => {
    const part = await call(t.app, 'PATCH', '/v1/items/blanket', {
      key: world.logistics,
      body: { packSizes: [{ name: 'bale', units: 12.5 }] },
    });
    expect(part.status).toBe(400);
    expect(part.body.errors).toEqual([
      { field: 'body.packSizes.0.units', message: 'the item is counted in pieces: use a whole number' },
    ]);
    const sack = await call(t.app, 'PATCH', '/v1/items/rice', {
      key: world.logistics,
      body: {
        packSizes: [
          { name: 'Sack', units: 25 },
          { name: 'sack', units: 50 },
        ],
      },
    });
    expect(sack.status).toBe(400);
    expect(sack.body.errors).toEqual([{ field: 'body.packSizes.1.name', message: '"sack" is named twice' }]);
    const created = await call(t.app, 'POST', '/v1/items', {
      key: world.admin,
      body: {
        id: 'towel',
        name: 'Towel',
        category: 'hygiene',
        unit: 'piece',
        packSizes: [{ name: 'bag', units: 2.5 }],
      },
    });
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([
      { field: 'body.packSizes.0.units', message: 'the item is counted in pieces: use a whole number' },
    ]);
  });

  it('answers a scan that is no barcode or label with 400, without repeating what was scanned', async () => {
    const token = 'AQEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    for (const [scanned, problem] of [
      [token, 'neither a barcode number (GTIN) nor a Supplyline item label'],
      ['12345', '8, 12, 13 or 14 digits'],
      ['8851234567890', 'check digit is wrong (it should be 8)'],
    ] as const) {
      const result = await call(t.app, 'GET', `/v1/items/by-code?code=${encodeURIComponent(scanned)}`, {
        key: world.logistics,
      });
      expect(result.status, scanned).toBe(400);
      expect(result.body.errors).toEqual([
        { field: 'query.code', message: expect.stringContaining(problem) },
      ]);
    }
    expect(t.rawLogs.join('\n')).not.toContain(token);
  });

  it('answers 404 saying what to do for a barcode no item has, and for a label of an item that is gone', async () => {
    const unknown = await call(t.app, 'GET', '/v1/items/by-code?code=9506000134352', {
      key: world.logistics,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toContain('add the barcode to it');
    const label = await call(t.app, 'GET', '/v1/items/by-code?code=supplyline:item:gone', {
      key: world.logistics,
    });
    expect(label.status).toBe(404);
    expect(label.body.detail).toContain('print a new label');
  });

  it('refuses to create an item with the id the lookup path uses', async () => {
    const reserved = await call(t.app, 'POST', '/v1/items', {
      key: world.admin,
      body: { id: 'by-code', name: 'Oops', category: 'other', unit: 'piece' },
    });
    expect(reserved.status).toBe(400);
    expect(reserved.body.errors).toEqual([
      { field: 'body.id', message: expect.stringContaining('reserved') },
    ]);
  });

  it('refuses a PATCH without an Idempotency-Key, changing nothing', async () => {
    const result = await call(t.app, 'PATCH', '/v1/items/rice', {
      key: world.admin,
      body: { name: 'Jasmine rice' },
      idempotencyKey: false,
    });
    expect(result.status).toBe(400);
    expect(result.body.type).toBe('urn:supplyline:problem:idempotency-key-required');
    expect((await call(t.app, 'GET', '/v1/items/rice', { key: world.admin })).body.name).toBe('Rice');
  });
});

describe('items found by barcode or label: who may', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    ({ t, world } = await appWith(buildWorld));
  });

  it('lets a logistics lead change barcodes and pack sizes only, not what the item is', async () => {
    const renamed = await call(t.app, 'PATCH', '/v1/items/rice', {
      key: world.logisticsA,
      body: { name: 'Jasmine rice', barcodes: [SOAP_EACH] },
    });
    expect(renamed.status).toBe(403);
    expect(renamed.body.detail).toContain('not name');
    const item = await call(t.app, 'GET', '/v1/items/rice', { key: world.admin });
    expect(item.body).toMatchObject({ name: 'Rice' });
    expect(item.body).not.toHaveProperty('barcodes');
  });

  it('refuses changes to items by coordinators and volunteers', async () => {
    for (const key of [world.coordinator, world.volunteer]) {
      const result = await call(t.app, 'PATCH', '/v1/items/rice', { key, body: { barcodes: [SOAP_EACH] } });
      expect(result.status).toBe(403);
    }
  });

  it('refuses to change an item’s unit or category, which its stock is kept in', async () => {
    const result = await call(t.app, 'PATCH', '/v1/items/rice', {
      key: world.admin,
      body: { unit: 'piece' },
    });
    expect(result.status).toBe(400);
    expect(result.body.errors).toContainEqual({
      field: 'body.unit',
      message: expect.stringContaining('unknown field'),
    });
    expect((await call(t.app, 'GET', '/v1/items/rice', { key: world.admin })).body.unit).toBe('kg');
  });
});
