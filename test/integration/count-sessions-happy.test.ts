import { beforeAll, describe, expect, it } from 'vitest';
import type { Movement } from '../../shared/domain/movement.js';
import {
  BOOK_FIGURES,
  buildCountWorld,
  type CountWorld,
  count,
  enter,
  propertyNames,
  readSession,
  reason,
  startCount,
  started,
  step,
} from '../support/count-fixtures.js';
import { call } from '../support/http.js';
import { auditLedger } from '../support/ledger-audit.js';
import { onHandOf } from '../support/stock-fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issue } from '../support/voucher-fixtures.js';

async function ledgerOf(t: TestApp, key: string): Promise<Movement[]> {
  const page = await call<{ items: Movement[] }>(
    t.app,
    'GET',
    '/v1/shelters/shelter-a/movements?order=desc&limit=50',
    { key },
  );
  return page.body.items;
}

describe('count sessions: counting, submitting, approving', () => {
  let t: TestApp;
  let w: CountWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildCountWorld(t);
  });

  it('starts a blind count of every catalogue item, with names, units and whole-number rules for each line', async () => {
    const created = await startCount(t, w.sokhaPhone, { note: 'Monthly count' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/v1/count-sessions/${created.body.id}`);
    expect(created.body).toMatchObject({
      shelterId: 'shelter-a',
      status: 'counting',
      blind: true,
      figuresShown: false,
      itemCount: 3,
      countedCount: 0,
      created: { personId: w.sokhaId, name: 'Sokha' },
    });
    expect(
      created.body.lines.map((line) => [line.itemId, line.name, line.unit, line.wholeNumbers, line.counted]),
    ).toEqual([
      ['blanket', 'Blanket', 'piece', true, null],
      ['rice', 'Rice', 'kg', false, null],
      ['water', 'Water', 'L', false, null],
    ]);
  });

  it('shows no figure from the books in any read of a blind session in progress: start, lines, reads, the list', async () => {
    const session = await started(t, w.sokhaPhone, { itemIds: ['rice', 'water'] });
    const line = await enter(t, w.sokhaPhone, session.id, 'rice', { counted: 39 });
    const read = await readSession(t, w.dara, session.id);
    const list = await call(t.app, 'GET', '/v1/shelters/shelter-a/count-sessions?status=counting', {
      key: w.dara,
    });
    for (const answer of [session, line.body, read.body, list.body]) {
      const names = propertyNames(answer);
      expect(BOOK_FIGURES.filter((name) => names.has(name))).toEqual([]);
    }
    // The books do hold rice: a figure would have been there to leak.
    expect(await onHandOf(t, 'shelter-a', 'rice')).toBeGreaterThan(0);
    expect(read.body).toMatchObject({ figuresShown: false, countedCount: 1 });
    expect(read.body.lines[0]).toMatchObject({
      itemId: 'rice',
      counted: 39,
      countedBy: { personId: w.sokhaId, name: 'Sokha' },
    });
    await step(t, w.sokhaPhone, session.id, 'cancel');
  });

  it('goes on from another device: each line entered on the phone is there on the laptop, and the list shows progress', async () => {
    const session = await started(t, w.sokhaPhone, {
      itemIds: ['rice', 'water', 'blanket'],
      note: 'store room',
    });
    await enter(t, w.sokhaPhone, session.id, 'rice', { counted: 40, note: 'top shelf' });
    const onLaptop = await readSession(t, w.sokhaLaptop, session.id);
    expect(onLaptop.body.lines.find((line) => line.itemId === 'rice')).toMatchObject({
      counted: 40,
      note: 'top shelf',
    });
    await enter(t, w.sokhaLaptop, session.id, 'water', { counted: 200 });
    const drafts = await call<{ items: Array<Record<string, unknown>> }>(
      t.app,
      'GET',
      '/v1/shelters/shelter-a/count-sessions?status=counting',
      { key: w.sokhaPhone },
    );
    expect(drafts.body.items.find((entry) => entry.id === session.id)).toMatchObject({
      status: 'counting',
      itemCount: 3,
      countedCount: 2,
      note: 'store room',
    });
    const onPhone = await readSession(t, w.sokhaPhone, session.id);
    expect(onPhone.body.lines.map((line) => line.counted)).toEqual([40, 200, null]);
    await step(t, w.sokhaPhone, session.id, 'cancel');
  });

  it('takes the same line sent again as no change: it keeps its first time (a note added too) and the session its version', async () => {
    const session = await started(t, w.sokhaPhone, { itemIds: ['rice'] });
    const first = await enter(t, w.sokhaPhone, session.id, 'rice', { counted: 40 });
    const before = await readSession(t, w.sokhaPhone, session.id);
    const again = await enter(t, w.sokhaPhone, session.id, 'rice', { counted: 40 });
    const after = await readSession(t, w.sokhaPhone, session.id);
    expect(again.body.countedAt).toBe(first.body.countedAt);
    expect(after.body.version).toBe(before.body.version);
    const noted = await enter(t, w.sokhaPhone, session.id, 'rice', {
      counted: 40,
      note: 'behind the door too',
    });
    expect(noted.body).toMatchObject({
      counted: 40,
      note: 'behind the door too',
      countedAt: first.body.countedAt,
    });
    const changed = await enter(t, w.sokhaLaptop, session.id, 'rice', { counted: 41 });
    expect(changed.body.counted).toBe(41);
    expect(changed.body.countedAt).not.toBe(first.body.countedAt);
    expect((await readSession(t, w.sokhaPhone, session.id)).body.version).toBe(before.body.version + 2);
    await step(t, w.sokhaPhone, session.id, 'cancel');
  });

  it('posts at submit when every line is within tolerance: one ledger entry, an adjustment per item, the balances its sum', async () => {
    const before = await onHandOf(t, 'shelter-a', 'water');
    const session = await started(t, w.sokhaPhone, { itemIds: ['water', 'blanket'] });
    // 2% of 200 L is 4 L; one blanket off is within 1 unit.
    await count(t, w.sokhaPhone, session.id, { water: before - 3, blanket: 19 });
    const submitted = await step(t, w.sokhaPhone, session.id, 'submit');
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      status: 'posted',
      figuresShown: true,
      posting: { approved: false, personId: w.sokhaId },
    });
    expect(
      submitted.body.lines.map((l) => [l.itemId, l.recorded, l.difference, l.needsApproval, l.posted]),
    ).toEqual([
      ['water', before, -3, false, { quantity: -3, balanceAfter: before - 3 }],
      ['blanket', 20, -1, false, { quantity: -1, balanceAfter: 19 }],
    ]);
    const [entry] = await ledgerOf(t, w.sokhaPhone);
    expect(entry).toMatchObject({
      id: submitted.body.posting?.movementId,
      type: 'adjustment',
      reason: 'count',
      countSessionId: session.id,
      actorPersonId: w.sokhaId,
      actorName: 'Sokha',
    });
    expect(entry?.lines.map(({ itemId, quantity, counted }) => ({ itemId, quantity, counted }))).toEqual([
      { itemId: 'water', quantity: -3, counted: before - 3 },
      { itemId: 'blanket', quantity: -1, counted: 19 },
    ]);
    const audit = await auditLedger(t.table, ['shelter-a']);
    expect(audit.mismatches).toEqual([]);
  });

  it('keeps a redemption made between the count and the approval: neither lost nor counted twice', async () => {
    const voucher = await issue(t, w.coordinator, { lines: [{ itemId: 'rice', quantity: 5 }] });
    const books = await onHandOf(t, 'shelter-a', 'rice');
    const session = await started(t, w.sokhaPhone, { itemIds: ['rice'] });
    // Ten kilos short on the shelf (beyond 2% or 1 kg).
    await count(t, w.sokhaPhone, session.id, { rice: books - 10 });
    const redeemed = await call(t.app, 'POST', '/v1/redemptions', {
      key: w.volunteer,
      body: { code: voucher.code, pickupPointId: 'pp-a1' },
    });
    expect(redeemed.status).toBe(200);
    expect(await onHandOf(t, 'shelter-a', 'rice')).toBe(books - 5);

    const submitted = await step(t, w.sokhaPhone, session.id, 'submit');
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      approval: {
        itemIds: ['rice'],
        reasonsMissing: ['rice'],
        notBy: [{ personId: w.sokhaId, name: 'Sokha' }],
      },
    });
    expect(submitted.body.lines[0]).toMatchObject({
      recorded: books,
      difference: -10,
      allowed: 1,
      needsApproval: true,
    });
    // Nothing moved at submit.
    expect(await onHandOf(t, 'shelter-a', 'rice')).toBe(books - 5);

    const explained = await reason(
      t,
      w.sokhaPhone,
      session.id,
      'rice',
      'Two sacks torn by rats, thrown away',
    );
    expect(explained.status).toBe(200);
    const approved = await step(t, w.dara, session.id, 'approve', { body: { note: 'seen the torn sacks' } });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'posted',
      posting: { approved: true, personId: w.daraId, name: 'Dara', note: 'seen the torn sacks' },
    });
    expect(approved.body.lines[0]).toMatchObject({
      recorded: books,
      difference: -10,
      posted: { quantity: -10, balanceAfter: books - 15 },
      reason: { text: 'Two sacks torn by rats, thrown away', personId: w.sokhaId },
    });
    // What the count found (books - 10) less what was handed out after it (5).
    expect(await onHandOf(t, 'shelter-a', 'rice')).toBe(books - 15);
    const audit = await auditLedger(t.table, ['shelter-a']);
    expect(audit.mismatches).toEqual([]);
    expect(audit.negatives).toEqual([]);
  });

  it('compares a line counted offline with the books at the time the device counted it', async () => {
    const books = await onHandOf(t, 'shelter-a', 'blanket');
    const session = await started(t, w.sokhaPhone, { itemIds: ['blanket'] });
    const countedAt = new Date().toISOString();
    // Five blankets received after the phone counted, before it came back online.
    await call(t.app, 'POST', '/v1/shelters/shelter-a/receipts', {
      key: w.logistics,
      body: { source: 'UNHCR', lines: [{ itemId: 'blanket', quantity: 5 }] },
    });
    await enter(t, w.sokhaPhone, session.id, 'blanket', { counted: books, countedAt });
    const submitted = await step(t, w.sokhaPhone, session.id, 'submit');
    expect(submitted.body.status).toBe('posted');
    expect(submitted.body.lines[0]).toMatchObject({
      recorded: books,
      difference: 0,
      posted: { quantity: 0, balanceAfter: books + 5 },
    });
  });

  it('sends a rejected count back to counting, and a recount posts', async () => {
    const books = await onHandOf(t, 'shelter-a', 'water');
    const session = await started(t, w.sokhaPhone, { itemIds: ['water'] });
    await count(t, w.sokhaPhone, session.id, { water: books - 50 });
    await step(t, w.sokhaPhone, session.id, 'submit');
    const rejected = await step(t, w.dara, session.id, 'reject', {
      body: { note: 'Recount water: the back room was missed' },
    });
    expect(rejected.body).toMatchObject({
      status: 'counting',
      figuresShown: false,
      rejections: [{ personId: w.daraId, name: 'Dara', note: 'Recount water: the back room was missed' }],
    });
    expect(await onHandOf(t, 'shelter-a', 'water')).toBe(books);
    await count(t, w.sokhaPhone, session.id, { water: books - 1 });
    const resubmitted = await step(t, w.sokhaPhone, session.id, 'submit');
    expect(resubmitted.body).toMatchObject({ status: 'posted' });
    expect(await onHandOf(t, 'shelter-a', 'water')).toBe(books - 1);
  });

  it('posts nothing from a cancelled count', async () => {
    const books = await onHandOf(t, 'shelter-a', 'rice');
    const session = await started(t, w.sokhaPhone, { itemIds: ['rice'] });
    await count(t, w.sokhaPhone, session.id, { rice: 0 });
    await step(t, w.sokhaPhone, session.id, 'submit');
    const cancelled = await step(t, w.dara, session.id, 'cancel', {
      body: { note: 'counted the wrong store' },
    });
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancellation: { note: 'counted the wrong store', name: 'Dara' },
    });
    expect(await onHandOf(t, 'shelter-a', 'rice')).toBe(books);
    expect((await ledgerOf(t, w.dara)).some((entry) => entry.countSessionId === session.id)).toBe(false);
  });

  it('lets a later count supersede a line: the line posts nothing, the books keep the later count', async () => {
    const session = await started(t, w.sokhaPhone, { itemIds: ['blanket'] });
    await count(t, w.sokhaPhone, session.id, { blanket: 3 });
    const direct = await call<Movement>(t.app, 'POST', '/v1/shelters/shelter-a/counts', {
      key: w.logistics,
      body: { lines: [{ itemId: 'blanket', counted: 12 }] },
    });
    const submitted = await step(t, w.sokhaPhone, session.id, 'submit');
    expect(submitted.body.status).toBe('posted');
    expect(submitted.body.lines[0]).toMatchObject({
      counted: 3,
      needsApproval: false,
      supersededBy: { movementId: direct.body.id },
      posted: { quantity: 0 },
    });
    expect(await onHandOf(t, 'shelter-a', 'blanket')).toBe(12);
  });

  it('shows the books while counting when the lead asked for a session that is not blind', async () => {
    const books = await onHandOf(t, 'shelter-a', 'rice');
    const session = await started(t, w.sokhaPhone, { itemIds: ['rice', 'water'], blind: false });
    expect(session.figuresShown).toBe(true);
    await enter(t, w.sokhaPhone, session.id, 'rice', { counted: books + 2 });
    const read = await readSession(t, w.sokhaPhone, session.id);
    expect(read.body.lines[0]).toMatchObject({
      itemId: 'rice',
      recorded: books,
      difference: 2,
      needsApproval: true,
    });
    expect(read.body.lines[1]).toMatchObject({
      itemId: 'water',
      counted: null,
      recorded: await onHandOf(t, 'shelter-a', 'water'),
    });
    await step(t, w.sokhaPhone, session.id, 'cancel');
  });

  it('judges each item by its own tolerance when the catalogue sets one', async () => {
    const made = await call(t.app, 'POST', '/v1/items', {
      key: w.admin,
      body: {
        id: 'soap',
        name: 'Soap',
        nameKm: 'សាប៊ូ',
        category: 'hygiene',
        unit: 'pack',
        countTolerance: { percent: 10, units: 2 },
      },
    });
    expect(made.status).toBe(201);
    await call(t.app, 'POST', '/v1/shelters/shelter-a/receipts', {
      key: w.logistics,
      body: { source: 'UNICEF', lines: [{ itemId: 'soap', quantity: 100 }] },
    });
    const session = await started(t, w.sokhaPhone, { category: 'hygiene' });
    expect(session.lines.map((line) => [line.itemId, line.nameKm])).toEqual([['soap', 'សាប៊ូ']]);
    await count(t, w.sokhaPhone, session.id, { soap: 91 });
    const submitted = await step(t, w.sokhaPhone, session.id, 'submit');
    expect(submitted.body.lines[0]).toMatchObject({ difference: -9, allowed: 10, needsApproval: false });
    expect(submitted.body.status).toBe('posted');
  });
});
