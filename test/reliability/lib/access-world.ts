import type { Role } from '../../../shared/domain/api-key.js';
import { type CallOptions, type CallResult, call } from '../../support/http.js';
import type { PersonalDataWatch } from '../../support/log-privacy.js';
import { offlineRecord, registerDevice, sync, type TestDevice } from '../../support/offline-fixtures.js';
import type { TestApp } from '../../support/test-app.js';

/**
 * The world the fuzzing and access-control parts act in: organisations org-a and org-b, shelters
 * A, B (confidential) and C with pickup points, a catalogue, plenty of stock, and keys of every
 * role of both organisations, three of them scoped to shelter A (the volunteer to pickup point A1),
 * plus keys that must fail: none, revoked, wrong secret.
 */

export interface Principal {
  name: string;
  role?: Role;
  org?: 'org-a' | 'org-b';
  /** Restricted to shelter A (and pickup point A1 for the volunteer). */
  scoped: boolean;
  key?: string;
}

export interface AccessWorld {
  t: TestApp;
  watch: PersonalDataWatch;
  /** A wildcard-scope key of this role and organisation. */
  key(role: Role, org?: 'org-a' | 'org-b'): string;
  principals: Principal[];
  send(method: string, path: string, options: CallOptions): Promise<CallResult>;
  /** A fresh voucher of an organisation (org-a unless named) at a shelter. */
  voucher(shelterId: string, org?: 'org-a' | 'org-b'): Promise<{ id: string; token: string; code: string }>;
  /** A fresh voucher of org-a at a shelter, then voided by its coordinator. */
  voidedVoucher(shelterId: string): Promise<{ id: string; token: string; code: string }>;
  /** A fresh voucher of org-a at a shelter, then redeemed at `pickupPointId` by a volunteer serving every point. */
  redeemedVoucher(
    shelterId: string,
    pickupPointId: string,
  ): Promise<{ id: string; token: string; code: string }>;
  /** A fresh transfer in transit. */
  transfer(fromShelterId: string, toShelterId: string): Promise<string>;
  /** A fresh device of "volunteer of org-a" (the wildcard key) at a pickup point, with its secret. */
  device(pickupPointId: string): Promise<TestDevice>;
  /** A fresh open conflict at a shelter: a voided voucher of org-a synced by a fresh device. */
  conflict(shelterId: string): Promise<string>;
  /** A fresh webhook subscription of org-a (to a port nothing listens on), with one queued delivery. */
  webhook(): Promise<{ id: string; deliveryId: string }>;
  /** A fresh distribution round of org-a at shelter A (rice only), a draft or opened. */
  round(status: 'draft' | 'open'): Promise<string>;
  /** A fresh volunteer (a person) of org-a at a pickup point, added by org-a's admin. */
  person(pickupPointId: string): Promise<string>;
  /** A fresh invitation for a person, its code registered as a secret of the watch. */
  invitation(personId: string): Promise<{ id: string; code: string }>;
  /** A key of a person, made by accepting a fresh invitation: its id. */
  personKey(personId: string): Promise<string>;
  unique(prefix: string): string;
}

/**
 * Builds the world. `t` must be fresh: two organisations, shelters A, B (confidential) and C with
 * pickup points, a catalogue, plenty of stock everywhere, and the keys of `principals`.
 */
const lines = [{ itemId: 'rice', quantity: 1 }];

