import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/api-key.js';
import { type CallResult, call, isProblem } from '../support/http.js';
import { PersonalDataWatch } from '../support/log-privacy.js';
import { createTestApp } from '../support/test-app.js';
import { type AccessWorld, buildAccessWorld, type Principal } from './lib/access-world.js';
import {
  type OpenApiOperation,
  type OperationCase,
  openApiOperations,
  operationCases,
  type Reach,
} from './lib/operations.js';

/**
 * Part e: every operation of /openapi.json, called by every role of both organisations, by keys
 * scoped to shelter A (and pickup point A1), and with no valid key, on resources in and out of
 * reach. Only the cells the declared roles and scopes allow succeed; the others answer 401, 403
 * or 404, and a resource outside a key's reach answers exactly as one that does not exist.
 */

const watch = new PersonalDataWatch('access');
let w: AccessWorld;
let operations: Map<string, OpenApiOperation>;
let cells = 0;

/** Written down by hand for the operations that move stock, vouchers, keys and places. */
const sensitiveRoles: Record<string, Role[]> = {
  'POST /v1/shelters/{id}/receipts': ['logistics'],
  'POST /v1/shelters/{id}/adjustments': ['logistics'],
  'POST /v1/shelters/{id}/counts': ['logistics'],
  'POST /v1/shelters/{id}/count-sessions': ['logistics'],
  'PUT /v1/count-sessions/{id}/lines/{itemId}': ['logistics'],
  'POST /v1/count-sessions/{id}/submit': ['logistics'],
  'POST /v1/count-sessions/{id}/approve': ['logistics'],
  'POST /v1/transfers': ['logistics'],
  'POST /v1/transfers/{id}/receive': ['logistics'],
  'POST /v1/vouchers': ['coordinator'],
  'POST /v1/vouchers/batch': ['coordinator'],
  'POST /v1/vouchers/{id}/void': ['coordinator'],
  'POST /v1/redemptions': ['volunteer'],
  'POST /v1/organizations': ['admin'],
  'GET /v1/organizations': ['admin'],
  'POST /v1/api-keys': ['admin'],
  'DELETE /v1/api-keys/{id}': ['admin'],
  'POST /v1/shelters': ['admin'],
  'PATCH /v1/shelters/{id}': ['admin'],
  'POST /v1/shelters/{id}/pickup-points': ['admin'],
  'POST /v1/items': ['admin'],
  'PATCH /v1/items/{id}': ['admin', 'logistics'],
  'POST /v1/webhooks': ['admin', 'coordinator'],
  'DELETE /v1/webhooks/{id}': ['admin', 'coordinator'],
  'POST /v1/webhooks/{id}/rotate-secret': ['admin', 'coordinator'],
  'POST /v1/devices/{id}/revoke': ['admin', 'coordinator', 'logistics'],
  'POST /v1/beneficiaries/check': ['coordinator'],
  'GET /v1/beneficiaries/checks': ['admin'],
  'POST /v1/people': ['admin', 'coordinator'],
  'PATCH /v1/people/{id}': ['admin', 'coordinator'],
  'POST /v1/people/{id}/revoke': ['admin', 'coordinator'],
  'POST /v1/people/{id}/invitations': ['admin', 'coordinator'],
};

/**
 * Cells where the API is known (and reported) to allow more than the scope rule says. Each one
 * is asserted to still behave so, so a fix shows up here and the entry can go.
 */
const knownGaps = new Set<string>([]);

type Expectation = { kind: 'success' } | { kind: 'status'; status: number } | { kind: 'as-absent' };

/** Whether the key's scope reaches a resource in `reach`: wildcard keys reach all, scoped keys `own` only. */
function inScope(principal: Principal, guard: OperationCase['guard'], reach: Reach): boolean {
  return (
    !principal.scoped || reach === 'own' || guard === 'role' || guard === 'public' || guard === 'organisation'
  );
}

