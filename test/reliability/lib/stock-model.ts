import { expect } from 'vitest';
import type { OfflineRecord, SyncResult } from '../../../shared/domain/offline-sync.js';
import type { CallResult } from '../../support/http.js';
import type { TestDevice } from '../../support/offline-fixtures.js';

/**
 * The model of the model-based test (part c): expected stock per (shelter, item), vouchers and
 * transfers, and for each operation the request it sends and the answer and change the model
 * predicts. Shelters are numbered 0 and 1; the system under test maps them to real ids.
 */

export const ITEMS = ['rice', 'water', 'blanket'] as const;
export type ItemId = (typeof ITEMS)[number];

export interface VoucherModel {
  id: string;
  token: string;
  code: string;
  shelter: number;
  lines: Array<{ itemId: ItemId; quantity: number }>;
  status: 'issued' | 'redeemed' | 'void';
}

export interface Model {
  stock: Map<string, { onHand: number; reserved: number }>;
  vouchers: VoucherModel[];
  transfers: Array<{
    id: string;
    to: number;
    itemId: ItemId;
    quantity: number;
    status: 'in_transit' | 'received';
  }>;
  /** Successful requests sent with an Idempotency-Key, to replay. */
  sent: Array<{ request: Request; result: CallResult }>;
  /** Per shelter, the vouchers its one device holds since its last pack (offline pools). */
  pools: [Set<string>, Set<string>];
  /** Every offline record synced, with the answer it got the first time. */
  outbox: Array<{ shelter: number; record: OfflineRecord; result: SyncResult }>;
}

export const emptyModel = (): Model => ({
  stock: new Map(),
  vouchers: [],
  transfers: [],
  sent: [],
  pools: [new Set(), new Set()],
  outbox: [],
});

export interface Request {
  method: string;
  path: string;
  key: string;
  body?: unknown;
  idempotencyKey?: string;
}

/** The running API, as one sequence of commands sees it: its own two shelters, keys and counters. */
export interface System {
  run: number;
  shelters: [string, string];
  pickupPoints: [string, string];
  keys: { logistics: string; coordinator: string; volunteer: string; volunteer2: string };
  /** One device per shelter, registered by `keys.volunteer` at the shelter's pickup point. */
  devices: [TestDevice, TestDevice];
  send(request: Request): Promise<CallResult>;
  nextIdempotencyKey(): string;
  /** Request text that must never be logged. */
  bodyText(label: string): string;
  beneficiaryRef(): string;
  /** Counts each kind of command by the answer it met. */
  tally(kind: string, status: number): void;
}

/** What the model predicts: the status, the problem type of a refusal, and the change of a success. */
export interface Expectation {
  status: number;
  type?: string;
  apply?: (model: Model, body: Record<string, unknown>) => void;
}

export interface Plan {
  request: Request;
  expect: Expectation;
}

/** One kind of change: whether it can be planned now, and the request with its predicted outcome. */
export interface Mutation {
  kind: string;
  label: string;
  applicable(model: Model): boolean;
  plan(model: Model, real: System): Plan;
}

export const problem = (type: string) => `urn:supplyline:problem:${type}`;

export const balance = (model: Model, shelter: number, itemId: string) => {
  const key = `${shelter}#${itemId}`;
  let entry = model.stock.get(key);
  if (entry === undefined) {
    entry = { onHand: 0, reserved: 0 };
    model.stock.set(key, entry);
  }
  return entry;
};

export const pick = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;

/** Half the time a voucher still issued (if any), so redemptions and voids often succeed. */
export const pickVoucher = (model: Model, index: number): VoucherModel => {
  const issued = model.vouchers.filter((v) => v.status === 'issued');
  return pick(index % 2 === 0 && issued.length > 0 ? issued : model.vouchers, index >> 1);
};

export function expectOutcome(result: CallResult, expected: Expectation, label: string) {
  expect(result.status, `${label}: ${result.text}`).toBe(expected.status);
  if (expected.type !== undefined) expect(result.body.type, label).toBe(problem(expected.type));
}

