import { createHmac, randomBytes } from 'node:crypto';
import type { BrowserContext, Route } from 'playwright-core';
import type { DemoServer } from './demo-server.js';

/**
 * The device routes of docs/offline-contract (register, pack, sync, hand-back, sign-off) played in
 * the test, for the browser side while the server's are not there yet: the pack holds the given
 * vouchers, read through the real API; a synced record is checked by its HMAC and redeemed through
 * the real POST /v1/redemptions (Idempotency-Key: its clientRedemptionId), so stock moves for real.
 */
export async function standInDeviceApi(
  context: BrowserContext,
  demo: DemoServer,
  voucherIds: () => string[],
): Promise<{ syncCalls: number }> {
  const secret = randomBytes(32).toString('base64url');
  const deviceId = 'dev_01JSTANDIN0000000000000000';
  const codes = new Map<string, string>();
  const seen = new Map<string, unknown>();
  const stats = { syncCalls: 0 };
  const json = (route: Route, status: number, body: unknown) =>
    route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });

  await context.route('**/v1/devices**', async (route) => {
    const request = route.request();
    const path = new URL(request.url()).pathname;
    if (request.method() === 'POST' && path === '/v1/devices') {
      const { pickupPointId, label } = request.postDataJSON() as { pickupPointId: string; label: string };
      return json(route, 201, {
        id: deviceId,
        secret,
        label,
        pickupPointId,
        shelterId: 'pp-central',
        status: 'active',
      });
    }
    if (request.method() === 'GET' && path.endsWith('/pack')) {
      const keys = (await demo.http('GET', '/v1/voucher-keys', demo.keys.volunteer)).body.keys;
      const items = (await demo.http('GET', '/v1/items?limit=200', demo.keys.volunteer)).body.items as Array<{
        id: string;
        name: string;
        nameKm?: string;
        unit: string;
      }>;
      const vouchers = [];
      for (const id of voucherIds()) {
        const v = (await demo.http('GET', `/v1/vouchers/${id}`, demo.keys.coordinator)).body as {
          id: string;
          code: string;
          lines: Array<{ itemId: string; quantity: number }>;
          validFrom: string;
          validUntil: string;
          status: string;
        };
        codes.set(v.id, v.code);
        if (v.status !== 'issued') continue;
        const leaseUntil = new Date(
          Math.min(Date.parse(v.validUntil), Date.now() + 12 * 3600_000),
        ).toISOString();
        vouchers.push({
          id: v.id,
          shortCode: v.code,
          lines: v.lines,
          validFrom: v.validFrom,
          validUntil: v.validUntil,
          status: 'issued',
          leaseUntil,
        });
      }
      return json(route, 200, {
        deviceId,
        cursor: String(Date.now()),
        full: true,
        generatedAt: new Date().toISOString(),
        offlineMode: 'pools',
        offlineWindowHours: 12,
        shelter: { id: 'pp-central', name: 'Phnom Penh Central Shelter', timeZone: 'Asia/Phnom_Penh' },
        pickupPoint: { id: 'pp-central-gate', name: 'Main gate' },
        keys,
        catalogue: items.map((item) => ({
          itemId: item.id,
          name: item.name,
          nameKm: item.nameKm,
          unit: item.unit,
        })),
        vouchers,
        removed: [],
        handBackRequested: [],
      });
    }
    if (request.method() === 'POST' && path.endsWith('/sync')) {
      stats.syncCalls++;
      const { records } = request.postDataJSON() as { records: Array<Record<string, unknown>> };
      const results = [];
      for (const record of records) {
        const id = String(record.clientRedemptionId);
        const message = JSON.stringify([
          record.deviceId,
          record.clientRedemptionId,
          record.sequence,
          record.voucherId,
          record.pickupPointId,
          record.deviceTime,
          (record.lines as Array<{ itemId: string; quantity: number }>).map((l) => [l.itemId, l.quantity]),
        ]);
        const hmac = createHmac('sha256', Buffer.from(secret, 'base64url'))
          .update(message)
          .digest('base64url');
        if (hmac !== record.hmac) {
          results.push({
            clientRedemptionId: id,
            sequence: record.sequence,
            outcome: 'rejected',
            reason: 'bad-hmac',
          });
          continue;
        }
        if (!seen.has(id)) {
          const answer = await demo.http(
            'POST',
            '/v1/redemptions',
            demo.keys.volunteer,
            { code: codes.get(String(record.voucherId)), pickupPointId: record.pickupPointId },
            { 'idempotency-key': id },
          );
          seen.set(
            id,
            answer.status === 201
              ? { clientRedemptionId: id, sequence: record.sequence, outcome: 'redeemed' }
              : {
                  clientRedemptionId: id,
                  sequence: record.sequence,
                  outcome: 'conflict',
                  reason: String(answer.body.type),
                },
          );
        }
        results.push(seen.get(id));
      }
      return json(route, 200, { syncedAt: new Date().toISOString(), results, gaps: [] });
    }
    if (request.method() === 'POST' && (path.endsWith('/sign-off') || path.endsWith('/hand-back'))) {
      return json(route, 200, { handedBack: [], notHeld: [] });
    }
    return route.continue();
  });
  return stats;
}