function expectation(
  op: OpenApiOperation,
  spec: OperationCase,
  principal: Principal,
  reach: Reach,
): Expectation {
  if (spec.guard === 'public') return { kind: 'success' };
  if (principal.role === undefined) return { kind: 'status', status: 401 };
  if (!(op.roles ?? []).includes(principal.role)) return { kind: 'status', status: 403 };
  // A voucher belongs to one organisation: to every other it does not exist.
  if (spec.guard === 'voucher' && principal.org !== 'org-a') return { kind: 'status', status: 404 };
  // A webhook is its organisation's; an admin manages every organisation's.
  if (spec.guard === 'organisation' && principal.org !== 'org-a' && principal.role !== 'admin')
    return { kind: 'status', status: 404 };
  // A device is its volunteer key's: another volunteer key is told it does not exist.
  if (spec.guard === 'device' && principal.role === 'volunteer')
    return principal.name === 'volunteer of org-a' && reach !== 'absent'
      ? { kind: 'success' }
      : principal.scoped
        ? { kind: 'as-absent' }
        : { kind: 'status', status: 404 };
  // A phone is revoked by its own organisation's coordinator, never another's (an admin or a
  // logistics lead of the shelter does it for a partner).
  if (
    spec.guard === 'own-organisation-device' &&
    principal.role === 'coordinator' &&
    principal.org !== 'org-a' &&
    reach !== 'absent'
  )
    return { kind: 'status', status: 403 };
  // A conflict concerns one organisation's voucher: another organisation's coordinator sees nothing.
  if (spec.guard === 'conflict' && principal.role === 'coordinator' && principal.org !== 'org-a')
    return { kind: 'status', status: 404 };
  // A person is managed by admins, and by coordinators of their own organisation only.
  if (spec.guard === 'person' && principal.role === 'coordinator' && principal.org !== 'org-a')
    return { kind: 'status', status: 404 };
  if (spec.openIds && reach === 'absent') return { kind: 'status', status: 404 };
  if (!inScope(principal, spec.guard, reach))
    return spec.openIds ? { kind: 'status', status: 403 } : { kind: 'as-absent' };
  if (reach === 'absent')
    return principal.scoped ? { kind: 'as-absent' } : { kind: 'status', status: spec.absentStatus ?? 404 };
  return { kind: 'success' };
}

async function attempt(
  id: string,
  spec: OperationCase,
  principal: Principal,
  reach: Reach,
): Promise<CallResult> {
  const op = operations.get(id) as OpenApiOperation;
  const request = await spec.build(w, reach);
  cells += 1;
  return w.send(op.method, request.path, {
    ...(principal.key === undefined ? {} : { key: principal.key }),
    ...(request.body === undefined ? {} : { body: request.body }),
    ...(request.headers === undefined ? {} : { headers: request.headers }),
  });
}

const outcomeOf = (spec: OperationCase, result: CallResult) => spec.outcome?.(result) ?? result.status;

beforeAll(async () => {
  const t = watch.watch(await createTestApp());
  w = await buildAccessWorld(t, watch);
  operations = new Map((await openApiOperations(t)).operations.map((op) => [op.id, op]));
});

afterAll(() => {
  console.log(`reliability/access: ${cells} cases (operation x key x reach)`);
  watch.dump();
});

describe('the operations and the roles they declare', () => {
  it('has a request for every operation in /openapi.json, and nothing else', () => {
    expect([...operations.keys()].sort()).toEqual(Object.keys(operationCases).sort());
  });

  it('declares roles on every operation that takes a key, and none on the public ones', () => {
    for (const [id, op] of operations) {
      // A public operation says so with `security: []`: no key needed.
      const security = op.operation.security as unknown[] | undefined;
      expect(security, id).toBeDefined();
      const isPublic = security?.length === 0;
      expect(isPublic, id).toBe(operationCases[id]?.guard === 'public');
      if (!isPublic) expect(op.roles?.length, id).toBeGreaterThan(0);
    }
  });

  it('gives stock moves to logistics, vouchers to coordinators, redemption to volunteers, set-up to admins', () => {
    for (const [id, roles] of Object.entries(sensitiveRoles)) {
      expect(operations.get(id)?.roles?.slice().sort(), id).toEqual(roles.slice().sort());
    }
  });
});