export const receipt = (shelter: number, itemId: ItemId, quantity: number): Mutation => ({
  kind: 'receipt',
  label: `receipt ${quantity} ${itemId} at ${shelter}`,
  applicable: () => true,
  plan: (_model, real) => ({
    request: {
      method: 'POST',
      path: `/v1/shelters/${real.shelters[shelter]}/receipts`,
      key: real.keys.logistics,
      body: { source: real.bodyText('source'), lines: [{ itemId, quantity }] },
    },
    expect: {
      status: 201,
      apply: (model, body) => {
        const entry = balance(model, shelter, itemId);
        entry.onHand += quantity;
        expect((body.lines as Array<{ balanceAfter: number }>)[0]?.balanceAfter).toBe(entry.onHand);
      },
    },
  }),
});

export const adjustment = (shelter: number, itemId: ItemId, quantity: number): Mutation => ({
  kind: 'adjustment',
  label: `adjust ${itemId} by ${quantity} at ${shelter}`,
  applicable: () => true,
  plan: (model, real) => ({
    request: {
      method: 'POST',
      path: `/v1/shelters/${real.shelters[shelter]}/adjustments`,
      key: real.keys.logistics,
      body: { reason: quantity < 0 ? 'damaged' : 'other', lines: [{ itemId, quantity }] },
    },
    expect:
      balance(model, shelter, itemId).onHand + quantity < 0
        ? { status: 409, type: 'insufficient-stock' }
        : {
            status: 201,
            apply: (m) => {
              balance(m, shelter, itemId).onHand += quantity;
            },
          },
  }),
});

export const count = (shelter: number, itemId: ItemId, counted: number): Mutation => ({
  kind: 'count',
  label: `count ${counted} ${itemId} at ${shelter}`,
  applicable: () => true,
  plan: (_model, real) => ({
    request: {
      method: 'POST',
      path: `/v1/shelters/${real.shelters[shelter]}/counts`,
      key: real.keys.logistics,
      body: { lines: [{ itemId, counted }] },
    },
    expect: {
      status: 201,
      apply: (m) => {
        balance(m, shelter, itemId).onHand = counted;
      },
    },
  }),
});

export const dispatch = (from: number, itemId: ItemId, quantity: number): Mutation => ({
  kind: 'dispatch',
  label: `dispatch ${quantity} ${itemId} from ${from}`,
  applicable: () => true,
  plan: (model, real) => {
    const entry = balance(model, from, itemId);
    return {
      request: {
        method: 'POST',
        path: '/v1/transfers',
        key: real.keys.logistics,
        body: {
          fromShelterId: real.shelters[from],
          toShelterId: real.shelters[1 - from],
          lines: [{ itemId, quantity }],
        },
      },
      // Only available stock can leave: what vouchers reserved stays.
      expect:
        quantity > entry.onHand - entry.reserved
          ? { status: 409, type: 'insufficient-stock' }
          : {
              status: 201,
              apply: (m, body) => {
                balance(m, from, itemId).onHand -= quantity;
                m.transfers.push({
                  id: String(body.id),
                  to: 1 - from,
                  itemId,
                  quantity,
                  status: 'in_transit',
                });
              },
            },
    };
  },
});

export const receive = (index: number, difference: number): Mutation => ({
  kind: 'receive',
  label: `receive transfer #${index} (${difference >= 0 ? '+' : ''}${difference})`,
  applicable: (model) => model.transfers.length > 0,
  plan: (model, real) => {
    const transfer = pick(model.transfers, index);
    const arrived = Math.max(0, transfer.quantity + difference);
    return {
      request: {
        method: 'POST',
        path: `/v1/transfers/${transfer.id}/receive`,
        key: real.keys.logistics,
        body: {
          lines: [
            {
              itemId: transfer.itemId,
              quantity: arrived,
              // A line that differs from what was sent says why.
              ...(arrived === transfer.quantity ? {} : { reason: 'lost' }),
            },
          ],
        },
      },
      expect:
        transfer.status === 'received'
          ? { status: 409, type: 'conflict' }
          : {
              status: 200,
              apply: (m) => {
                const same = m.transfers.find((x) => x.id === transfer.id);
                if (same !== undefined) same.status = 'received';
                balance(m, transfer.to, transfer.itemId).onHand += arrived;
              },
            },
    };
  },
});

