import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCountWorld,
  type CountWorld,
  count,
  enter,
  readSession,
  reason,
  startCount,
  started,
  step,
} from '../support/count-fixtures.js';
import { call, isProblem } from '../support/http.js';
import { auditLedger } from '../support/ledger-audit.js';
import { onHandOf } from '../support/stock-fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issue } from '../support/voucher-fixtures.js';

type Problem = { type: string; detail: string; errors?: Array<{ field: string; message: string }> } & Record<
  string,
  unknown
>;
const fields = (body: unknown) => ((body as Problem).errors ?? []).map((e) => e.field);

describe('count sessions: bad input and wrong steps change nothing, and say what to do', () => {
  let t: TestApp;
  let w: CountWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildCountWorld(t);
  });

  async function sessionsAtA(): Promise<number> {
    const list = await call<{ items: unknown[] }>(t.app, 'GET', '/v1/shelters/shelter-a/count-sessions', {
      key: w.dara,
    });
    return list.body.items.length;
  }

  it('refuses a session that names both items and a category, unknown items, repeats or unknown fields', async () => {
    const before = await sessionsAtA();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ itemIds: ['rice'], category: 'food' }, 'body.category'],
      [{ itemIds: ['rice', 'caviar'] }, 'body.itemIds.1'],
      [{ itemIds: ['rice', 'rice'] }, 'body.itemIds'],
      [{ itemIds: [] }, 'body.itemIds'],
      [{ itemIds: Array.from({ length: 91 }, (_, i) => `item-${i}`) }, 'body.itemIds'],
      [{ category: 'weapons' }, 'body.category'],
      [{ blind: 'yes' }, 'body.blind'],
      [{ shelterId: 'shelter-a' }, 'body.shelterId'],
    ];
    for (const [body, field] of cases) {
      const refused = await startCount(t, w.sokhaPhone, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(isProblem(refused)).toBe(true);
      expect(fields(refused.body), JSON.stringify(body)).toContain(field);
    }
    const caviar = await startCount(t, w.sokhaPhone, { itemIds: ['rice', 'caviar'] });
    expect((caviar.body as unknown as Problem).errors).toEqual([
      { field: 'body.itemIds.1', message: 'no item "caviar" in the catalogue' },
    ]);
    expect(await sessionsAtA()).toBe(before);
  });

  it('refuses a shelter that does not exist', async () => {
    const missing = await startCount(t, w.sokhaPhone, {}, 'no-such-shelter');
    expect([403, 404]).toContain(missing.status);
    const everywhere = await call(t.app, 'POST', '/v1/shelters/no-such-shelter/count-sessions', {
      key: w.logistics,
      body: {},
    });
    expect(everywhere.status).toBe(404);
  });

  it('refuses lines that are not a count, fractions of pieces, times outside the session, items it does not count', async () => {
    const session = await started(t, w.sokhaPhone, { itemIds: ['rice', 'blanket'] });
    const cases: Array<[string, Record<string, unknown>, number, string]> = [
      ['rice', { counted: -1 }, 400, 'body.counted'],
      ['rice', { counted: 1.2345 }, 400, 'body.counted'],
      ['rice', { counted: '12' }, 400, 'body.counted'],
      ['rice', {}, 400, 'body.counted'],
      ['rice', { counted: 1, quantity: 1 }, 400, 'body.quantity'],
      ['blanket', { counted: 2.5 }, 400, 'body.counted'],
      ['rice', { counted: 1, countedAt: '2020-01-01T00:00:00Z' }, 400, 'body.countedAt'],
      [
        'rice',
        { counted: 1, countedAt: new Date(Date.now() + 3_600_000).toISOString() },
        400,
        'body.countedAt',
      ],
      ['rice', { counted: 1, countedAt: 'yesterday' }, 400, 'body.countedAt'],
    ];
    for (const [itemId, body, status, field] of cases) {
      const refused = await enter(t, w.sokhaPhone, session.id, itemId, body);
      expect(refused.status, JSON.stringify(body)).toBe(status);
      expect(fields(refused.body), JSON.stringify(body)).toContain(field);
    }
    const whole = await enter(t, w.sokhaPhone, session.id, 'blanket', { counted: 2.5 });
    expect((whole.body as unknown as Problem).errors?.[0]?.message).toBe(
      'blanket is counted in pieces: use a whole number',
    );
    const ahead = await enter(t, w.sokhaPhone, session.id, 'rice', {
      counted: 1,
      countedAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect((ahead.body as unknown as Problem).errors?.[0]?.message).toMatch(/check the device's clock/);
    const notCounted = await enter(t, w.sokhaPhone, session.id, 'water', { counted: 5 });
    expect(notCounted.status).toBe(404);
    expect((notCounted.body as unknown as Problem).detail).toMatch(
      /Item "water" is not in count session .*Start another session to count it/,
    );
    const read = await readSession(t, w.sokhaPhone, session.id);
    expect(read.body).toMatchObject({ countedCount: 0, version: 1 });
  });

  it('refuses a malformed session id, and a slip of the path', async () => {
    const bad = await readSession(t, w.dara, 'not-a-session');
    expect(bad.status).toBe(400);
    const put = await enter(t, w.dara, 'cnt_x', 'rice', { counted: 1 });
    expect(put.status).toBe(400);
  });

  it('does not submit a count with items left uncounted, and names them', async () => {
    const session = await started(t, w.sokhaPhone, { itemIds: ['rice', 'water', 'blanket'] });
    await count(t, w.sokhaPhone, session.id, { water: 200 });
    const refused = await step(t, w.sokhaPhone, session.id, 'submit');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      type: 'urn:supplyline:problem:count-incomplete',
      uncountedItemIds: ['rice', 'blanket'],
    });
    expect((refused.body as unknown as Problem).detail).toMatch(/0 when the shelf is empty/);
    expect((await readSession(t, w.sokhaPhone, session.id)).body.status).toBe('counting');
  });

  it('needs an Idempotency-Key on every step, like every other stock write', async () => {
    const session = await started(t, w.sokhaPhone, { itemIds: ['rice'] });
    const refused = await step(t, w.sokhaPhone, session.id, 'submit', { idempotencyKey: false });
    expect(refused.status).toBe(400);
    expect(refused.body.type).toBe('urn:supplyline:problem:idempotency-key-required');
    const create = await call(t.app, 'POST', '/v1/shelters/shelter-a/count-sessions', {
      key: w.sokhaPhone,
      body: {},
      idempotencyKey: false,
    });
    expect(create.status).toBe(400);
  });

  it('refuses each step its status does not allow, naming the status and what to do instead', async () => {
    const books = await onHandOf(t, 'shelter-a', 'rice');
    const session = await started(t, w.sokhaPhone, { itemIds: ['rice'] });
    const early = await step(t, w.dara, session.id, 'approve');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ sessionStatus: 'counting' });
    expect((early.body as unknown as Problem).detail).toMatch(/still counting: submit it first/);
    expect((await reason(t, w.sokhaPhone, session.id, 'rice', 'x')).status).toBe(409);
    expect((await step(t, w.dara, session.id, 'reject', { body: { note: 'x' } })).status).toBe(409);

    await count(t, w.sokhaPhone, session.id, { rice: books - 20 });
    await step(t, w.sokhaPhone, session.id, 'submit');
    const late = await enter(t, w.sokhaLaptop, session.id, 'rice', { counted: books });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ type: 'urn:supplyline:problem:conflict', sessionStatus: 'submitted' });
    expect((late.body as unknown as Problem).detail).toMatch(/approve it, or reject it to recount/);
    const again = await step(t, w.sokhaPhone, session.id, 'submit');
    expect(again.status).toBe(409);

    const unexplained = await step(t, w.dara, session.id, 'approve');
    expect(unexplained.status).toBe(409);
    expect(unexplained.body).toMatchObject({
      type: 'urn:supplyline:problem:count-reasons-missing',
      itemIds: ['rice'],
    });
    expect((unexplained.body as unknown as Problem).detail).toContain(
      `PUT /v1/count-sessions/${session.id}/lines/{itemId}/reason`,
    );
    expect((await reason(t, w.sokhaPhone, session.id, 'rice', '')).status).toBe(400);
    expect((await step(t, w.dara, session.id, 'reject', { body: {} })).status).toBe(400);
    await reason(t, w.sokhaPhone, session.id, 'rice', 'stolen at night');
    expect((await step(t, w.dara, session.id, 'approve')).status).toBe(200);

    const posted = await step(t, w.dara, session.id, 'cancel');
    expect(posted.status).toBe(409);
    expect((posted.body as unknown as Problem).detail).toMatch(/was posted at .*start a new session/);
    expect((await enter(t, w.sokhaPhone, session.id, 'rice', { counted: 1 })).status).toBe(409);
  });

  it('refuses to post a count that would take stock below zero, saying to recount, and posts nothing', async () => {
    const books = await onHandOf(t, 'shelter-a', 'water');
    const voucher = await issue(t, w.coordinator, { lines: [{ itemId: 'water', quantity: 30 }] });
    const session = await started(t, w.sokhaPhone, { itemIds: ['water'] });
    // The shelf shows 10 L where the books say more; then 30 L are handed out: impossible unless
    // the count was wrong.
    await count(t, w.sokhaPhone, session.id, { water: 10 });
    await call(t.app, 'POST', '/v1/redemptions', {
      key: w.volunteer,
      body: { code: voucher.code, pickupPointId: 'pp-a1' },
    });
    await step(t, w.sokhaPhone, session.id, 'submit');
    await reason(t, w.sokhaPhone, session.id, 'water', 'leaking bottles');
    const refused = await step(t, w.dara, session.id, 'approve');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      type: 'urn:supplyline:problem:insufficient-stock',
      shelterId: 'shelter-a',
    });
    expect((refused.body as unknown as Problem).detail).toMatch(/Recount water: reject the session/);
    expect(await onHandOf(t, 'shelter-a', 'water')).toBe(books - 30);
    expect((await readSession(t, w.dara, session.id)).body.status).toBe('submitted');
    expect((await auditLedger(t.table, ['shelter-a'])).mismatches).toEqual([]);
  });

  it('refuses a count tolerance in fractions of a piece', async () => {
    const refused = await call(t.app, 'POST', '/v1/items', {
      key: w.admin,
      body: {
        id: 'mat',
        name: 'Mat',
        category: 'bedding',
        unit: 'piece',
        countTolerance: { percent: 2, units: 0.5 },
      },
    });
    expect(refused.status).toBe(400);
    expect(fields(refused.body)).toEqual(['body.countTolerance.units']);
  });
});