describe('the access-control matrix', () => {
  for (const [id, spec] of Object.entries(operationCases)) {
    it(`${id}: only allowed roles in scope succeed; a resource out of reach looks absent`, async () => {
      const op = operations.get(id);
      expect(op, `${id} is not in /openapi.json`).toBeDefined();
      if (op === undefined) return;
      const reaches: Reach[] =
        spec.guard === 'role' || spec.guard === 'public'
          ? ['own']
          : spec.guard === 'organisation'
            ? ['own', 'absent']
            : ['own', 'foreign', 'absent'];
      const absentAnswers = new Map<string, CallResult>();
      const failures: string[] = [];
      for (const principal of w.principals) {
        for (const reach of reaches) {
          if (principal.role === undefined && reach !== 'own') continue;
          const expected = expectation(op, spec, principal, reach);
          const result = await attempt(id, spec, principal, reach);
          const status = outcomeOf(spec, result);
          const cell = `${principal.name} on ${reach}: expected ${JSON.stringify(expected)}, got ${status} ${result.text.slice(0, 160)}`;
          if (reach === 'absent') absentAnswers.set(principal.name, result);
          if (result.status >= 400 && !isProblem(result)) failures.push(`${cell} (not problem+json)`);
          const ok =
            expected.kind === 'success'
              ? status >= 200 && status < 300
              : expected.kind === 'status'
                ? status === expected.status
                : status === 403 || status === 404;
          if (knownGaps.has(`${id} | ${principal.name} | ${reach}`)) {
            if (ok) failures.push(`${cell}: a known gap is closed, remove it from knownGaps`);
          } else if (!ok) failures.push(cell);
        }
      }
      // Out of reach answers exactly as absent: same status, same problem type.
      for (const principal of w.principals.filter((p) => p.scoped && reaches.includes('foreign'))) {
        const expected = expectation(op, spec, principal, 'foreign');
        if (expected.kind !== 'as-absent' || knownGaps.has(`${id} | ${principal.name} | foreign`)) continue;
        const foreign = await attempt(id, spec, principal, 'foreign');
        const absent = absentAnswers.get(principal.name) as CallResult;
        if (outcomeOf(spec, foreign) !== outcomeOf(spec, absent) || foreign.body.type !== absent.body.type) {
          failures.push(
            `${principal.name}: out of reach answered ${foreign.status} ${foreign.body.type}, absent ${absent.status} ${absent.body.type}`,
          );
        }
      }
      expect(failures).toEqual([]);
    });
  }
});

/**
 * The redemption policy, as decided: a volunteer key names the pickup points it serves (or `*`,
 * an admin's explicit choice). At a pickup point it may verify and redeem any partner
 * organisation's voucher issued for that point's shelter: stock belongs to the shelter, and one
 * shelter's volunteers serve every partner. A voucher for any other shelter answers
 * `voucher-wrong-shelter` and nothing about its state (no status, times or places): the shelter
 * check comes before any status check. Verify requires the voucher's shelter to be the shelter
 * of one of the key's pickup points (for `*` keys, any). A key with no scope cannot be created.
 */
