import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiEnvSchema, loadEnv } from '../../shared/config/env.js';
import { call, isProblem } from '../support/http.js';
import { createOpenRound, householdCsv, sendHouseholds } from '../support/round-fixtures.js';
import { createTestApp, freshTable, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, type VoucherWorld } from '../support/voucher-fixtures.js';

type LogEntry = {
  id: string;
  at: string;
  keyId: string;
  orgId: string;
  references: number;
  matched: number;
  outcome: string;
};

const keyIdOf = (key: string) => key.split('_')[1];

/** Half past the current hour, fixed: every call of a test falls in one window, 30 minutes from its end. */
const clock = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + 1_800_000);
const appOptions = { env: { BENEFICIARY_CHECK_REFS_PER_HOUR: '12' }, deps: { now: () => clock } };

describe('"served before?" checks: recorded, and limited per key', () => {
  let t: TestApp;
  let w: VoucherWorld;

  const check = (app: TestApp, key: string, beneficiaryRefs: string[]) =>
    call<Record<string, unknown>>(app.app, 'POST', '/v1/beneficiaries/check', {
      key,
      body: { beneficiaryRefs },
    });
  const log = async (query = '') => {
    const result = await call<{ items: LogEntry[] }>(t.app, 'GET', `/v1/beneficiaries/checks${query}`, {
      key: w.admin,
    });
    expect(result.status, result.text).toBe(200);
    return result.body.items;
  };

  beforeAll(async () => {
    const table = await freshTable();
    // A small hourly allowance, so the limit is reached in a few calls.
    t = await createTestApp({ table, ...appOptions });
    w = await buildVoucherWorld(t);
    const round = await createOpenRound(t, w.coordinator, {
      rules: [{ itemId: 'rice', amount: 1, per: 'household' }],
    });
    await sendHouseholds(t, w.coordinator, round.id, householdCsv([{ ref: 'HH-SERVED-1', size: 2 }]));
  });

  it('records every answered call for admins: who, when, how many references, how many matched; never the references', async () => {
    const answered = await check(t, w.coordinator, ['HH-SERVED-1', 'HH-NEW-1', 'HH-NEW-2']);
    const [entry] = await log();

    expect(answered.status, answered.text).toBe(200);
    expect(entry).toEqual({
      id: expect.any(String),
      at: expect.any(String),
      keyId: keyIdOf(w.coordinator),
      orgId: 'org-a',
      references: 3,
      matched: 1,
      outcome: 'answered',
    });
    expect(entry?.at).toBe(clock.toISOString());
    const stored = await t.table.doc.send(new ScanCommand({ TableName: t.table.tableName }));
    const checks = (stored.Items ?? []).filter(
      (item) => item.pk === 'BCHECKS' || String(item.pk).startsWith('RATE#'),
    );
    expect(checks.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(checks)).not.toMatch(/HH-SERVED|HH-NEW/);
    expect(t.rawLogs.join('\n')).not.toMatch(/HH-SERVED|HH-NEW/);
  });

  it('shows the record to admins only, filtered by organisation on request', async () => {
    await check(t, w.otherOrgCoordinator, ['HH-NEW-3']);
    const forCoordinator = await call(t.app, 'GET', '/v1/beneficiaries/checks', { key: w.coordinator });
    const ofOrgB = await log('?orgId=org-b');

    expect(forCoordinator.status).toBe(403);
    expect(ofOrgB.map((entry) => [entry.orgId, entry.references])).toEqual([['org-b', 1]]);
  });

  it('answers 429 with Retry-After once a key passes its hourly references, records the refusal, and leaves other keys alone', async () => {
    const coordinator = await t.createKey('coordinator', 'org-a');
    const refs = (n: number) => Array.from({ length: n }, (_, i) => `HH-LIMIT-${i}`);
    const first = await check(t, coordinator, refs(8));
    const second = await check(t, coordinator, refs(4));
    const over = await check(t, coordinator, refs(1));
    const otherKey = await check(t, w.coordinator, refs(1));

    expect([first.status, second.status, over.status, otherKey.status]).toEqual([200, 200, 429, 200]);
    expect(isProblem(over)).toBe(true);
    expect(over.body.type).toBe('urn:supplyline:problem:rate-limited');
    expect(over.body.detail).toMatch(/at most 12 references an hour/);
    // Until the next clock hour, half an hour away.
    expect(over.headers.get('retry-after')).toBe('1800');
    expect(over.body.windowEndsAt).toBe(new Date(clock.getTime() + 1_800_000).toISOString());
    const refusals = (await log()).filter((entry) => entry.outcome === 'refused-over-limit');
    expect(refusals).toEqual([
      expect.objectContaining({ keyId: keyIdOf(coordinator), references: 1, matched: 0 }),
    ]);
  });

  it('counts in the table, so another instance serving the same key draws from the same allowance, and two calls at once cannot both take the last room', async () => {
    const coordinator = await t.createKey('coordinator', 'org-a');
    const otherInstance = await createTestApp({ table: t.table, ...appOptions });
    await check(t, coordinator, ['HH-A', 'HH-B', 'HH-C', 'HH-D', 'HH-E', 'HH-F']);

    const racing = await Promise.all([
      check(otherInstance, coordinator, ['HH-1', 'HH-2', 'HH-3', 'HH-4']),
      check(t, coordinator, ['HH-5', 'HH-6', 'HH-7', 'HH-8']),
    ]);

    expect(racing.map((result) => result.status).sort()).toEqual([200, 429]);
  });

  it('allows 2,000 references an hour unless the deployment says otherwise', () => {
    expect(loadEnv(apiEnvSchema, { TABLE_NAME: 'supplyline' }).BENEFICIARY_CHECK_REFS_PER_HOUR).toBe(2_000);
  });
});
