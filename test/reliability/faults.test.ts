import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  allCommandKinds,
  type CommandKind,
  FaultInjector,
  type FaultKind,
  faultKinds,
  realSendOf,
  recordCommandKinds,
  sdkFault,
} from '../support/dynamo-faults.js';
import { buildWorld, type World } from '../support/fixtures.js';
import { type CallOptions, type CallResult, call, isProblem } from '../support/http.js';
import { auditLedger, auditReservations } from '../support/ledger-audit.js';
import { PersonalDataWatch } from '../support/log-privacy.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { faultScenarios, type Scenario, type ScenarioContext } from './lib/fault-scenarios.js';

/**
 * Part a of the reliability suite: DynamoDB faults that DynamoDB Local cannot produce, injected on
 * each kind of call the stores make, for the endpoints that matter. Each request must either
 * answer 503 (problem+json, Retry-After) having changed nothing, or retry inside and succeed
 * having changed things exactly once; a client's retry with the same Idempotency-Key must then
 * land exactly once. The table is audited after every case.
 */

// Backoff is a clock: a store that retries 60 times under a persistent fault would make this
// suite wait minutes. The retries still happen, each a real read and write, just without the wait.
vi.mock('../../shared/store/backoff.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../shared/store/backoff.js')>()),
  backoffDelay: () => 0,
}));

const watch = new PersonalDataWatch('faults');
let t: TestApp;
let world: World;
let offsetMs = 0;
let cases = 0;
let sequence = 0;
/** First answers under a fault: 503, or success after retrying inside. */
const firstAnswers = { unavailable: 0, succeeded: 0 };

async function send(method: string, path: string, options: CallOptions): Promise<CallResult> {
  const result = await call(t.app, method, path, options);
  watch.observe(result.body);
  return result;
}

async function expectInvariants() {
  const ledger = await auditLedger(t.table, ['shelter-a', 'shelter-b']);
  expect(ledger.mismatches).toEqual([]);
  expect(ledger.negatives).toEqual([]);
  expect((await auditReservations(t.table)).mismatches).toEqual([]);
}

function expectUnavailable(result: CallResult) {
  expect(result.status, result.text).toBe(503);
  expect(isProblem(result)).toBe(true);
  expect(result.body.type).toBe('urn:supplyline:problem:unavailable');
  expect(Number(result.headers.get('retry-after'))).toBeGreaterThan(0);
}