describe('the redemption policy', () => {
  /** What a volunteer must never learn about a voucher outside its shelters. */
  const stateFields = ['redeemedAt', 'voidedAt', 'validUntil', 'validFrom', 'pickupPointId', 'lines', 'code'];
  let atA1: string;
  let orgBAtA1: string;

  beforeAll(async () => {
    atA1 = (w.principals.find((p) => p.scoped && p.role === 'volunteer') as Principal).key as string;
    orgBAtA1 = await w.t.issueKey({
      role: 'volunteer',
      orgId: 'org-b',
      scope: { pickupPointIds: ['pp-a1'] },
    });
  });

  const verify = (key: string, body: Record<string, unknown>) =>
    w.send('POST', '/v1/vouchers/verify', { key, body });
  const redeem = (key: string, body: Record<string, unknown>) =>
    w.send('POST', '/v1/redemptions', { key, body });

  it('lets a volunteer verify and redeem its own organisation’s voucher at its pickup point', async () => {
    const voucher = await w.voucher('shelter-a', 'org-a');

    const checked = await verify(atA1, { token: voucher.token, pickupPointId: 'pp-a1' });
    const redeemed = await redeem(atA1, { token: voucher.token, pickupPointId: 'pp-a1' });
    cells += 2;

    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ status: 'issued', canRedeemHere: true });
    expect(redeemed.status).toBe(200);
  });

  it('lets a volunteer verify and redeem another partner organisation’s voucher for the same shelter', async () => {
    const ofOrgA = await w.voucher('shelter-a', 'org-a');
    const ofOrgB = await w.voucher('shelter-a', 'org-b');

    const results = [
      await verify(orgBAtA1, { token: ofOrgA.token }),
      await redeem(orgBAtA1, { token: ofOrgA.token, pickupPointId: 'pp-a1' }),
      await verify(atA1, { code: ofOrgB.code, pickupPointId: 'pp-a1' }),
      await redeem(atA1, { code: ofOrgB.code, pickupPointId: 'pp-a1' }),
    ];
    cells += results.length;

    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
  });

  it('answers a voucher of another shelter with voucher-wrong-shelter and nothing of its state, issued, void or redeemed', async () => {
    const vouchers = {
      issued: await w.voucher('shelter-b'),
      void: await w.voidedVoucher('shelter-b'),
      redeemed: await w.redeemedVoucher('shelter-b', 'pp-b1'),
    };
    const failures: string[] = [];
    const answers = new Map<string, string>();
    for (const [state, voucher] of Object.entries(vouchers)) {
      const attempts: Array<[string, Promise<CallResult>]> = [
        ['verify at A1 by a key of A1', verify(atA1, { token: voucher.token, pickupPointId: 'pp-a1' })],
        ['verify without a point by a key of A1', verify(atA1, { code: voucher.code })],
        ['redeem at A1 by a key of A1', redeem(atA1, { token: voucher.token, pickupPointId: 'pp-a1' })],
        [
          'redeem at A1 by a * key',
          redeem(w.key('volunteer'), { code: voucher.code, pickupPointId: 'pp-a1' }),
        ],
        ['redeem at A1 by org-b', redeem(orgBAtA1, { token: voucher.token, pickupPointId: 'pp-a1' })],
      ];
      for (const [how, pending] of attempts) {
        const result = await pending;
        cells += 1;
        const cell = `${state} voucher, ${how}: ${result.status} ${result.text.slice(0, 200)}`;
        if (result.body.type !== 'urn:supplyline:problem:voucher-wrong-shelter') failures.push(cell);
        const leaked = stateFields.filter((field) => field in result.body);
        if (leaked.length > 0 || /redeemed|cancel|void|expired/i.test(String(result.body.detail)))
          failures.push(`${cell} (tells its state: ${leaked.join(', ')})`);
        // The same answer whatever the voucher's state: only the request id differs.
        const { requestId: _id, ...answer } = result.body;
        // The shelter's name comes with a key that serves no pickup point there; it never depends on the state.
        answers.set(
          `${state} ${how}`,
          JSON.stringify({ ...answer, voucherShelterId: undefined, voucherShelterName: undefined }),
        );
      }
    }
    expect(failures).toEqual([]);
    expect(new Set([...answers.values()]).size).toBe(1);
  });

  it('shows a voucher checked at another shelter only to a key that serves the voucher’s own shelter, and never redeems it there', async () => {
    const voucher = await w.voucher('shelter-b');
    const everywhere = w.key('volunteer');
    const seen = await verify(everywhere, { token: voucher.token, pickupPointId: 'pp-a1' });
    const handedOver = await redeem(everywhere, { token: voucher.token, pickupPointId: 'pp-a1' });
    const notServed = await verify(atA1, { token: voucher.token, pickupPointId: 'pp-a1' });
    cells += 3;

    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ shelterId: 'shelter-b', canRedeemHere: false });
    expect(handedOver.body.type).toBe('urn:supplyline:problem:voucher-wrong-shelter');
    expect(notServed.body.type).toBe('urn:supplyline:problem:voucher-wrong-shelter');
    expect(stateFields.filter((field) => field in notServed.body)).toEqual([]);
  });

  it('lets a volunteer serving every pickup point verify any shelter’s voucher when it names no point', async () => {
    const voucher = await w.voucher('shelter-b');

    const checked = await verify(w.key('volunteer'), { token: voucher.token });
    cells += 1;

    expect(checked.status).toBe(200);
  });

  it('cannot create a key without a scope, through the API or the use case', async () => {
    for (const [role, field] of [
      ['volunteer', 'body.scope.pickupPointIds'],
      ['coordinator', 'body.scope.shelterIds'],
      ['logistics', 'body.scope.shelterIds'],
    ] as const) {
      const result = await w.send('POST', '/v1/api-keys', {
        key: w.key('admin'),
        body: { role, orgId: 'org-a', label: w.watch.bodyText('label') },
      });
      cells += 1;
      expect(result.status, role).toBe(400);
      expect(
        (result.body.errors as Array<{ field: string }>).map((e) => e.field),
        role,
      ).toEqual([field]);
      await expect(w.t.issueKey({ role, orgId: 'org-a' }), role).rejects.toThrow(/explicit scope/);
    }
  });
});

