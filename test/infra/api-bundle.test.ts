import { randomUUID } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { webFiles } from '../../web/serve/web-files.js';
import { buildWorld } from '../support/fixtures.js';
import { httpApiV2Event, lambdaContext } from '../support/lambda-events.js';
import { synthStack } from '../support/synth.js';
import { createTestApp, freshTable, testSecrets } from '../support/test-app.js';

interface LambdaResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded?: boolean;
}
type Handler = (event: unknown, context: unknown) => Promise<LambdaResult>;

/** The very bundle `cdk deploy` would upload, served real API Gateway v2 events against DynamoDB Local. */
describe('the synthesised API bundle', () => {
  let outdir: string;
  let bundleDir: string;
  let handler: Handler;
  let world: Awaited<ReturnType<typeof buildWorld>>;

  beforeAll(async () => {
    const synth = synthStack({ bundle: true });
    outdir = synth.outdir;
    const functions = synth.template.findResources('AWS::Lambda::Function', {
      Properties: { Description: 'Supplyline REST API (Hono)' },
    });
    const code = Object.values(functions)[0]?.Properties.Code as { S3Key: string };
    bundleDir = join(outdir, `asset.${code.S3Key.replace('.zip', '')}`);

    const table = await freshTable();
    const t = await createTestApp({ table });
    world = await buildWorld(t);
    vi.stubEnv('TABLE_NAME', table.tableName);
    vi.stubEnv('DYNAMODB_ENDPOINT', table.endpoint);
    vi.stubEnv('SECRETS_JSON', JSON.stringify(testSecrets));
    vi.stubEnv('LOG_LEVEL', 'silent');
    ({ handler } = (await import(pathToFileURL(join(bundleDir, 'index.mjs')).href)) as { handler: Handler });
  }, 120_000);
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(outdir, { recursive: true, force: true });
  });

  it('is a minified ESM bundle without the AWS SDK, with its source map and the web files beside it', () => {
    const size = statSync(join(bundleDir, 'index.mjs')).size;
    console.log(`API bundle: ${(size / 1024).toFixed(1)} KiB minified (AWS SDK excluded)`);
    expect(existsSync(join(bundleDir, 'index.mjs.map'))).toBe(true);
    for (const path of webFiles) expect(existsSync(join(bundleDir, 'web-assets', path)), path).toBe(true);
    expect(size).toBeGreaterThan(10_000);
  });

  it('answers health, issues and redeems a voucher, and serves pages, docs and slips, through API Gateway v2 events', async () => {
    const send = async (method: string, path: string, key?: string, body?: unknown) => {
      const result = await handler(
        httpApiV2Event({
          method,
          path,
          headers: {
            ...(key === undefined ? {} : { authorization: `Bearer ${key}` }),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(method === 'POST' ? { 'idempotency-key': randomUUID() } : {}),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
        lambdaContext,
      );
      return {
        status: result.statusCode,
        body: result.isBase64Encoded ? result.body : JSON.parse(result.body || '{}'),
        headers: result.headers,
      };
    };
    expect((await send('GET', '/v1/health')).status).toBe(200);
    const receipt = await send('POST', '/v1/shelters/shelter-a/receipts', world.logistics, {
      source: 'bundle test',
      lines: [{ itemId: 'rice', quantity: 10 }],
    });
    expect(receipt.status).toBe(201);
    const voucher = await send('POST', '/v1/vouchers', world.coordinator, {
      shelterId: 'shelter-a',
      beneficiaryRef: 'HH-BUNDLE',
      householdSize: 1,
      lines: [{ itemId: 'rice', quantity: 2 }],
    });
    expect(voucher.status).toBe(201);
    // The QR encoder is a lazily loaded chunk: this proves the chunk ships and loads.
    const qr = await handler(
      httpApiV2Event({
        method: 'GET',
        path: `/v1/vouchers/${voucher.body.id}/qr.svg`,
        headers: { authorization: `Bearer ${world.coordinator}` },
      }),
      lambdaContext,
    );
    expect(qr.statusCode).toBe(200);
    expect(qr.body).toContain('<svg');
    const volunteer = world.volunteer;
    const redeemed = await send('POST', '/v1/redemptions', volunteer, {
      token: voucher.body.token,
      pickupPointId: 'pp-a1',
    });
    expect(redeemed.status).toBe(200);
    const error = await send('GET', '/v1/organizations');
    expect(error.status).toBe(401);
    expect(error.headers['content-type']).toBe('application/problem+json');
    // Each read from the files beside the bundle: a page filled from its templates, the reference
    // written from the build-time document, a shared rule, a script; then a slip.
    for (const path of ['/scan', '/docs', '/shared/rules/short-code.js', '/web/scan/scan.js']) {
      const served = await handler(httpApiV2Event({ method: 'GET', path }), lambdaContext);
      expect(served.statusCode, path).toBe(200);
    }
    const slip = await handler(
      httpApiV2Event({
        method: 'GET',
        path: `/v1/vouchers/${voucher.body.id}/slip`,
        headers: { authorization: `Bearer ${world.coordinator}` },
      }),
      lambdaContext,
    );
    expect(slip.statusCode).toBe(200);
    expect(slip.body).toContain('size: A4');
  });
});