describe('count sessions: the size one transaction can post', () => {
  it('posts a session of 90 items in one transaction, and asks to split a catalogue of 91 by category or list', async () => {
    const t = await createTestApp();
    const w = await buildCountWorld(t);
    const add = (i: number) =>
      call(t.app, 'POST', '/v1/items', {
        key: w.admin,
        body: { id: `kit-${i}`, name: `Kit ${i}`, category: 'hygiene', unit: 'pack' },
      });
    for (let i = 0; i < 87; i++) await add(i);
    const all = await started(t, w.logistics);
    expect(all.itemCount).toBe(90);
    // What buildCountWorld stocked is on the shelf; one pack of each kit is found (within 1 unit).
    const stocked: Record<string, number> = { rice: 40, water: 200, blanket: 20 };
    await count(
      t,
      w.logistics,
      all.id,
      Object.fromEntries(all.lines.map((l) => [l.itemId, stocked[l.itemId] ?? 1])),
    );
    const submitted = await step(t, w.logistics, all.id, 'submit');
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('posted');
    expect(submitted.body.lines).toHaveLength(90);
    expect((await auditLedger(t.table, ['shelter-a'])).mismatches).toEqual([]);
    expect(await onHandOf(t, 'shelter-a', 'kit-86')).toBe(1);

    await add(87);
    const refused = await startCount(t, w.sokhaPhone);
    expect(refused.status).toBe(400);
    expect((refused.body as unknown as Problem).errors).toEqual([
      {
        field: 'body.itemIds',
        message:
          '91 items: one session counts at most 90 (it posts in one transaction); count by category or list the itemIds',
      },
    ]);
    const byCategory = await startCount(t, w.sokhaPhone, { category: 'food' });
    expect(byCategory.status).toBe(201);
    expect(byCategory.body.itemCount).toBe(1);
  });
});