/**
 * "Served before?" asks about people across every organisation: coordinators may ask, every call
 * is on a record only admins read (never the references), and each key has an hourly allowance of
 * references, counted in the table so that every instance draws from the same count.
 */
describe('the beneficiary check', () => {
  it('records every call, by whom and how many, for admins only', async () => {
    const before = await w.send('GET', '/v1/beneficiaries/checks?limit=200', { key: w.key('admin') });
    const asked = await w.send('POST', '/v1/beneficiaries/check', {
      key: w.key('coordinator', 'org-b'),
      body: { beneficiaryRefs: [w.watch.beneficiaryRef(), w.watch.beneficiaryRef()] },
    });
    const after = await w.send('GET', '/v1/beneficiaries/checks?limit=1', { key: w.key('admin', 'org-b') });
    const refused = await Promise.all(
      (['coordinator', 'logistics', 'volunteer'] as const).map((role) =>
        w.send('GET', '/v1/beneficiaries/checks', { key: w.key(role) }),
      ),
    );
    cells += 3 + refused.length;

    expect(before.status).toBe(200);
    expect(asked.status).toBe(200);
    expect(after.body.items).toEqual([
      expect.objectContaining({ orgId: 'org-b', references: 2, outcome: 'answered' }),
    ]);
    expect(refused.map((result) => result.status)).toEqual([403, 403, 403]);
  });

  it('refuses a key past its hourly references with 429 and Retry-After, on any instance, and records it', async () => {
    const limited = await createTestApp({
      table: w.t.table,
      env: { BENEFICIARY_CHECK_REFS_PER_HOUR: '3' },
    });
    const key = await w.t.issueKey({ role: 'coordinator', orgId: 'org-a', scope: { shelterIds: '*' } });
    const ask = (app: typeof limited, n: number) =>
      call(app.app, 'POST', '/v1/beneficiaries/check', {
        key,
        body: { beneficiaryRefs: Array.from({ length: n }, () => w.watch.beneficiaryRef()) },
      });
    const within = await ask(limited, 3);
    const past = await ask(limited, 1);
    cells += 2;

    expect(within.status).toBe(200);
    expect(past.status).toBe(429);
    expect(isProblem(past)).toBe(true);
    expect(Number(past.headers.get('retry-after'))).toBeGreaterThan(0);
    const record = await w.send('GET', '/v1/beneficiaries/checks?limit=1', { key: w.key('admin') });
    expect(record.body.items).toEqual([
      expect.objectContaining({ outcome: 'refused-over-limit', references: 1 }),
    ]);
  });
});

