import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupplylineClient } from '../../clients/typescript/index.js';
import { expectMatchesContract } from '../support/contract.js';
import { buildWorld, type World } from '../support/fixtures.js';
import { serveOverHttp } from '../support/http-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { stockShelter } from '../support/voucher-fixtures.js';

/** The global fetch, with every answer held to the OpenAPI document as the other test clients do. */
async function checkedFetch(request: Request): Promise<Response> {
  const response = await fetch(request);
  const url = new URL(request.url);
  const text = await response.clone().text();
  const { status, headers } = response;
  expectMatchesContract({ method: request.method, url: url.pathname + url.search, status, headers, text });
  return response;
}

describe('the generated TypeScript client', () => {
  let t: TestApp;
  let world: World;
  let server: Awaited<ReturnType<typeof serveOverHttp>>;
  let volunteer: string;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
    volunteer = await t.createKey('volunteer', 'org-a', {
      shelterIds: ['shelter-a'],
      pickupPointIds: ['pp-a1'],
    });
    await stockShelter(t, world.logistics, 'shelter-a', [{ itemId: 'rice', quantity: 50 }]);
    server = await serveOverHttp(t.deps);
  });
  afterAll(() => server.close());

  const clientOf = (apiKey: string) =>
    createSupplylineClient({ baseUrl: server.baseUrl, apiKey, fetch: checkedFetch });

  it('takes a voucher from issue to redemption, typed end to end', async () => {
    // Arrange: a coordinator's and a volunteer's client.
    const coordinator = clientOf(world.coordinator);
    const pickup = clientOf(volunteer);

    // Act: issue, look up the code at the pickup point, redeem.
    const issued = await coordinator.POST('/v1/vouchers', {
      params: { header: { 'idempotency-key': randomUUID() } },
      body: {
        shelterId: 'shelter-a',
        beneficiaryRef: 'HH-2026-SOK-0042',
        householdSize: 4,
        lines: [{ itemId: 'rice', quantity: 5 }],
      },
    });
    expect(issued.response.status, JSON.stringify(issued.error)).toBe(201);
    const voucher = issued.data;
    if (voucher === undefined) throw new Error('no voucher in the 201');
    expect(issued.response.headers.get('location')).toBe(`/v1/vouchers/${voucher.id}`);

    const verified = await pickup.POST('/v1/vouchers/verify', { body: { code: voucher.code } });
    expect(verified.data?.status).toBe('issued');

    const redeemKey = randomUUID();
    const redeem = () =>
      pickup.POST('/v1/redemptions', {
        params: { header: { 'idempotency-key': redeemKey } },
        body: { token: voucher.token, pickupPointId: 'pp-a1' },
      });
    const redeemed = await redeem();
    const replayed = await redeem();

    // Assert: redeemed once; the retry is the stored answer; a second scan is refused, typed.
    expect(redeemed.response.status, JSON.stringify(redeemed.error)).toBe(200);
    expect(redeemed.data?.voucherId).toBe(voucher.id);
    expect(replayed.response.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.data).toEqual(redeemed.data);

    const again = await pickup.POST('/v1/redemptions', {
      params: { header: { 'idempotency-key': randomUUID() } },
      body: { token: voucher.token, pickupPointId: 'pp-a1' },
    });
    expect(again.response.status).toBe(409);
    // The error union holds the gateway's 429 `{ message }` too: a problem is told by its `type`.
    const problem = again.error !== undefined && 'type' in again.error ? again.error : undefined;
    expect(problem?.type).toBe('urn:supplyline:problem:voucher-already-redeemed');

    const after = await coordinator.GET('/v1/vouchers/{id}', { params: { path: { id: voucher.id } } });
    expect(after.data?.status).toBe('redeemed');
  });

  it('answers a request without a key with the documented 401 and its challenge', async () => {
    const anonymous = createSupplylineClient({ baseUrl: server.baseUrl, fetch: checkedFetch });

    const me = await anonymous.GET('/v1/me');

    expect(me.response.status).toBe(401);
    expect(me.response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(me.error !== undefined && 'status' in me.error ? me.error.status : undefined).toBe(401);
  });
});
