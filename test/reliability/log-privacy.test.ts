import { beforeAll, describe, expect, it } from 'vitest';
import { FaultInjector } from '../support/dynamo-faults.js';
import { buildWorld, type World } from '../support/fixtures.js';
import { type CallOptions, type CallResult, call } from '../support/http.js';
import { findLeaks, PersonalDataWatch, readDumps, type SecretKind } from '../support/log-privacy.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Part f: no personal data in any log line. This file runs last: it first takes a voucher's whole
 * life, and its failures, through an app of its own with beneficiary references, key secrets,
 * tokens and request text that must never reach a log line; then it checks every log line the
 * other parts captured against every such value any part used.
 */

const watch = new PersonalDataWatch('log-privacy');
const directory = process.env.RELIABILITY_LOG_DIR ?? '';
/** Run as `npm run test:reliability`, every other part must have saved its log lines. */
const wholeSuite = process.env.npm_lifecycle_event === 'test:reliability';
const otherParts = ['faults', 'crash', 'model', 'fuzz', 'access'];
let t: TestApp;
let world: World;
let requests = 0;

async function send(method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  requests += 1;
  const result = await call(t.app, method, path, options);
  watch.observe(result.body);
  return result;
}

const voucherBody = (extra: Record<string, unknown> = {}) => ({
  shelterId: 'shelter-a',
  beneficiaryRef: watch.beneficiaryRef(),
  householdSize: 4,
  lines: [
    { itemId: 'rice', quantity: 5 },
    { itemId: 'water', quantity: 20 },
  ],
  ...extra,
});

beforeAll(async () => {
  t = watch.watch(await createTestApp({ env: { MAX_BODY_BYTES: '4096' } }));
  world = await buildWorld(t);
  await send('POST', '/v1/shelters/shelter-a/receipts', {
    key: world.logistics,
    body: {
      source: watch.bodyText('donor'),
      reference: watch.bodyText('delivery-note'),
      lines: [
        { itemId: 'rice', quantity: 1000 },
        { itemId: 'water', quantity: 5000 },
      ],
    },
  });
});

