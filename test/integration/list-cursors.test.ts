import { beforeAll, describe, expect, it } from 'vitest';
import { apiDocument } from '../../scripts/lib/api-document.js';
import { buildWorld, type World } from '../support/fixtures.js';
import { type CallResult, call, isProblem } from '../support/http.js';
import { offlineRecord, registerDevice, sync } from '../support/offline-fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dispatch } from '../support/transfer-fixtures.js';
import { issue, stockShelter } from '../support/voucher-fixtures.js';

type Page = { items: Array<Record<string, unknown>>; nextCursor: string | null };

/**
 * Every listing that takes a `cursor`, with two keys that may read it: `reader` (org-a) and
 * `other`, a key of org-b that reads the same list. Each list holds at least two entries, so a
 * page of one has a next cursor.
 */
interface Listing {
  /** The operation's path, as the OpenAPI document names it. */
  template: string;
  /** The list as read, its filters included. */
  path: string;
  reader: string;
  other: string;
}

describe('list cursors are bound to their list and their caller', () => {
  let t: TestApp;
  let world: World;
  let listings: Listing[];

  const page = (path: string, key: string, cursor?: string) =>
    call<Page>(t.app, 'GET', withQuery(path, { limit: '1', ...(cursor === undefined ? {} : { cursor }) }), {
      key,
    });

  const firstCursor = async (path: string, key: string): Promise<string> => {
    const first = await page(path, key);
    expect(first.status, `${path}: ${first.text}`).toBe(200);
    expect(first.body.nextCursor, `${path} has a second page`).toEqual(expect.any(String));
    return first.body.nextCursor as string;
  };

  /** What a refused cursor answered, as `[where, status, problem type]`, for one comparison of all. */
  const outcome = (result: CallResult, where: string) => [
    where,
    result.status,
    isProblem(result) && String(result.body.detail).includes('without a cursor')
      ? result.body.type
      : result.text,
  ];
  const refused = (where: string) => [where, 400, 'urn:supplyline:problem:invalid-cursor'];

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
    const orgB = {
      admin: await t.createKey('admin', 'org-b'),
      coordinator: await t.createKey('coordinator', 'org-b'),
      logistics: await t.createKey('logistics', 'org-b'),
    };
    await stockShelter(t, world.logistics, 'shelter-a', [
      { itemId: 'rice', quantity: 500 },
      { itemId: 'water', quantity: 3000 },
      { itemId: 'blanket', quantity: 100 },
    ]);
    await stockShelter(t, world.logistics, 'shelter-a', [{ itemId: 'rice', quantity: 10 }]);
    for (const quantity of [1, 2]) {
      const sent = await dispatch(t, world.logistics, [{ itemId: 'rice', quantity }]);
      expect(sent.status, sent.text).toBe(201);
    }
    // Two vouchers each for org-a and org-b; org-a's are voided, so two offline handovers of them
    // are two sync conflicts.
    const vouchers = [
      await issue(t, world.coordinator, { beneficiaryRef: 'HH-CURSOR-1' }),
      await issue(t, world.coordinator, { beneficiaryRef: 'HH-CURSOR-2' }),
    ];
    await issue(t, orgB.coordinator, { beneficiaryRef: 'HH-CURSOR-3' });
    await issue(t, orgB.coordinator, { beneficiaryRef: 'HH-CURSOR-4' });
    for (const voucher of vouchers) {
      const voided = await call(t.app, 'POST', `/v1/vouchers/${voucher.id}/void`, {
        key: world.coordinator,
        body: { reason: 'test' },
      });
      expect(voided.status, voided.text).toBe(200);
    }
    const desk = await registerDevice(t, world.volunteer, 'pp-a1', 'Desk 1');
    await registerDevice(t, world.volunteer, 'pp-a1', 'Desk 2');
    const synced = await sync(
      t,
      desk,
      vouchers.map((voucher) => offlineRecord(desk, voucher)),
    );
    expect(synced.body.results.map((result) => result.outcome)).toEqual(['conflict', 'conflict']);

    const subscribe = async (key: string) => {
      const made = await call<{ id: string }>(t.app, 'POST', '/v1/webhooks', {
        key,
        body: { url: 'http://localhost:9/hook', eventTypes: ['voucher.issued'] },
      });
      expect(made.status, made.text).toBe(201);
      return made.body.id;
    };
    const webhookA = await subscribe(world.coordinator);
    await subscribe(world.coordinator);
    await subscribe(orgB.coordinator);
    await subscribe(orgB.coordinator);
    // Two deliveries queued for org-a's first subscription, as the dispatcher queues them.
    for (const id of ['01J00000000000000000000001', '01J00000000000000000000002']) {
      await t.deps.stores.deliveries.enqueue(
        webhookA,
        {
          id,
          webhookId: webhookA,
          eventId: `evt_${id}`,
          eventType: 'voucher.issued',
          status: 'pending',
          createdAt: new Date().toISOString(),
          attempts: 0,
          attemptLog: [],
        },
        '{}',
      );
    }
    // Two "served before?" calls, recorded for the admins; two volunteers each organisation's
    // coordinator added.
    for (const beneficiaryRefs of [['HH-CURSOR-1'], ['HH-CURSOR-5']]) {
      const checked = await call(t.app, 'POST', '/v1/beneficiaries/check', {
        key: world.coordinator,
        body: { beneficiaryRefs },
      });
      expect(checked.status, checked.text).toBe(200);
    }
    for (const [key, pickupPointId] of [
      [world.coordinator, 'pp-a1'],
      [world.coordinator, 'pp-a1'],
      [orgB.coordinator, 'pp-b1'],
      [orgB.coordinator, 'pp-b1'],
    ] as const) {
      const added = await call(t.app, 'POST', '/v1/people', {
        key,
        body: { displayName: 'Volunteer', role: 'volunteer', scope: { pickupPointIds: [pickupPointId] } },
      });
      expect(added.status, added.text).toBe(201);
    }
    // Two count sessions at shelter-a, one item each.
    for (const itemId of ['rice', 'water']) {
      const started = await call(t.app, 'POST', '/v1/shelters/shelter-a/count-sessions', {
        key: world.logistics,
        body: { itemIds: [itemId] },
        headers: { 'idempotency-key': `count-${itemId}` },
      });
      expect(started.status, started.text).toBe(201);
    }
    const rules = [{ itemId: 'rice', amount: 0.4, per: 'person-day' }];
    for (const [key, name] of [
      [world.coordinator, 'Round one'],
      [world.coordinator, 'Round two'],
      [orgB.coordinator, 'Round three'],
      [orgB.coordinator, 'Round four'],
    ] as const) {
      const made = await call(t.app, 'POST', '/v1/rounds', {
        key,
        body: {
          name,
          shelterIds: ['shelter-a'],
          validFrom: new Date(Date.now() + 86_400_000).toISOString(),
          validUntil: new Date(Date.now() + 15 * 86_400_000).toISOString(),
          rules,
        },
      });
      expect(made.status, made.text).toBe(201);
    }

    listings = [
      { template: '/v1/organizations', path: '/v1/organizations', reader: world.admin, other: orgB.admin },
      { template: '/v1/shelters', path: '/v1/shelters', reader: world.coordinator, other: orgB.coordinator },
      {
        template: '/v1/shelters/{id}/pickup-points',
        path: '/v1/shelters/shelter-a/pickup-points',
        reader: world.coordinator,
        other: orgB.coordinator,
      },
      { template: '/v1/items', path: '/v1/items', reader: world.logistics, other: orgB.logistics },
      { template: '/v1/stock', path: '/v1/stock', reader: world.logistics, other: orgB.logistics },
      {
        template: '/v1/shelters/{id}/movements',
        path: '/v1/shelters/shelter-a/movements',
        reader: world.logistics,
        other: orgB.logistics,
      },
      {
        template: '/v1/transfers',
        path: '/v1/transfers?shelterId=shelter-a&direction=outgoing',
        reader: world.logistics,
        other: orgB.logistics,
      },
      { template: '/v1/vouchers', path: '/v1/vouchers', reader: world.coordinator, other: orgB.coordinator },
      { template: '/v1/webhooks', path: '/v1/webhooks', reader: world.coordinator, other: orgB.coordinator },
      {
        template: '/v1/webhooks/{id}/deliveries',
        path: `/v1/webhooks/${webhookA}/deliveries?state=queued`,
        reader: world.coordinator,
        // An admin of another organisation reads every subscription's deliveries.
        other: orgB.admin,
      },
      {
        template: '/v1/devices',
        path: '/v1/devices?shelterId=shelter-a',
        reader: world.coordinator,
        other: orgB.coordinator,
      },
      {
        template: '/v1/conflicts',
        path: '/v1/conflicts?shelterId=shelter-a',
        reader: world.logistics,
        other: orgB.logistics,
      },
      { template: '/v1/rounds', path: '/v1/rounds', reader: world.coordinator, other: orgB.coordinator },
      // A global list: every admin reads it, so org-b's admin is given cursors for the same list.
      {
        template: '/v1/beneficiaries/checks',
        path: '/v1/beneficiaries/checks',
        reader: world.admin,
        other: orgB.admin,
      },
      { template: '/v1/people', path: '/v1/people', reader: world.coordinator, other: orgB.coordinator },
      {
        template: '/v1/shelters/{id}/count-sessions',
        path: '/v1/shelters/shelter-a/count-sessions',
        reader: world.logistics,
        other: orgB.logistics,
      },
      // Each admin reads its own organisation's keys unless it names another.
      { template: '/v1/api-keys', path: '/v1/api-keys', reader: world.admin, other: orgB.admin },
    ];
  });

  it('covers every listing of the API that takes a cursor', async () => {
    const document = (await apiDocument()) as unknown as {
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
    };
    const withCursor = Object.entries(document.paths).flatMap(([template, operations]) =>
      Object.values(operations).some((operation) =>
        (operation.parameters ?? []).some((p) => p.in === 'query' && p.name === 'cursor'),
      )
        ? [template]
        : [],
    );
    expect(listings.map((listing) => listing.template).sort()).toEqual(withCursor.sort());
  });

  it('reads each list to its end with the cursors its pages gave the same key, no entry twice', async () => {
    for (const { path, reader } of listings) {
      const seen: unknown[] = [];
      let cursor: string | undefined;
      do {
        const next = await page(path, reader, cursor);
        expect(next.status, `${path}: ${next.text}`).toBe(200);
        seen.push(...next.body.items.map((item) => JSON.stringify(item)));
        cursor = next.body.nextCursor ?? undefined;
      } while (cursor !== undefined);
      expect(seen.length, path).toBeGreaterThanOrEqual(2);
      expect(new Set(seen).size, path).toBe(seen.length);
    }
  });

  it("refuses, as invalid-cursor, a cursor another organisation's key was given for the same list", async () => {
    const answers = [];
    for (const { path, reader, other } of listings) {
      answers.push(outcome(await page(path, reader, await firstCursor(path, other)), path));
    }
    expect(answers).toEqual(listings.map(({ path }) => refused(path)));
  });

  it('refuses, as invalid-cursor, a cursor of another list', async () => {
    const answers = [];
    const expected = [];
    for (const [i, { path, reader }] of listings.entries()) {
      const elsewhere = listings[(i + 1) % listings.length] as Listing;
      const foreign = await firstCursor(elsewhere.path, elsewhere.reader);
      answers.push(outcome(await page(path, reader, foreign), `${elsewhere.path} on ${path}`));
      expected.push(refused(`${elsewhere.path} on ${path}`));
    }
    expect(answers).toEqual(expected);
  });

  it('refuses, as invalid-cursor, a cursor of the same list read with other filters', async () => {
    const vouchers = await firstCursor('/v1/vouchers?issuedFrom=2020-01-01', world.coordinator);
    const outgoing = await firstCursor(
      '/v1/transfers?shelterId=shelter-a&direction=outgoing',
      world.logistics,
    );
    expect([
      outcome(
        await page('/v1/vouchers?issuedTo=2020-01-01', world.coordinator, vouchers),
        'vouchers to 2020',
      ),
      outcome(
        await page('/v1/transfers?shelterId=shelter-b&direction=incoming', world.logistics, outgoing),
        'incoming transfers',
      ),
    ]).toEqual([refused('vouchers to 2020'), refused('incoming transfers')]);
  });

  it('refuses, as invalid-cursor, hand-made cursors and garbage', async () => {
    const handMade = [
      // The key of another organisation's subscription, as a cursor of GET /v1/webhooks would hold it.
      { gsi1pk: 'WEBHOOKS', gsi1sk: 'org-b#wh_x', pk: 'WEBHOOK#wh_x', sk: 'META' },
      { pk: 'ORG#org-b', sk: 'META', gsi1pk: 'ORGS', gsi1sk: 'org-b' },
      { pk: 'STOCK', sk: 'shelter-b#rice' },
      {},
    ].map((key) => Buffer.from(JSON.stringify(key)).toString('base64url'));
    const garbage = ['garbage', '%%%', 'e30', 'x'.repeat(2048), `${'a'.repeat(40)}.${'b'.repeat(43)}`];
    const answers = [];
    const expected = [];
    for (const { path, reader } of listings) {
      for (const cursor of [...handMade, ...garbage]) {
        const where = `${path} with ${cursor.slice(0, 40)}`;
        answers.push(outcome(await page(path, reader, cursor), where));
        expected.push(refused(where));
      }
    }
    expect(answers).toEqual(expected);
  });
});

function withQuery(path: string, params: Record<string, string>): string {
  const [base, query] = path.split('?');
  const search = new URLSearchParams(query);
  for (const [name, value] of Object.entries(params)) search.set(name, value);
  return `${base}?${search.toString()}`;
}