describe('lists show nothing out of reach', () => {
  it('shows a scoped key only its shelters, and a coordinator only its organisation’s vouchers', async () => {
    const ofOrgA = await w.voucher('shelter-a');
    const scoped = w.principals.filter((p) => p.scoped && p.key !== undefined);
    for (const principal of scoped) {
      const shelters = await w.send('GET', '/v1/shelters', { key: principal.key as string });
      expect(shelters.status).toBe(200);
      expect((shelters.body.items as Array<{ id: string }>).map((s) => s.id)).toEqual(['shelter-a']);
      if (principal.role === 'volunteer') continue;
      const stock = await w.send('GET', '/v1/stock', { key: principal.key as string });
      expect(stock.status).toBe(200);
      expect(new Set((stock.body.items as Array<{ shelterId: string }>).map((s) => s.shelterId))).toEqual(
        new Set(['shelter-a']),
      );
      const csv = await w.send('GET', '/v1/reports/stock.csv', { key: principal.key as string });
      expect(csv.text).not.toContain('shelter-b');
      // What is missing where, and what to move where: of its own shelters only.
      for (const path of ['/v1/reports/needs?targetDays=90', '/v1/reports/needs.csv?targetDays=90']) {
        const needs = await w.send('GET', path, { key: principal.key as string });
        expect(needs.status, path).toBe(200);
        expect(needs.text, path).toContain('shelter-a');
        expect(needs.text, path).not.toContain('shelter-b');
      }
      if (principal.role !== 'logistics') continue;
      const plan = await w.send('GET', '/v1/plans/transfers?targetDays=90', { key: principal.key as string });
      expect(plan.status).toBe(200);
      expect(plan.text).not.toContain('shelter-b');
      expect((plan.body.items as Array<{ shelters: number }>).every((item) => item.shelters === 1)).toBe(
        true,
      );
    }
    const otherOrg = await w.send('GET', '/v1/vouchers', { key: w.key('coordinator', 'org-b') });
    expect(otherOrg.status).toBe(200);
    expect(otherOrg.text).not.toContain(ofOrgA.id);
    const ownOrg = await w.send('GET', '/v1/vouchers?limit=200', { key: w.key('coordinator') });
    expect(ownOrg.text).toContain(ofOrgA.id);
    cells += scoped.length * 6 + 2;
  });

  it('shows a coordinator scoped to shelter A only the vouchers of shelter A', async () => {
    const elsewhere = await w.voucher('shelter-b');
    const coordinator = w.principals.find((p) => p.scoped && p.role === 'coordinator') as Principal;
    const list = await w.send('GET', '/v1/vouchers?limit=200', { key: coordinator.key as string });
    cells += 1;
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(elsewhere.id);
  });

  it('hides a confidential shelter’s location from everyone but admins', async () => {
    for (const role of ['coordinator', 'volunteer', 'logistics'] as const) {
      const shelter = await w.send('GET', '/v1/shelters/shelter-b', { key: w.key(role) });
      expect(shelter.status).toBe(200);
      expect(shelter.text).not.toContain('Ta Khmau');
    }
    const admin = await w.send('GET', '/v1/shelters/shelter-b', { key: w.key('admin') });
    expect(admin.text).toContain('Ta Khmau');
    cells += 4;
  });

  it('leaves no personal data in the log lines of this part', () => {
    expect(watch.leaks()).toEqual([]);
  });
});
