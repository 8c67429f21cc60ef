import { type DemoKeys, seedDemo } from '../../../scripts/lib/seed-demo.js';
import { seedDemoStock } from '../../../scripts/lib/seed-demo-stock.js';
import { httpClient, serveOverHttp } from '../../support/http-server.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

export interface DemoServer {
  t: TestApp;
  keys: DemoKeys;
  baseUrl: string;
  http: ReturnType<typeof httpClient>;
  close: () => Promise<void>;
}

/**
 * The real local Node entry on a free port, over its own table in DynamoDB Local, holding the
 * same demo `npm start` seeds: Phnom Penh shelters, pickup points, items named in English and
 * Khmer, opening stock, one key per role.
 */
export async function serveDemo(
  options: { now?: () => Date; env?: Record<string, string> } = {},
): Promise<DemoServer> {
  // With `now`, the server's clock is the test's (silence, lease ends), never waited for.
  const clock = options.now === undefined ? {} : { deps: { now: options.now } };
  const t = await createTestApp({ env: { LOG_LEVEL: 'silent', ...options.env }, ...clock });
  const keys = await seedDemo(t.table, t.deps.stores, (stores) => seedDemoStock(stores));
  const server = await serveOverHttp(t.deps);
  return { t, keys, baseUrl: server.baseUrl, http: httpClient(server.baseUrl), close: server.close };
}

export interface IssuedVoucher {
  id: string;
  code: string;
  token: string;
}

let household = 0;

/** A voucher issued by the demo coordinator, through the API. */
export async function issueVoucher(
  demo: DemoServer,
  overrides: Record<string, unknown> = {},
): Promise<IssuedVoucher> {
  household++;
  const result = await demo.http('POST', '/v1/vouchers', demo.keys.coordinator, {
    shelterId: 'pp-central',
    beneficiaryRef: `E2E-HOUSEHOLD-${household}`,
    householdSize: 4,
    lines: [
      { itemId: 'rice', quantity: 5 },
      { itemId: 'water', quantity: 30 },
      { itemId: 'mosquito-net', quantity: 2 },
    ],
    ...overrides,
  });
  if (result.status !== 201) throw new Error(`issue: ${result.status} ${result.text}`);
  return result.body as unknown as IssuedVoucher;
}

/** On hand and reserved of one item at one shelter, read from the API. */
export async function balance(demo: DemoServer, shelterId: string, itemId: string) {
  const result = await demo.http(
    'GET',
    `/v1/stock?shelterId=${shelterId}&itemId=${itemId}`,
    demo.keys.logistics,
  );
  const row = (result.body.items as Array<{ onHand: number; reserved: number; available: number }>)[0];
  if (row === undefined) throw new Error(`no balance for ${shelterId}/${itemId}`);
  return row;
}

/**
 * Hands back the vouchers of every active phone at a shelter (POST /v1/devices/{id}/release), so
 * that the next phone's pack holds every voucher: a pack takes only the unheld vouchers its hash
 * assigns to it among the shelter's active phones, and phones earlier tests left stay active.
 */
export async function releaseOtherPhones(demo: DemoServer, shelterId: string): Promise<void> {
  const listed = await demo.http('GET', `/v1/devices?shelterId=${shelterId}&limit=200`, demo.keys.admin);
  const devices = listed.body.items as Array<{ id: string; status: string }>;
  for (const device of devices.filter((each) => each.status === 'active')) {
    const released = await demo.http('POST', `/v1/devices/${device.id}/release`, demo.keys.admin);
    if (released.status !== 200) throw new Error(`release ${device.id}: ${released.status} ${released.text}`);
  }
}
