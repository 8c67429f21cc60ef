import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallResult, call } from '../support/http.js';
import { auditLedger, auditReservations } from '../support/ledger-audit.js';
import { PersonalDataWatch } from '../support/log-privacy.js';
import { registerDevice } from '../support/offline-fixtures.js';
import { queryPartition, readRecord } from '../support/table-reads.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { Replay, SameKeyAtOnce, Single, VoidRedeemRace } from './lib/model-commands.js';
import { OfflineHandover, Resync, TakePack } from './lib/offline-commands.js';
import {
  adjustment,
  count,
  dispatch,
  emptyModel,
  expectOutcome,
  ITEMS,
  issue,
  type Model,
  type Mutation,
  type Request,
  receipt,
  receive,
  redeem,
  type System,
  voidVoucher,
} from './lib/stock-model.js';

/**
 * Part c: a model-based test. fast-check generates sequences of stock and voucher operations
 * (receipts, adjustments, counts, transfers, issue, void, redemption), replays with the same
 * Idempotency-Key, concurrent duplicates and void-versus-redeem races. A plain model predicts
 * every answer; after each sequence the table must match the model and DESIGN.md's invariants.
 * Replay a failure with RELIABILITY_SEED (and the `path` fast-check prints).
 */

const SEED = Number(process.env.RELIABILITY_SEED ?? 20_261_127);
const RUNS = 40;
const MAX_COMMANDS = 30;

const watch = new PersonalDataWatch('model');
let t: TestApp;
let keys: System['keys'] & { admin: string };
let runs = 0;
let commandsRun = 0;
/** How often each kind of command met each answer: proof that refusals and successes both happen. */
const outcomes = new Map<string, number>();

async function send(request: Request): Promise<CallResult> {
  const result = await call(t.app, request.method, request.path, {
    key: request.key,
    ...(request.body === undefined ? {} : { body: request.body }),
    ...(request.idempotencyKey === undefined
      ? {}
      : { headers: { 'idempotency-key': request.idempotencyKey } }),
  });
  watch.observe(result.body);
  return result;
}

// ---- generators ----

const shelterArb = fc.integer({ min: 0, max: 1 });
const itemArb = fc.constantFrom(...ITEMS);
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  {
    arbitrary: fc.tuple(shelterArb, itemArb, fc.integer({ min: 1, max: 40 })).map((a) => receipt(...a)),
    weight: 4,
  },
  {
    arbitrary: fc
      .tuple(
        shelterArb,
        itemArb,
        fc.integer({ min: -40, max: 40 }).filter((q) => q !== 0),
      )
      .map((a) => adjustment(...a)),
    weight: 2,
  },
  {
    arbitrary: fc.tuple(shelterArb, itemArb, fc.integer({ min: 0, max: 60 })).map((a) => count(...a)),
    weight: 1,
  },
  {
    arbitrary: fc.tuple(shelterArb, itemArb, fc.integer({ min: 1, max: 30 })).map((a) => dispatch(...a)),
    weight: 2,
  },
  { arbitrary: fc.tuple(fc.nat(), fc.integer({ min: -5, max: 3 })).map((a) => receive(...a)), weight: 2 },
  {
    arbitrary: fc
      .tuple(
        shelterArb,
        fc.uniqueArray(fc.record({ itemId: itemArb, quantity: fc.integer({ min: 1, max: 15 }) }), {
          minLength: 1,
          maxLength: 3,
          selector: (line) => line.itemId,
        }),
      )
      .map((a) => issue(...a)),
    weight: 4,
  },
  { arbitrary: fc.nat().map((i) => voidVoucher(i)), weight: 2 },
  { arbitrary: fc.tuple(fc.nat(), fc.boolean()).map((a) => redeem(...a)), weight: 4 },
);

const commandsArb = fc.commands(
  [
    mutationArb.map((m) => new Single(m)),
    mutationArb.map((m) => new Single(m)),
    mutationArb.map((m) => new Single(m)),
    fc.tuple(mutationArb, fc.integer({ min: 2, max: 4 })).map(([m, n]) => new SameKeyAtOnce(m, n)),
    fc.nat().map((i) => new Replay(i)),
    fc.nat().map((i) => new VoidRedeemRace(i)),
    shelterArb.map((s) => new TakePack(s)),
    fc
      .tuple(shelterArb, fc.nat(), fc.constantFrom(1, 1, 2, 3))
      .map(([s, i, tabs]) => new OfflineHandover(s, i, tabs)),
    fc.nat().map((i) => new Resync(i)),
  ],
  { maxCommands: MAX_COMMANDS, size: 'xlarge' },
);

