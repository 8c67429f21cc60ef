import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Movement } from '../../shared/domain/movement.js';
import {
  buildCountWorld,
  type CountWorld,
  count,
  enter,
  readSession,
  reason,
  started,
  step,
} from '../support/count-fixtures.js';
import { call } from '../support/http.js';
import { auditLedger } from '../support/ledger-audit.js';
import { personWithKey } from '../support/people-fixtures.js';
import { onHandOf } from '../support/stock-fixtures.js';
import { queryPartition } from '../support/table-reads.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issue, stockShelter } from '../support/voucher-fixtures.js';

describe('count sessions under concurrent requests', () => {
  let t: TestApp;
  let w: CountWorld;
  let chenda: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildCountWorld(t);
    chenda = (
      await personWithKey(t, w.admin, {
        displayName: 'Chenda',
        role: 'logistics',
        scope: { shelterIds: ['shelter-a'] },
      })
    ).apiKey;
    await stockShelter(t, w.logistics, 'shelter-a', [{ itemId: 'rice', quantity: 460 }]);
  });

  /** The ledger entries a session posted, read from the table itself. */
  async function postingsOf(sessionId: string): Promise<Movement[]> {
    const rows = await queryPartition(t.table, 'SHELTER#shelter-a');
    return rows.filter((row) => row.countSessionId === sessionId) as unknown as Movement[];
  }

  /** Rice counted 20 kg short by Sokha, submitted and explained: a second person may approve. */
  async function awaitingApproval(): Promise<{ id: string; books: number }> {
    const books = await onHandOf(t, 'shelter-a', 'rice');
    const session = await started(t, w.sokhaPhone, { itemIds: ['rice'] });
    await count(t, w.sokhaPhone, session.id, { rice: books - 20 });
    await step(t, w.sokhaPhone, session.id, 'submit');
    await reason(t, w.sokhaPhone, session.id, 'rice', 'wet sacks thrown away');
    return { id: session.id, books };
  }

  it('posts once when two people approve at the same moment: one is told it is already posted', async () => {
    const { id, books } = await awaitingApproval();
    const answers = await Promise.all([step(t, w.dara, id, 'approve'), step(t, chenda, id, 'approve')]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const loser = answers.find((a) => a.status === 409);
    expect(String(loser?.body.detail)).toMatch(/posted|changed by another request/);
    expect(await postingsOf(id)).toHaveLength(1);
    expect(await onHandOf(t, 'shelter-a', 'rice')).toBe(books - 20);
    expect((await auditLedger(t.table, ['shelter-a'])).mismatches).toEqual([]);
  });

  it('books once when one approval is sent twice at once and again later under its Idempotency-Key', async () => {
    const { id, books } = await awaitingApproval();
    const headers = { 'idempotency-key': randomUUID() };
    const [first, second] = await Promise.all([
      step(t, w.dara, id, 'approve', { headers }),
      step(t, w.dara, id, 'approve', { headers }),
    ]);
    const later = await step(t, w.dara, id, 'approve', { headers });
    for (const answer of [first, second, later]) {
      expect(answer.status).toBe(200);
      expect(answer.body.status).toBe('posted');
    }
    expect(later.headers.get('idempotent-replayed')).toBe('true');
    expect(later.text).toBe(first.headers.get('idempotent-replayed') === 'true' ? second.text : first.text);
    expect(await postingsOf(id)).toHaveLength(1);
    expect(await onHandOf(t, 'shelter-a', 'rice')).toBe(books - 20);
  });

  it('keeps every redemption that races the approval: the balance is the count less what was handed out', async () => {
    const vouchers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        issue(t, w.coordinator, { beneficiaryRef: `HH-RACE-${i}`, lines: [{ itemId: 'rice', quantity: 2 }] }),
      ),
    );
    const { id, books } = await awaitingApproval();
    const answers = await Promise.all([
      step(t, w.dara, id, 'approve'),
      ...vouchers.map((voucher) =>
        call(t.app, 'POST', '/v1/redemptions', {
          key: w.volunteer,
          body: { code: voucher.code, pickupPointId: 'pp-a1' },
        }),
      ),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200, 200]);
    const [approved] = answers;
    // The line compares with the books when it was counted, whichever redemptions committed first.
    expect((approved?.body as { lines?: unknown[] } | undefined)?.lines?.[0]).toMatchObject({
      recorded: books,
      difference: -20,
    });
    expect(await onHandOf(t, 'shelter-a', 'rice')).toBe(books - 20 - 12);
    const audit = await auditLedger(t.table, ['shelter-a']);
    expect(audit.mismatches).toEqual([]);
    expect(audit.negatives).toEqual([]);
  });

  it('never posts a line older than one entered while the submit was deciding', async () => {
    for (let round = 0; round < 4; round++) {
      const books = await onHandOf(t, 'shelter-a', 'rice');
      const session = await started(t, w.sokhaPhone, { itemIds: ['rice'] });
      await count(t, w.sokhaPhone, session.id, { rice: books });
      const [submitted, changed] = await Promise.all([
        step(t, w.sokhaPhone, session.id, 'submit'),
        enter(t, w.sokhaLaptop, session.id, 'rice', { counted: books - 1 }),
      ]);
      const final = await readSession(t, w.dara, session.id);
      if (submitted.status === 200 && changed.status === 200) {
        // The line changed before the submit read it: the posting used the change.
        expect(final.body.lines[0]?.counted).toBe(books - 1);
      } else if (changed.status !== 200) {
        expect(changed.status).toBe(409);
        expect(final.body.lines[0]?.counted).toBe(books);
      } else {
        // The submit lost to the line: nothing posted, the session is still counting.
        expect(submitted.status).toBe(409);
        expect(final.body.status).toBe('counting');
        await step(t, w.sokhaPhone, session.id, 'cancel');
      }
      if (final.body.status === 'posted')
        expect(await onHandOf(t, 'shelter-a', 'rice')).toBe(final.body.lines[0]?.counted);
    }
    expect((await auditLedger(t.table, ['shelter-a'])).mismatches).toEqual([]);
  });
});