export const issue = (shelter: number, lines: Array<{ itemId: ItemId; quantity: number }>): Mutation => ({
  kind: 'issue',
  label: `issue ${JSON.stringify(lines)} at ${shelter}`,
  applicable: () => true,
  plan: (model, real) => {
    const honoured = lines.every(({ itemId, quantity }) => {
      const entry = balance(model, shelter, itemId);
      return entry.onHand - entry.reserved >= quantity;
    });
    return {
      request: {
        method: 'POST',
        path: '/v1/vouchers',
        key: real.keys.coordinator,
        body: {
          shelterId: real.shelters[shelter],
          beneficiaryRef: real.beneficiaryRef(),
          householdSize: 2,
          lines,
        },
      },
      expect: honoured
        ? {
            status: 201,
            apply: (m, body) => {
              for (const line of lines) balance(m, shelter, line.itemId).reserved += line.quantity;
              m.vouchers.push({
                id: String(body.id),
                token: String(body.token),
                code: String(body.code),
                shelter,
                lines,
                status: 'issued',
              });
            },
          }
        : { status: 409, type: 'insufficient-stock' },
    };
  },
});

export const finalStateProblem = (voucher: VoucherModel): Expectation =>
  voucher.status === 'redeemed'
    ? { status: 409, type: 'voucher-already-redeemed' }
    : { status: 409, type: 'voucher-void' };

export const voidVoucher = (index: number): Mutation => ({
  kind: 'void',
  label: `void voucher #${index}`,
  applicable: (model) => model.vouchers.length > 0,
  plan: (model, real) => {
    const voucher = pickVoucher(model, index);
    return {
      request: { method: 'POST', path: `/v1/vouchers/${voucher.id}/void`, key: real.keys.coordinator },
      expect:
        voucher.status !== 'issued'
          ? finalStateProblem(voucher)
          : {
              status: 200,
              apply: (m) => {
                for (const line of voucher.lines)
                  balance(m, voucher.shelter, line.itemId).reserved -= line.quantity;
                voucher.status = 'void';
              },
            },
    };
  },
});

export const redeemExpectation = (model: Model, voucher: VoucherModel): Expectation => {
  if (voucher.status !== 'issued') return finalStateProblem(voucher);
  // Redemption needs the stock physically there, whatever counts and adjustments did to it.
  const onShelf = voucher.lines.every(
    ({ itemId, quantity }) => balance(model, voucher.shelter, itemId).onHand >= quantity,
  );
  if (!onShelf) return { status: 409, type: 'insufficient-stock' };
  return {
    status: 200,
    apply: (m) => {
      for (const line of voucher.lines) {
        const entry = balance(m, voucher.shelter, line.itemId);
        entry.onHand -= line.quantity;
        entry.reserved -= line.quantity;
      }
      voucher.status = 'redeemed';
    },
  };
};

export const redeem = (index: number, byCode: boolean): Mutation => ({
  kind: 'redeem',
  label: `redeem voucher #${index} by ${byCode ? 'code' : 'token'}`,
  applicable: (model) => model.vouchers.length > 0,
  plan: (model, real) => {
    const voucher = pickVoucher(model, index);
    const pickupPointId = real.pickupPoints[voucher.shelter];
    return {
      request: {
        method: 'POST',
        path: '/v1/redemptions',
        key: real.keys.volunteer,
        body: byCode ? { code: voucher.code, pickupPointId } : { token: voucher.token, pickupPointId },
      },
      expect: redeemExpectation(model, voucher),
    };
  },
});
