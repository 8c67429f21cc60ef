// Beside (j): the volunteer's first minutes, driven in Debian's Chromium with the e2e tests' own
// steps (test/e2e/support/first-handover.ts): an admin invites a volunteer (through the API), a
// 360x740 phone opens the invitation's link, lands signed in at its pickup point, its fake camera
// films a voucher's QR code and the volunteer taps "Handed over". What is counted is every
// character that reached a field of the phone's pages, by any means (the goal is 0), and every key
// pressed. On a table of its own in the bench's DynamoDB Local, holding the demo's shelters.
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startLocalServer } from '../functions/local-server.js';
import type { DynamoDbLocal } from '../scripts/lib/dynamodb-local.js';
import { ensureTable } from '../scripts/lib/ensure-table.js';
import { seedDemo } from '../scripts/lib/seed-demo.js';
import { seedDemoStock } from '../scripts/lib/seed-demo-stock.js';
import { newLocalSealingKey } from '../shared/auth/local-data-keys.js';
import { composeAppDeps, localSealer } from '../shared/composition-root.js';
import { apiEnvSchema, loadEnv } from '../shared/config/env.js';
import { generateAppSecrets } from '../shared/config/secrets.js';
import { createLogger } from '../shared/logging/logger.js';
import { createDocumentClient } from '../shared/store/dynamo-client.js';
import { launchChromium, phone } from '../test/e2e/support/browser.js';
import { writeQrVideo } from '../test/e2e/support/fake-camera.js';
import { countTypedCharacters, firstHandoverFromInvitation } from '../test/e2e/support/first-handover.js';
import { countKeystrokes, invitePerson } from '../test/e2e/support/invitations.js';

export interface InvitationFlowResult {
  /** Characters put into any field of the phone's pages, from opening the link to "Handed over". */
  typedCharacters: number;
  /** Keys pressed on the phone meanwhile (taps are not keys). */
  keystrokes: number;
  /** From opening the link to the handover confirmed, on this loaded machine: for orientation only. */
  seconds: number;
}

/** The demo's API in this process, on a table of its own, and a JSON client for it. */
async function demoApi(db: DynamoDbLocal) {
  const tableName = 'bench-invitation';
  await ensureTable(
    new DynamoDBClient({
      endpoint: db.endpoint,
      region: 'local',
      credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
    }),
    tableName,
  );
  const table = { doc: createDocumentClient({ endpoint: db.endpoint }), tableName };
  const deps = composeAppDeps(loadEnv(apiEnvSchema, { TABLE_NAME: tableName }), {
    sealer: localSealer(newLocalSealingKey()),
    table,
    secrets: generateAppSecrets('bench-invitation-1'),
    logger: createLogger('silent'),
  });
  const keys = await seedDemo(table, deps.stores, (stores) => seedDemoStock(stores));
  const server = await startLocalServer(deps, 0);
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const http = async (method: string, path: string, key: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        'idempotency-key': crypto.randomUUID(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: JSON.parse(text) as Record<string, unknown>,
      text,
      headers: response.headers,
    };
  };
  return {
    keys,
    baseUrl,
    http,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function measureInvitationFlow(env: { db: DynamoDbLocal }): Promise<InvitationFlowResult> {
  const demo = await demoApi(env.db);
  const folder = await mkdtemp(join(tmpdir(), 'supplyline-bench-invitation-'));
  try {
    const invitation = await invitePerson(demo, {
      displayName: 'Sokha (gate desk)',
      role: 'volunteer',
      scope: { pickupPointIds: ['pp-central-gate'] },
    });
    // The household's voucher, issued before the phone lands; its slip is what the camera films.
    const voucher = await demo.http('POST', '/v1/vouchers', demo.keys.coordinator, {
      shelterId: 'pp-central',
      beneficiaryRef: 'BENCH-HOUSEHOLD-1',
      householdSize: 4,
      lines: [{ itemId: 'rice', quantity: 5 }],
    });
    if (voucher.status !== 201) throw new Error(`issue: ${voucher.status} ${voucher.text}`);
    const qr = await fetch(`${demo.baseUrl}/v1/vouchers/${voucher.body.id}/qr.png`, {
      headers: { authorization: `Bearer ${demo.keys.coordinator}` },
    });
    const video = join(folder, 'voucher-qr.y4m');
    await writeQrVideo(Buffer.from(await qr.arrayBuffer()), video);
    const browser = await launchChromium({ cameraVideo: video });
    try {
      const context = await phone(browser, demo.baseUrl, { viewport: { width: 360, height: 740 } });
      const typed = await countTypedCharacters(context);
      const keystrokes = await countKeystrokes(context);
      const started = performance.now();
      await firstHandoverFromInvitation(await context.newPage(), invitation.link, 'en');
      const seconds = (performance.now() - started) / 1000;
      const redeemed = await demo.http('GET', `/v1/vouchers/${voucher.body.id}`, demo.keys.coordinator);
      if (redeemed.body.status !== 'redeemed') throw new Error(`voucher not handed over: ${redeemed.text}`);
      return { typedCharacters: typed(), keystrokes: keystrokes().length, seconds };
    } finally {
      await browser.close();
    }
  } finally {
    await demo.close();
    await rm(folder, { recursive: true, force: true });
  }
}

export function renderInvitationFlow(r: InvitationFlowResult): string[] {
  return [
    '### Invitation to first handover: what the volunteer types',
    '',
    'Driven in Chromium with the e2e tests’ steps: a 360x740 phone opens a volunteer’s invitation link, lands signed in at its pickup point with its offline list, its (fake) camera reads a voucher’s QR code, the volunteer taps “Handed over”. Counted on the phone: every character that reached a field by any means, and every key pressed.',
    '',
    '| flow | characters typed | keys pressed | goal | verdict | time (loaded machine) |',
    '|---|---|---|---|---|---|',
    `| invitation link to first handover | ${r.typedCharacters} | ${r.keystrokes} | 0 | ${r.typedCharacters === 0 && r.keystrokes === 0 ? 'met' : '**missed**'} | ${r.seconds.toFixed(1)} s |`,
    '',
  ];
}