const context = { watch, send } as ScenarioContext;
const scenarios = faultScenarios(context);
const scenarioNamed = (name: string): Scenario => {
  const found = scenarios.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no scenario "${name}"`);
  return found;
};

/**
 * One case: the fault on every call of one kind (`always`) or on its first call only (`once`),
 * then the client's retry with the same Idempotency-Key once the database is healthy again.
 */
async function runCase(scenario: Scenario, command: CommandKind, fault: FaultKind, mode: 'always' | 'once') {
  cases += 1;
  const prepared = await scenario.prepare();
  const headers: Record<string, string> = scenario.idempotent
    ? { 'idempotency-key': `fault-case-${++sequence}` }
    : {};
  const injector = new FaultInjector(t.table.doc).fail({
    command,
    fault,
    ...(mode === 'once' ? { times: 1 } : {}),
  });
  let first: CallResult;
  try {
    first = await prepared.send(headers);
  } finally {
    injector.restore();
  }
  const label = `${scenario.name}: ${fault} on ${command} (${mode}) answered ${first.status} ${first.text.slice(0, 200)}`;
  const fired = (injector.injected.get(command) ?? 0) > 0;
  if (first.status === 503) firstAnswers.unavailable += 1;
  else firstAnswers.succeeded += 1;

  expect([scenario.success, 503], label).toContain(first.status);
  if (first.status === 503) expectUnavailable(first);
  // A fault on every call of a kind the request needs cannot end in success.
  if (mode === 'always' && fired) expect(first.status, label).toBe(503);
  // One failed transaction is retried inside, whatever the transient cause.
  if (mode === 'once' && command === 'TransactWriteCommand')
    expect(first.status, label).toBe(scenario.success);

  const effects = await prepared.effects();
  if (first.status === scenario.success) expect(effects, label).toBe(scenario.effect);
  else if (scenario.rowsCommitAlone) expect(effects, label).toBeLessThanOrEqual(scenario.effect);
  else expect(effects, `${label}: a 503 must change nothing`).toBe(0);
  await expectInvariants();

  if (!scenario.idempotent) return;
  const retry = await prepared.send(headers);
  expect(retry.status, `${label}; retry answered ${retry.status} ${retry.text}`).toBe(scenario.success);
  if (first.status === scenario.success) {
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.text).toBe(first.text);
  }
  expect(await prepared.effects(), `${label}: after the retry`).toBe(scenario.effect);
}

beforeAll(async () => {
  t = watch.watch(await createTestApp({ deps: { now: () => new Date(Date.now() + offsetMs) } }));
  world = await buildWorld(t);
  Object.assign(context, { t, world });
  for (const shelterId of ['shelter-a', 'shelter-b']) {
    const stocked = await send('POST', `/v1/shelters/${shelterId}/receipts`, {
      key: world.logistics,
      body: {
        source: watch.bodyText('opening'),
        lines: [
          { itemId: 'rice', quantity: 100_000 },
          { itemId: 'water', quantity: 100_000 },
          { itemId: 'blanket', quantity: 10_000 },
        ],
      },
    });
    if (stocked.status !== 201) throw new Error(stocked.text);
  }
});

afterAll(() => {
  console.log(
    `reliability/faults: ${cases} cases (first answer 503 in ${firstAnswers.unavailable}, success in ${firstAnswers.succeeded})`,
  );
  watch.dump();
});

describe('DynamoDB faults on every kind of store call', () => {
  for (const scenario of scenarios) {
    describe(scenario.name, () => {
      let used = new Set<CommandKind>();

      beforeAll(async () => {
        const prepared = await scenario.prepare();
        const headers: Record<string, string> = scenario.idempotent
          ? { 'idempotency-key': `record-${++sequence}` }
          : {};
        used = await recordCommandKinds(t.table.doc, () => prepared.send(headers));
        // Releasing a claim (DeleteCommand) happens only when a request fails.
        if (scenario.idempotent) used.add('DeleteCommand');
      });

      for (const command of allCommandKinds) {
        it(`answers 503 or succeeds exactly once when ${command} fails`, async () => {
          if (!used.has(command)) {
            // The request makes no such call: a fault there must not disturb it.
            await runCase(scenario, command, 'throttling', 'always');
            return;
          }
          for (const fault of faultKinds) {
            for (const mode of ['always', 'once'] as const) await runCase(scenario, command, fault, mode);
          }
        });
      }
    });
  }

  it('covers every kind of call the stores make', async () => {
    const seen = new Set<CommandKind>();
    for (const scenario of scenarios) {
      const prepared = await scenario.prepare();
      const headers: Record<string, string> = scenario.idempotent
        ? { 'idempotency-key': `cover-${++sequence}` }
        : {};
      for (const kind of await recordCommandKinds(t.table.doc, () => prepared.send(headers))) seen.add(kind);
    }
    // DeleteCommand is the release of an idempotency claim, made only on failure (see below).
    expect([...seen].sort()).toEqual(allCommandKinds.filter((k) => k !== 'DeleteCommand').sort());
  });
});

describe('a transaction conflict on the first attempts', () => {
  const conflict = () => sdkFault('transaction-conflict', 'TransactWriteCommand');

  for (const name of ['record a receipt', 'issue a voucher', 'redeem a voucher', 'void a voucher']) {
    it(`is retried inside, so "${name}" succeeds once`, async () => {
      const scenario = scenarioNamed(name);
      const prepared = await scenario.prepare();
      const realSend = realSendOf(t.table.doc);
      const mock = mockClient(t.table.doc);
      let result: CallResult;
      try {
        mock.send.callsFake((command: unknown) => realSend(command));
        mock
          .on(TransactWriteCommand)
          .rejectsOnce(conflict())
          .rejectsOnce(conflict())
          .callsFake((input) => realSend(new TransactWriteCommand(input)));
        result = await prepared.send({});
        expect(mock).toHaveReceivedCommandTimes(TransactWriteCommand, 3);
      } finally {
        mock.restore();
      }
      cases += 1;
      expect(result.status, result.text).toBe(scenario.success);
      expect(await prepared.effects()).toBe(1);
      await expectInvariants();
    });
  }
});

describe('a request whose idempotency claim cannot be released either', () => {
  // A write that claims its key before it runs (a transfer; receipts, redemptions and voucher
  // issue and void claim none: their transaction records the key, so there is nothing to release).
  it('keeps the key locked until the claim times out, then applies the retry once', async () => {
    const prepared = await scenarioNamed('dispatch a transfer').prepare();
    const headers = { 'idempotency-key': `stuck-claim-${++sequence}` };
    const injector = new FaultInjector(t.table.doc)
      .fail({ command: 'TransactWriteCommand', fault: 'throttling' })
      .fail({ command: 'DeleteCommand', fault: 'server-error' });
    let first: CallResult;
    try {
      first = await prepared.send(headers);
    } finally {
      injector.restore();
    }
    cases += 1;
    expectUnavailable(first);
    expect(injector.injected.get('DeleteCommand')).toBe(1);
    await expectInvariants();

    const tooSoon = await prepared.send(headers);
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.body.type).toBe('urn:supplyline:problem:idempotency-in-flight');
    expect(await prepared.effects()).toBe(0);

    offsetMs += 31_000;
    const later = await prepared.send(headers);
    expect(later.status, later.text).toBe(201);
    expect(await prepared.effects()).toBe(1);
    await expectInvariants();
  });
});

describe('a response lost after its transaction committed (a timeout after commit)', () => {
  const lostResponse = async (scenario: Scenario, headers: Record<string, string>) => {
    const prepared = await scenario.prepare();
    const injector = new FaultInjector(t.table.doc).fail({
      command: 'TransactWriteCommand',
      fault: 'timeout',
      when: 'after',
      times: 1,
    });
    try {
      return { prepared, first: await prepared.send(headers) };
    } finally {
      injector.restore();
      cases += 1;
    }
  };

  for (const scenario of scenarios.filter((s) => s.idempotent && !s.rowsCommitAlone)) {
    it(`keeps the invariants, and a retry with the same Idempotency-Key gets "${scenario.name}" applied once`, async () => {
      const headers = { 'idempotency-key': `lost-response-${++sequence}` };
      const { prepared, first } = await lostResponse(scenario, headers);
      expect([scenario.success, 409, 503], first.text).toContain(first.status);
      await expectInvariants();
      const retry = await prepared.send(headers);
      expect(retry.status, retry.text).toBe(scenario.success);
      expect(await prepared.effects()).toBe(1);
    });
  }

  // A transaction whose answer was lost is resent under the same ClientRequestToken, so DynamoDB
  // applies it once and the resend reports the first one's success.
  it('records a receipt once even without an Idempotency-Key', async () => {
    const { prepared, first } = await lostResponse(scenarioNamed('record a receipt'), {});
    await expectInvariants();
    expect(first.status).toBe(201);
    expect(await prepared.effects()).toBe(1);
  });

  it('answers the volunteer whose redemption committed with 200, not "already redeemed"', async () => {
    const { prepared, first } = await lostResponse(scenarioNamed('redeem a voucher'), {});
    await expectInvariants();
    expect(await prepared.effects()).toBe(1);
    expect(first.status, first.text).toBe(200);
  });
});

describe('personal data in the logs of this part', () => {
  it('holds no beneficiary reference, key secret, voucher token or request text', () => {
    expect(watch.lines().length).toBeGreaterThan(0);
    expect(watch.leaks()).toEqual([]);
  });
});
