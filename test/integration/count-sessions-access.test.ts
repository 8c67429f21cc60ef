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
import { onHandOf } from '../support/stock-fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('count sessions: who may', () => {
  let t: TestApp;
  let w: CountWorld;
  let logisticsB: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildCountWorld(t);
    logisticsB = await t.createKey('logistics', 'org-a', { shelterIds: ['shelter-b'] });
  });

  /** A session at shelter A counted by Sokha with rice 10 kg short: beyond tolerance, submitted. */
  async function awaitingApproval(): Promise<string> {
    const books = await onHandOf(t, 'shelter-a', 'rice');
    const session = await started(t, w.sokhaPhone, { itemIds: ['rice', 'water'] });
    await count(t, w.sokhaPhone, session.id, { rice: books - 10 });
    await count(t, w.dara, session.id, { water: await onHandOf(t, 'shelter-a', 'water') });
    const submitted = await step(t, w.sokhaPhone, session.id, 'submit');
    expect(submitted.body.status).toBe('submitted');
    await reason(t, w.sokhaPhone, session.id, 'rice', 'torn sacks');
    return session.id;
  }

  describe('four eyes, per person', () => {
    it('refuses the person who counted a line beyond tolerance, saying who must approve instead', async () => {
      const id = await awaitingApproval();
      const books = await onHandOf(t, 'shelter-a', 'rice');
      const refused = await step(t, w.sokhaPhone, id, 'approve');
      expect(refused.status).toBe(403);
      expect(isProblem(refused)).toBe(true);
      expect(refused.body).toMatchObject({
        type: 'urn:supplyline:problem:count-needs-second-person',
        itemIds: ['rice'],
      });
      expect(refused.body.detail).toMatch(
        /You counted rice.*another person with logistics rights at shelter "shelter-a" must approve/,
      );
      expect(await onHandOf(t, 'shelter-a', 'rice')).toBe(books);
      expect((await readSession(t, w.dara, id)).body.status).toBe('submitted');
    });

    it('refuses that person from their other device too: two keys of one person are one pair of eyes', async () => {
      const id = await awaitingApproval();
      const refused = await step(t, w.sokhaLaptop, id, 'approve');
      expect(refused.status).toBe(403);
      expect(refused.body.type).toBe('urn:supplyline:problem:count-needs-second-person');
    });

    it('refuses a machine key: it may count and submit but never approve', async () => {
      const id = await awaitingApproval();
      const refused = await step(t, w.logistics, id, 'approve');
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toMatch(/machine key.*never approve/);
    });

    it('lets a second person approve, including one who counted only lines within tolerance', async () => {
      const id = await awaitingApproval();
      const books = await onHandOf(t, 'shelter-a', 'rice');
      const approved = await step(t, w.dara, id, 'approve');
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({
        status: 'posted',
        posting: { approved: true, personId: w.daraId },
      });
      expect(await onHandOf(t, 'shelter-a', 'rice')).toBe(books - 10);
    });

    it('lets any person approve a difference a machine key counted, and a machine key submit it', async () => {
      const books = await onHandOf(t, 'shelter-a', 'blanket');
      const session = await started(t, w.logistics, { itemIds: ['blanket'] });
      await count(t, w.logistics, session.id, { blanket: books + 6 });
      expect((await step(t, w.logistics, session.id, 'submit')).body.status).toBe('submitted');
      await reason(t, w.logistics, session.id, 'blanket', 'a carton found behind the door');
      const approved = await step(t, w.sokhaPhone, session.id, 'approve');
      expect(approved.status).toBe(200);
      expect(await onHandOf(t, 'shelter-a', 'blanket')).toBe(books + 6);
    });
  });

  describe('roles', () => {
    it('refuses volunteers and coordinators every count route, and admins the writes', async () => {
      const session = await started(t, w.sokhaPhone, { itemIds: ['rice'] });
      for (const key of [w.volunteer, w.coordinator]) {
        expect((await startCount(t, key)).status).toBe(403);
        expect((await readSession(t, key, session.id)).status).toBe(403);
        expect((await enter(t, key, session.id, 'rice', { counted: 1 })).status).toBe(403);
        expect((await call(t.app, 'GET', '/v1/shelters/shelter-a/count-sessions', { key })).status).toBe(403);
      }
      expect((await startCount(t, w.admin)).status).toBe(403);
      expect((await enter(t, w.admin, session.id, 'rice', { counted: 1 })).status).toBe(403);
      expect((await step(t, w.admin, session.id, 'cancel')).status).toBe(403);
      // Admins read, as they read the ledger.
      expect((await readSession(t, w.admin, session.id)).status).toBe(200);
      expect(
        (await call(t.app, 'GET', '/v1/shelters/shelter-a/count-sessions', { key: w.admin })).status,
      ).toBe(200);
    });
  });

  describe('scope', () => {
    it('refuses to start or list counts at a shelter outside the key’s scope (403, as for other stock changes)', async () => {
      const refused = await startCount(t, logisticsB);
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toMatch(/shelter "shelter-a"/);
      expect(
        (await call(t.app, 'GET', '/v1/shelters/shelter-a/count-sessions', { key: logisticsB })).status,
      ).toBe(403);
      expect((await startCount(t, w.sokhaPhone, {}, 'shelter-b')).status).toBe(403);
    });

    it('answers 404 for a session of another shelter, as if it did not exist, and changes nothing', async () => {
      const id = await awaitingApproval();
      for (const attempt of [
        () => readSession(t, logisticsB, id),
        () => enter(t, logisticsB, id, 'rice', { counted: 1 }),
        () => reason(t, logisticsB, id, 'rice', 'x'),
        () => step(t, logisticsB, id, 'approve'),
        () => step(t, logisticsB, id, 'reject', { body: { note: 'no' } }),
        () => step(t, logisticsB, id, 'cancel'),
      ]) {
        const answer = await attempt();
        expect(answer.status).toBe(404);
        expect(answer.body.detail).toBe(`Count session "${id}" not found.`);
      }
      expect((await readSession(t, w.dara, id)).body).toMatchObject({ status: 'submitted', rejections: [] });
    });

    it('answers 404 for a session that does not exist', async () => {
      const missing = await readSession(t, w.dara, 'cnt_01KAAAAAAAAAAAAAAAAAAAAAAA');
      expect(missing.status).toBe(404);
    });
  });
});
