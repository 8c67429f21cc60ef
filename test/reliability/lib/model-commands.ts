import type fc from 'fast-check';
import { expect } from 'vitest';
import type { CallResult } from '../../support/http.js';
import {
  balance,
  expectOutcome,
  type Model,
  type Mutation,
  pick,
  problem,
  redeemExpectation,
  type System,
} from './stock-model.js';

/**
 * The commands fast-check strings together: one request; the same request sent several times at
 * once with one Idempotency-Key; a replay of an earlier request; a void racing a redemption.
 */

export class Single implements fc.AsyncCommand<Model, System> {
  constructor(private readonly mutation: Mutation) {}
  check = (model: Readonly<Model>) => this.mutation.applicable(model as Model);
  async run(model: Model, real: System) {
    const { request, expect: expected } = this.mutation.plan(model, real);
    const sent = { ...request, idempotencyKey: real.nextIdempotencyKey() };
    const result = await real.send(sent);
    real.tally(this.mutation.kind, result.status);
    expectOutcome(result, expected, this.mutation.label);
    if (expected.apply !== undefined) {
      expected.apply(model, result.body as Record<string, unknown>);
      model.sent.push({ request: sent, result });
    }
  }
  toString = () => this.mutation.label;
}

/** The same request, same Idempotency-Key, sent several times at once: applied at most once. */
export class SameKeyAtOnce implements fc.AsyncCommand<Model, System> {
  constructor(
    private readonly mutation: Mutation,
    private readonly copies: number,
  ) {}
  check = (model: Readonly<Model>) => this.mutation.applicable(model as Model);
  async run(model: Model, real: System) {
    const { request, expect: expected } = this.mutation.plan(model, real);
    const sent = { ...request, idempotencyKey: real.nextIdempotencyKey() };
    const results = await Promise.all(Array.from({ length: this.copies }, () => real.send(sent)));
    real.tally(`${this.mutation.kind} x${this.copies}`, expected.status);
    const label = `${this.copies} x ${this.mutation.label}: ${results.map((r) => r.status).join(',')}`;
    const answered = results.filter((r) => r.body.type !== problem('idempotency-in-flight'));
    for (const result of answered) expectOutcome(result, expected, label);
    for (const result of results.filter((r) => !answered.includes(r))) expect(result.status, label).toBe(409);
    if (expected.apply !== undefined) {
      // The request that ran answered; the others replayed its answer or were told it is in flight.
      expect(answered.length, label).toBeGreaterThan(0);
      expect(new Set(answered.map((r) => r.text)).size, label).toBe(1);
      const first = answered[0] as CallResult;
      expected.apply(model, first.body as Record<string, unknown>);
      model.sent.push({ request: sent, result: first });
    }
  }
  toString = () => `${this.copies} at once: ${this.mutation.label}`;
}

/** A request sent again with its Idempotency-Key: the first answer, and nothing changes. */
export class Replay implements fc.AsyncCommand<Model, System> {
  constructor(private readonly index: number) {}
  check = (model: Readonly<Model>) => model.sent.length > 0;
  async run(model: Model, real: System) {
    const { request, result } = pick(model.sent, this.index);
    const again = await real.send(request);
    real.tally('replay', again.status);
    expect(again.status).toBe(result.status);
    expect(again.text).toBe(result.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  }
  toString = () => `replay #${this.index}`;
}

/** A coordinator voids a voucher while a volunteer redeems it: exactly one of them wins. */
export class VoidRedeemRace implements fc.AsyncCommand<Model, System> {
  constructor(private readonly index: number) {}
  check = (model: Readonly<Model>) => model.vouchers.some((v) => v.status === 'issued');
  async run(model: Model, real: System) {
    const voucher = pick(
      model.vouchers.filter((v) => v.status === 'issued'),
      this.index,
    );
    const redeemPlan = redeemExpectation(model, voucher);
    // In a device's pool, the voucher is refused to another volunteer key (held by the device).
    const held = model.pools[voucher.shelter]?.has(voucher.id) === true;
    const [voided, redeemed] = await Promise.all([
      real.send({ method: 'POST', path: `/v1/vouchers/${voucher.id}/void`, key: real.keys.coordinator }),
      real.send({
        method: 'POST',
        path: '/v1/redemptions',
        key: real.keys.volunteer2,
        body: { token: voucher.token, pickupPointId: real.pickupPoints[voucher.shelter] },
      }),
    ]);
    const label = `race on ${voucher.status} voucher: void ${voided.status}, redeem ${redeemed.status}`;
    real.tally('void-redeem race', redeemed.status === 200 ? 200 : voided.status);
    expect(voided.status === 200 && redeemed.status === 200, label).toBe(false);
    if (voucher.status !== 'issued') {
      expect([voided.status, redeemed.status], label).toEqual([409, 409]);
    } else if (held) {
      expect([voided.status, redeemed.status], label).toEqual([200, 409]);
      for (const line of voucher.lines)
        balance(model, voucher.shelter, line.itemId).reserved -= line.quantity;
      voucher.status = 'void';
    } else if (redeemed.status === 200) {
      expect(redeemPlan.status, label).toBe(200);
      redeemPlan.apply?.(model, redeemed.body as Record<string, unknown>);
    } else {
      expect(voided.status, label).toBe(200);
      for (const line of voucher.lines)
        balance(model, voucher.shelter, line.itemId).reserved -= line.quantity;
      voucher.status = 'void';
    }
  }
  toString = () => `void and redeem #${this.index} at once`;
}
