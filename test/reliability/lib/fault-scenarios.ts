import type { World } from '../../support/fixtures.js';
import type { CallOptions, CallResult } from '../../support/http.js';
import type { PersonalDataWatch } from '../../support/log-privacy.js';
import { countIndexPartition, readLedger, readRecord } from '../../support/table-reads.js';
import type { TestApp } from '../../support/test-app.js';

/**
 * The endpoints the fault part (a) injects DynamoDB faults under: stock changes, transfers, voucher
 * issue (one and a batch), redemption, void, a stock read and the health check. Each scenario
 * prepares one request (and whatever it needs, e.g. a voucher to redeem) and counts how many times
 * its change is in the table, read directly.
 */

/** One request, ready to send as often as needed, and a count of its change found in the table. */
export interface Prepared {
  send(headers: Record<string, string>): Promise<CallResult>;
  effects(): Promise<number>;
}

export interface Scenario {
  name: string;
  success: number;
  /** Takes an Idempotency-Key, so a client can retry it safely. */
  idempotent: boolean;
  /** How many changes one success makes (0 for reads). */
  effect: number;
  /** Rows commit one by one (a batch): a 503 may leave some done, and a retry finishes the rest. */
  rowsCommitAlone?: boolean;
  prepare(): Promise<Prepared>;
}

/** Read when a scenario is prepared, so it can be filled in by a beforeAll after the tests are declared. */
export interface ScenarioContext {
  t: TestApp;
  world: World;
  watch: PersonalDataWatch;
  send(method: string, path: string, options: CallOptions): Promise<CallResult>;
}

export function faultScenarios(ctx: ScenarioContext): Scenario[] {
  let counts = 0;
  const issueBody = () => ({
    shelterId: 'shelter-a',
    beneficiaryRef: ctx.watch.beneficiaryRef(),
    householdSize: 3,
    lines: [
      { itemId: 'rice', quantity: 2 },
      { itemId: 'blanket', quantity: 1 },
    ],
  });

  async function issueVoucher(): Promise<{ id: string; token: string }> {
    const result = await ctx.send('POST', '/v1/vouchers', { key: ctx.world.coordinator, body: issueBody() });
    if (result.status !== 201) throw new Error(`issue: ${result.text}`);
    return result.body as { id: string; token: string };
  }

  const vouchersOfOrgA = () => countIndexPartition(ctx.t.table, 'gsi1', 'ORG#org-a#VOUCHERS');
  const ledgerCount = async (shelterId: string, match: (movement: Record<string, unknown>) => boolean) =>
    (await readLedger(ctx.t.table, shelterId)).filter(match).length;

  return [
    {
      name: 'record a receipt',
      success: 201,
      idempotent: true,
      effect: 1,
      async prepare() {
        const source = ctx.watch.bodyText('receipt');
        const body = { source, lines: [{ itemId: 'rice', quantity: 3 }] };
        return {
          send: (headers) =>
            ctx.send('POST', '/v1/shelters/shelter-a/receipts', { key: ctx.world.logistics, body, headers }),
          effects: () => ledgerCount('shelter-a', (m) => m.source === source),
        };
      },
    },
    {
      name: 'record a count',
      success: 201,
      idempotent: true,
      effect: 1,
      async prepare() {
        const note = ctx.watch.bodyText('count');
        const body = { note, lines: [{ itemId: 'water', counted: 5000 + (++counts % 7) }] };
        return {
          send: (headers) =>
            ctx.send('POST', '/v1/shelters/shelter-a/counts', { key: ctx.world.logistics, body, headers }),
          effects: () => ledgerCount('shelter-a', (m) => m.note === note),
        };
      },
    },
    {
      name: 'dispatch a transfer',
      success: 201,
      idempotent: true,
      effect: 1,
      async prepare() {
        const note = ctx.watch.bodyText('dispatch');
        const body = {
          fromShelterId: 'shelter-a',
          toShelterId: 'shelter-b',
          note,
          lines: [{ itemId: 'rice', quantity: 2 }],
        };
        return {
          send: (headers) => ctx.send('POST', '/v1/transfers', { key: ctx.world.logistics, body, headers }),
          effects: () => ledgerCount('shelter-a', (m) => m.note === note && m.type === 'transfer_out'),
        };
      },
    },
    {
      name: 'receive a transfer',
      success: 200,
      idempotent: true,
      effect: 1,
      async prepare() {
        const sent = await ctx.send('POST', '/v1/transfers', {
          key: ctx.world.logistics,
          body: {
            fromShelterId: 'shelter-b',
            toShelterId: 'shelter-a',
            lines: [{ itemId: 'water', quantity: 4 }],
          },
        });
        if (sent.status !== 201) throw new Error(`dispatch: ${sent.text}`);
        const id = String(sent.body.id);
        return {
          send: (headers) =>
            ctx.send('POST', `/v1/transfers/${id}/receive`, {
              key: ctx.world.logistics,
              body: { lines: [{ itemId: 'water', quantity: 3, reason: 'lost' }] },
              headers,
            }),
          effects: () => ledgerCount('shelter-a', (m) => m.transferId === id && m.type === 'transfer_in'),
        };
      },
    },
    {
      name: 'issue a voucher',
      success: 201,
      idempotent: true,
      effect: 1,
      async prepare() {
        const body = issueBody();
        const before = await vouchersOfOrgA();
        return {
          send: (headers) => ctx.send('POST', '/v1/vouchers', { key: ctx.world.coordinator, body, headers }),
          effects: async () => (await vouchersOfOrgA()) - before,
        };
      },
    },
    {
      name: 'issue a batch of two vouchers',
      success: 200,
      idempotent: true,
      effect: 2,
      rowsCommitAlone: true,
      async prepare() {
        const body = { vouchers: [issueBody(), issueBody()] };
        const before = await vouchersOfOrgA();
        return {
          send: (headers) =>
            ctx.send('POST', '/v1/vouchers/batch', { key: ctx.world.coordinator, body, headers }),
          effects: async () => (await vouchersOfOrgA()) - before,
        };
      },
    },
    {
      name: 'redeem a voucher',
      success: 200,
      idempotent: true,
      effect: 1,
      async prepare() {
        const voucher = await issueVoucher();
        return {
          send: (headers) =>
            ctx.send('POST', '/v1/redemptions', {
              key: ctx.world.volunteer,
              body: { token: voucher.token, pickupPointId: 'pp-a1' },
              headers,
            }),
          effects: () => ledgerCount('shelter-a', (m) => m.voucherId === voucher.id),
        };
      },
    },
    {
      name: 'void a voucher',
      success: 200,
      idempotent: true,
      effect: 1,
      async prepare() {
        const voucher = await issueVoucher();
        return {
          send: (headers) =>
            ctx.send('POST', `/v1/vouchers/${voucher.id}/void`, { key: ctx.world.coordinator, headers }),
          effects: async () =>
            (await readRecord(ctx.t.table, `VOUCHER#${voucher.id}`))?.status === 'void' ? 1 : 0,
        };
      },
    },
    {
      name: 'read stock',
      success: 200,
      idempotent: false,
      effect: 0,
      async prepare() {
        return {
          send: () => ctx.send('GET', '/v1/stock?shelterId=shelter-a', { key: ctx.world.logistics }),
          effects: async () => 0,
        };
      },
    },
    {
      name: 'check health',
      success: 200,
      idempotent: false,
      effect: 0,
      async prepare() {
        return { send: () => ctx.send('GET', '/v1/health', {}), effects: async () => 0 };
      },
    },
  ];
}