/** Two fresh shelters (each with a pickup point) per run, so each run's model starts from zero. */
async function freshRun(): Promise<{ model: Model; real: System }> {
  const run = ++runs;
  const shelters: [string, string] = [`model-${run}-a`, `model-${run}-b`];
  const pickupPoints: [string, string] = [`model-${run}-a-gate`, `model-${run}-b-gate`];
  for (const [i, id] of shelters.entries()) {
    const created = await send({
      method: 'POST',
      path: '/v1/shelters',
      key: keys.admin,
      body: { id, name: `Model ${id}`, province: 'Phnom Penh', capacity: 500, population: 100 },
    });
    expect(created.status, created.text).toBe(201);
    const point = await send({
      method: 'POST',
      path: `/v1/shelters/${id}/pickup-points`,
      key: keys.admin,
      body: { id: pickupPoints[i], name: 'Gate' },
    });
    expect(point.status, point.text).toBe(201);
  }
  // Opening stock at shelter A only, so that refusals (nothing to issue from, nothing to send) stay common.
  const model = emptyModel();
  let idempotencyKeys = 0;
  const devices = [
    await registerDevice(t, keys.volunteer, pickupPoints[0], `model ${run} a`),
    await registerDevice(t, keys.volunteer, pickupPoints[1], `model ${run} b`),
  ] as System['devices'];
  const real: System = {
    run,
    shelters,
    pickupPoints,
    keys,
    devices,
    send,
    nextIdempotencyKey: () => `model-${run}-${++idempotencyKeys}`,
    bodyText: (label) => watch.bodyText(label),
    beneficiaryRef: () => watch.beneficiaryRef(),
    tally: (kind, status) => {
      commandsRun += 1;
      outcomes.set(`${kind} ${status}`, (outcomes.get(`${kind} ${status}`) ?? 0) + 1);
    },
  };
  for (const itemId of ITEMS) {
    const { request, expect: expected } = receipt(0, itemId, 30).plan(model, real);
    const opened = await send(request);
    expectOutcome(opened, expected, 'opening stock');
    expected.apply?.(model, opened.body as Record<string, unknown>);
  }
  return { model, real };
}

/** The table, read directly, against the model and DESIGN.md's invariants. */
async function expectTableMatchesModel(model: Model, real: System) {
  const audit = await auditLedger(t.table, [...real.shelters]);
  expect(audit.mismatches).toEqual([]);
  expect(audit.negatives).toEqual([]);
  expect((await auditReservations(t.table)).mismatches).toEqual([]);
  for (const [key, expected] of model.stock) {
    const [shelter, itemId] = key.split('#') as [string, string];
    const stored = audit.balances.get(`${real.shelters[Number(shelter)]}#${itemId}`) ?? {
      onHand: 0,
      reserved: 0,
    };
    expect({ key, ...stored }).toEqual({ key, ...expected });
  }
  for (const voucher of model.vouchers) {
    expect((await readRecord(t.table, `VOUCHER#${voucher.id}`))?.status).toBe(voucher.status);
  }
  await expectEveryRecordCommittedOnce(model, real);
}

/**
 * Every offline record ends as exactly one redemption or exactly one conflict, whatever was sent
 * twice or at once: one distribution entry naming it, or one conflict naming it and no entry.
 */
async function expectEveryRecordCommittedOnce(model: Model, real: System) {
  const entries = new Map<string, number>();
  const conflicts = new Map<string, number>();
  for (const shelterId of real.shelters) {
    for (const row of await queryPartition(t.table, `SHELTER#${shelterId}`, 'MOVE#')) {
      if (typeof row.clientRedemptionId === 'string')
        entries.set(row.clientRedemptionId, (entries.get(row.clientRedemptionId) ?? 0) + 1);
    }
    const listed = await send({
      method: 'GET',
      path: `/v1/conflicts?shelterId=${shelterId}&limit=200`,
      key: keys.logistics,
    });
    for (const conflict of (listed.body.items ?? []) as Array<{ offline: { clientRedemptionId: string } }>) {
      const id = conflict.offline.clientRedemptionId;
      conflicts.set(id, (conflicts.get(id) ?? 0) + 1);
    }
  }
  for (const { record, result } of model.outbox) {
    const id = record.clientRedemptionId;
    const counted = { entries: entries.get(id) ?? 0, conflicts: conflicts.get(id) ?? 0 };
    expect({ id, ...counted }).toEqual({
      id,
      entries: result.outcome === 'redeemed' ? 1 : 0,
      conflicts: result.outcome === 'conflict' ? 1 : 0,
    });
  }
}

beforeAll(async () => {
  t = watch.watch(await createTestApp());
  await t.createOrg('org-a');
  const admin = await t.createKey('admin', 'org-a');
  for (const [id, category, unit] of [
    ['rice', 'food', 'kg'],
    ['water', 'water', 'L'],
    ['blanket', 'bedding', 'piece'],
  ] as const) {
    const created = await send({
      method: 'POST',
      path: '/v1/items',
      key: admin,
      body: { id, name: id, category, unit },
    });
    expect(created.status).toBe(201);
  }
  keys = {
    admin,
    logistics: await t.createKey('logistics', 'org-a'),
    coordinator: await t.createKey('coordinator', 'org-a'),
    volunteer: await t.createKey('volunteer', 'org-a'),
    volunteer2: await t.createKey('volunteer', 'org-a'),
  };
});

afterAll(() => {
  const summary = [...outcomes].sort().map(([outcome, n]) => `${outcome}: ${n}`);
  console.log(
    `reliability/model: ${commandsRun} cases (commands) in ${RUNS} runs, seed ${SEED} (replay with RELIABILITY_SEED=${SEED})\n  ${summary.join('; ')}`,
  );
  watch.dump();
});

describe('stock and vouchers against a model', () => {
  it('agrees with the model and keeps every invariant over random sequences of operations', async () => {
    await fc.assert(
      fc.asyncProperty(commandsArb, async (commands) => {
        const setup = await freshRun();
        await fc.asyncModelRun(() => setup, commands);
        await expectTableMatchesModel(setup.model, setup.real);
      }),
      { seed: SEED, numRuns: RUNS, verbose: 1 },
    );
    expect(commandsRun).toBeGreaterThan(RUNS * 5);
  });

  it('leaves no personal data in the log lines of this part', () => {
    expect(watch.leaks()).toEqual([]);
  });
});