export async function buildAccessWorld(t: TestApp, watch: PersonalDataWatch): Promise<AccessWorld> {
  await t.createOrg('org-a');
  await t.createOrg('org-b');
  const keys = new Map<string, string>();
  // Every key states its reach, as an admin must: here "*", each admin's explicit choice.
  const everywhere = {
    admin: {},
    coordinator: { scope: { shelterIds: '*' } },
    volunteer: { scope: { pickupPointIds: '*' } },
    logistics: { scope: { shelterIds: '*' } },
  } as const;
  for (const org of ['org-a', 'org-b'] as const) {
    for (const role of ['admin', 'coordinator', 'volunteer', 'logistics'] as const) {
      keys.set(`${role}@${org}`, await t.issueKey({ role, orgId: org, ...everywhere[role] }));
    }
  }
  const key = (role: Role, org: 'org-a' | 'org-b' = 'org-a') => keys.get(`${role}@${org}`) as string;
  const send = async (method: string, path: string, options: CallOptions) => {
    const result = await call(t.app, method, path, options);
    watch.observe(result.body);
    return result;
  };
  const must = async (method: string, path: string, body: unknown, by: string, status = 201) => {
    const result = await send(method, path, { key: by, body });
    if (result.status !== status) throw new Error(`${method} ${path}: ${result.status} ${result.text}`);
    return result.body;
  };

  const admin = key('admin');
  for (const [id, extra] of [
    ['shelter-a', {}],
    ['shelter-b', { confidential: true, address: 'Street 1, Ta Khmau' }],
    ['shelter-c', {}],
  ] as const) {
    await must(
      'POST',
      '/v1/shelters',
      { id, name: `Shelter ${id}`, province: 'Phnom Penh', capacity: 1000, population: 100, ...extra },
      admin,
    );
  }
  for (const [shelter, pp] of [
    ['shelter-a', 'pp-a1'],
    ['shelter-a', 'pp-a2'],
    ['shelter-b', 'pp-b1'],
    ['shelter-c', 'pp-c1'],
  ]) {
    await must('POST', `/v1/shelters/${shelter}/pickup-points`, { id: pp, name: pp }, admin);
  }
  // Water has a daily need (so days of cover, a plan and a needs report have something to say):
  // the 100,000 L below last 100 people 66 days.
  for (const [id, category, unit, need] of [
    ['rice', 'food', 'kg', undefined],
    ['water', 'water', 'L', 15],
    ['blanket', 'bedding', 'piece', undefined],
  ] as const) {
    const dailyNeed = need === undefined ? {} : { dailyNeedPerPerson: need };
    await must('POST', '/v1/items', { id, name: id, category, unit, ...dailyNeed }, admin);
  }
  for (const shelter of ['shelter-a', 'shelter-b', 'shelter-c']) {
    await must(
      'POST',
      `/v1/shelters/${shelter}/receipts`,
      {
        source: watch.bodyText('opening'),
        lines: [
          { itemId: 'rice', quantity: 100_000 },
          { itemId: 'water', quantity: 100_000 },
          { itemId: 'blanket', quantity: 10_000 },
        ],
      },
      key('logistics'),
    );
  }

  const revoked = await t.issueKey({ role: 'admin', orgId: 'org-a' });
  await must('DELETE', `/v1/api-keys/${revoked.split('_')[1]}`, undefined, admin, 200);

  const principals: Principal[] = [];
  for (const org of ['org-a', 'org-b'] as const) {
    for (const role of ['admin', 'coordinator', 'volunteer', 'logistics'] as const) {
      principals.push({ name: `${role} of ${org}`, role, org, scoped: false, key: key(role, org) });
    }
  }
  principals.push(
    {
      name: 'logistics of org-a scoped to shelter A',
      role: 'logistics',
      org: 'org-a',
      scoped: true,
      key: await t.issueKey({ role: 'logistics', orgId: 'org-a', scope: { shelterIds: ['shelter-a'] } }),
    },
    {
      name: 'coordinator of org-a scoped to shelter A',
      role: 'coordinator',
      org: 'org-a',
      scoped: true,
      key: await t.issueKey({ role: 'coordinator', orgId: 'org-a', scope: { shelterIds: ['shelter-a'] } }),
    },
    {
      name: 'volunteer of org-a at pickup point A1',
      role: 'volunteer',
      org: 'org-a',
      scoped: true,
      // Names its pickup point only: it reaches shelter A, the shelter of that point.
      key: await t.issueKey({ role: 'volunteer', orgId: 'org-a', scope: { pickupPointIds: ['pp-a1'] } }),
    },
    { name: 'no key', scoped: false },
    { name: 'a revoked key', scoped: false, key: revoked },
    { name: 'a key with a wrong secret', scoped: false, key: `${admin.slice(0, -4)}AAAA` },
  );

  const voucher = async (shelterId: string, org: 'org-a' | 'org-b' = 'org-a') =>
    (await must(
      'POST',
      '/v1/vouchers',
      { shelterId, beneficiaryRef: watch.beneficiaryRef(), householdSize: 2, lines },
      key('coordinator', org),
    )) as { id: string; token: string; code: string };

  const invitation = async (personId: string) => {
    const body = await must('POST', `/v1/people/${personId}/invitations`, {}, admin);
    const code = new URL(String(body.link)).hash.slice('#invite='.length);
    return { id: String(body.id), code: watch.secret(code, 'invitation-code') };
  };

  let counter = 0;
  return {
    t,
    watch,
    key,
    principals,
    send,
    unique: (prefix) => `${prefix}-${++counter}`,
    voucher,
    async voidedVoucher(shelterId) {
      const issued = await voucher(shelterId);
      await must('POST', `/v1/vouchers/${issued.id}/void`, undefined, key('coordinator'), 200);
      return issued;
    },
    async redeemedVoucher(shelterId, pickupPointId) {
      const issued = await voucher(shelterId);
      await must('POST', '/v1/redemptions', { token: issued.token, pickupPointId }, key('volunteer'), 200);
      return issued;
    },
    async transfer(fromShelterId, toShelterId) {
      const body = await must(
        'POST',
        '/v1/transfers',
        { fromShelterId, toShelterId, lines },
        key('logistics'),
      );
      return String(body.id);
    },
    device: (pickupPointId) => registerDevice(t, key('volunteer'), pickupPointId, 'access phone'),
    async conflict(shelterId) {
      const device = await registerDevice(
        t,
        key('volunteer'),
        shelterId === 'shelter-b' ? 'pp-b1' : 'pp-a1',
        'access phone',
      );
      const issued = await voucher(shelterId);
      await must('POST', `/v1/vouchers/${issued.id}/void`, undefined, key('coordinator'), 200);
      const synced = await sync(t, device, [offlineRecord(device, { id: issued.id, lines })]);
      const conflictId = synced.body.results[0]?.conflictId;
      if (conflictId === undefined) throw new Error(`no conflict: ${synced.text}`);
      return conflictId;
    },
    async round(status) {
      const from = Date.now() - 3_600_000;
      const body = await must(
        'POST',
        '/v1/rounds',
        {
          name: watch.bodyText('round'),
          shelterIds: ['shelter-a'],
          validFrom: new Date(from).toISOString(),
          validUntil: new Date(from + 14 * 86_400_000).toISOString(),
          rules: [{ itemId: 'rice', amount: 0.4, per: 'person-day' }],
        },
        key('coordinator'),
      );
      const id = String(body.id);
      if (status === 'open') await must('POST', `/v1/rounds/${id}/open`, undefined, key('coordinator'), 200);
      return id;
    },
    async person(pickupPointId) {
      const body = await must(
        'POST',
        '/v1/people',
        {
          displayName: watch.bodyText('person'),
          role: 'volunteer',
          scope: { pickupPointIds: [pickupPointId] },
        },
        admin,
      );
      return String(body.id);
    },
    invitation,
    async personKey(personId) {
      const { code } = await invitation(personId);
      // Each from an address of its own, as phones on their own networks: attempts are counted per address.
      const sourceIp = `198.51.100.${(++counter % 250) + 1}`;
      const accepted = await send('POST', '/v1/invitations/accept', {
        body: { code },
        env: { requestContext: { http: { sourceIp } } },
      });
      if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${accepted.text}`);
      return String(accepted.body.keyId);
    },
    async webhook() {
      const body = await must(
        'POST',
        '/v1/webhooks',
        { url: 'http://localhost:9/hook', eventTypes: ['stock.low'] },
        key('coordinator'),
      );
      const id = String(body.id);
      const deliveryId = `01J${String(++counter).padStart(23, '0')}`;
      await t.deps.stores.deliveries.enqueue(
        id,
        {
          id: deliveryId,
          webhookId: id,
          eventId: `evt_${deliveryId}`,
          eventType: 'stock.low',
          status: 'pending',
          createdAt: new Date().toISOString(),
          attempts: 0,
          attemptLog: [],
        },
        '{}',
      );
      return { id, deliveryId };
    },
  };
}