describe('a voucher’s life, and its failures, in the logs', () => {
  it('logs no beneficiary reference, token, key secret or request text on the way', async () => {
    const headers = { 'idempotency-key': watch.bodyText('idempotency') };
    const issued = await send('POST', '/v1/vouchers', {
      key: world.coordinator,
      body: voucherBody(),
      headers,
    });
    expect(issued.status).toBe(201);
    expect(
      (await send('POST', '/v1/vouchers', { key: world.coordinator, body: voucherBody(), headers })).status,
    ).toBe(422);
    const voucher = issued.body as { id: string; token: string; code: string };
    const batch = await send('POST', '/v1/vouchers/batch', {
      key: world.coordinator,
      body: {
        vouchers: [
          voucherBody(),
          voucherBody(),
          voucherBody({ lines: [{ itemId: 'rice', quantity: 999_999 }] }),
        ],
      },
    });
    expect(batch.status).toBe(200);

    for (const path of [
      `/v1/vouchers/${voucher.id}`,
      `/v1/vouchers/${voucher.id}/qr.svg`,
      `/v1/vouchers/${voucher.id}/qr.png`,
      `/v1/vouchers/${voucher.id}/slip`,
      `/v1/voucher-slips?ids=${voucher.id}`,
      '/v1/vouchers?status=issued',
    ]) {
      expect((await send('GET', path, { key: world.coordinator })).status).toBe(200);
    }
    const tampered = `${voucher.token.slice(0, -3)}${voucher.token.endsWith('A') ? 'B' : 'A'}xx`;
    for (const body of [
      { token: voucher.token },
      { code: voucher.code },
      { token: tampered },
      { code: 'ZZZZ-ZZZZ-Z' },
    ]) {
      await send('POST', '/v1/vouchers/verify', { key: world.volunteer, body });
    }
    const redeem = {
      key: world.volunteer,
      body: { token: voucher.token, pickupPointId: 'pp-a1' },
      headers: { 'idempotency-key': watch.bodyText('idempotency') },
    };
    expect((await send('POST', '/v1/redemptions', redeem)).status).toBe(200);
    expect((await send('POST', '/v1/redemptions', redeem)).status).toBe(200);
    const again = await send('POST', '/v1/redemptions', { ...redeem, headers: {} });
    expect(again.status).toBe(409);

    const other = await send('POST', '/v1/vouchers', { key: world.coordinator, body: voucherBody() });
    expect(
      (await send('POST', `/v1/vouchers/${other.body.id}/void`, { key: world.coordinator })).status,
    ).toBe(200);

    // Refused input: validation, malformed JSON, an oversized body, the wrong media type.
    const refused = [
      await send('POST', '/v1/vouchers', {
        key: world.coordinator,
        body: voucherBody({ householdSize: -1 }),
      }),
      await send('POST', '/v1/vouchers', {
        key: world.coordinator,
        rawBody: `{"beneficiaryRef": "${watch.beneficiaryRef()}", "shelterId":`,
      }),
      await send('POST', '/v1/vouchers', {
        key: world.coordinator,
        body: voucherBody({ note: watch.bodyText('x').padEnd(5000, 'x') }),
      }),
      await send('POST', '/v1/vouchers', {
        key: world.coordinator,
        rawBody: `beneficiaryRef=${watch.beneficiaryRef()}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      await send('GET', `/v1/vouchers/${watch.beneficiaryRef()}`, { key: world.coordinator }),
      await send('GET', `/v1/vouchers?cursor=${watch.bodyText('cursor')}`, { key: world.coordinator }),
    ];
    expect(refused.map((r) => r.status)).toEqual([400, 400, 413, 415, 404, 400]);

    // Keys that fail: a real key id with a wrong secret, and a well-formed key nobody issued.
    const wrongSecret = `slk_${world.admin.split('_')[1]}_${watch.secret('W'.repeat(43), 'api-key-secret')}`;
    const unknown = `slk_zzzzzzzzzzzzzzzz_${watch.secret('U'.repeat(43), 'api-key-secret')}`;
    for (const key of [wrongSecret, unknown]) expect((await send('GET', '/v1/me', { key })).status).toBe(401);

    // The database failing: a 503 whose cause is logged, and a 500 whose cause is logged.
    const injector = new FaultInjector(t.table.doc)
      .fail({ command: 'TransactWriteCommand', fault: 'throttling' })
      .fail({ command: 'QueryCommand', fault: 'server-error' });
    try {
      expect(
        (await send('POST', '/v1/vouchers', { key: world.coordinator, body: voucherBody() })).status,
      ).toBe(503);
      expect((await send('GET', '/v1/vouchers', { key: world.coordinator })).status).toBe(503);
    } finally {
      injector.restore();
    }
    const denied = () =>
      Object.assign(new Error('User is not authorized to perform: dynamodb:GetItem'), {
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 400 },
      });
    const broken = new FaultInjector(t.table.doc).fail({ command: 'GetCommand', fault: denied });
    try {
      expect((await send('GET', `/v1/vouchers/${voucher.id}`, { key: world.coordinator })).status).toBe(500);
    } finally {
      broken.restore();
    }

    expect(watch.lines().some((line) => line.includes('"level":"warn"'))).toBe(true);
    expect(watch.lines().some((line) => line.includes('"level":"error"'))).toBe(true);
    expect(watch.leaks()).toEqual([]);
    watch.dump();
  });

  it('logs no invitation code, no key it gives and no display name, through a person’s whole life', async () => {
    const added = await send('POST', '/v1/people', {
      key: world.admin,
      body: { displayName: watch.bodyText('name'), role: 'volunteer', scope: { pickupPointIds: ['pp-a1'] } },
    });
    const personId = String(added.body.id);
    // Each link's code is registered by observe(): it sits after `#invite=`.
    const first = await send('POST', `/v1/people/${personId}/invitations`, { key: world.admin, body: {} });
    const second = await send('POST', `/v1/people/${personId}/invitations`, { key: world.admin, body: {} });
    const codeOf = (link: unknown) => String(link).split('#invite=')[1] as string;
    const code = codeOf(first.body.link);
    const accept = (body: Record<string, unknown>) => send('POST', '/v1/invitations/accept', { body });

    const answers = [
      await accept({ code: `${code.slice(0, -4)}${watch.secret('ZZZZ', 'invitation-code')}` }),
      await accept({ code, label: watch.bodyText('label') }),
      await accept({ code }),
    ];
    const personKey = String(answers[1]?.body.apiKey);
    await send('GET', '/v1/me', { key: personKey });
    await send('PATCH', `/v1/people/${personId}`, {
      key: world.admin,
      body: { displayName: watch.bodyText('renamed') },
    });
    await send('POST', `/v1/people/${personId}/revoke`, { key: world.admin, body: {} });
    answers.push(
      await accept({ code: codeOf(second.body.link) }),
      await send('GET', '/v1/me', { key: personKey }),
    );

    expect(answers.map((answer) => answer.status)).toEqual([404, 200, 409, 410, 401]);
    expect(
      [...watch.secrets.values()].filter((kind) => kind === 'invitation-code').length,
    ).toBeGreaterThanOrEqual(2);
    expect(watch.leaks()).toEqual([]);
    watch.dump();
  });
});

describe('every log line of the suite', () => {
  it('holds no beneficiary reference, API key secret, voucher token or request text of any part', () => {
    const dumps = readDumps(directory).filter((d) => d.source !== watch.source);
    if (wholeSuite) expect(dumps.map((d) => d.source).sort()).toEqual(otherParts.slice().sort());
    const secrets = new Map<string, SecretKind>(watch.secrets);
    for (const dump of dumps) for (const { kind, value } of dump.secrets) secrets.set(value, kind);
    const lines = [...watch.lines(), ...dumps.flatMap((d) => d.lines)];
    const byKind = new Map<SecretKind, number>();
    for (const kind of secrets.values()) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    const parts = dumps.map((d) => `${d.source} ${d.lines.length}`).join(', ');
    console.log(
      `reliability/log-privacy: ${lines.length} cases (log lines) from ${dumps.length + 1} parts (${parts}) ` +
        `(${requests} requests here) checked against ${secrets.size} values: ` +
        [...byKind].map(([kind, n]) => `${n} ${kind}`).join(', '),
    );
    expect(lines.length).toBeGreaterThan(0);
    expect(byKind.get('beneficiary-ref') ?? 0).toBeGreaterThan(0);
    expect(byKind.get('voucher-token') ?? 0).toBeGreaterThan(0);
    expect(byKind.get('api-key-secret') ?? 0).toBeGreaterThan(0);
    expect(byKind.get('invitation-code') ?? 0).toBeGreaterThan(0);
    expect(findLeaks(lines, secrets)).toEqual([]);
  });
});
