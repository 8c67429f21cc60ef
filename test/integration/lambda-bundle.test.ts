import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFunction, lambdaBuildOptions } from '../../scripts/build-function.js';
import { apiDocument } from '../../scripts/lib/api-document.js';
import { generateAppSecrets } from '../../shared/config/secrets.js';
import { httpApiV2Event, lambdaContext } from '../support/lambda-events.js';
import { createTestApp, freshTable, type TestApp, testSecrets } from '../support/test-app.js';
import { buildVoucherWorld, issue } from '../support/voucher-fixtures.js';

const root = resolve(new URL('../..', import.meta.url).pathname);

interface Answer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  /** Whether the bundle had read its OpenAPI document by the time it answered. */
  documentRead: boolean;
}

/**
 * Cold-starts the bundle in a fresh Node process, as Lambda does (no tsx, no vitest), and hands it
 * the events in order. `readFileSync` is watched: the bundle reads its build-time document only
 * to answer /openapi.json, so every answer says whether it had been read by then.
 */
function coldStart(bundle: string, env: Record<string, string>, events: unknown[]): Answer[] {
  const script = `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const read = fs.readFileSync;
let documentRead = false;
fs.readFileSync = (path, ...rest) => {
  if (String(path).endsWith('/openapi.json')) documentRead = true;
  return read(path, ...rest);
};
syncBuiltinESMExports();
const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
const answers = [];
for (const event of JSON.parse(read(0, 'utf8'))) {
  const { statusCode, headers, body } = await handler(event, ${JSON.stringify(lambdaContext)});
  answers.push({ statusCode, headers, body, documentRead });
}
process.stdout.write(JSON.stringify(answers));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, ...env },
    // On stdin: an environment variable holds at most 128 KiB.
    input: JSON.stringify(events),
    encoding: 'utf8',
  });
  return JSON.parse(out) as Answer[];
}

/** What esbuild says of the API build as deployed: every output file and the inputs in it. */
async function apiMetafile() {
  const { metafile } = await build({
    ...lambdaBuildOptions,
    entryPoints: { index: join(root, 'functions/api.ts') },
    outdir: join(root, '.build', 'test', `meta-${process.pid}`),
    splitting: true,
    write: false,
    metafile: true,
  });
  return metafile;
}

const withoutRequestId = (body: string) => {
  const { requestId: _, ...rest } = JSON.parse(body) as Record<string, unknown>;
  return rest;
};

describe('the deployed Lambda bundle (scripts/build-function.ts functions/api.ts)', () => {
  let bundle: string;
  let t: TestApp;
  let admin: string;
  let env: Record<string, string>;
  // Inside the repository, so that the bundle's AWS SDK imports resolve as they do on Lambda.
  const outdir = join(root, '.build', 'test', `api-${process.pid}`);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  beforeAll(async () => {
    bundle = await buildFunction('functions/api.ts', outdir);
    const table = await freshTable();
    t = await createTestApp({ table });
    await t.createOrg('org-a');
    admin = await t.createKey('admin', 'org-a');
    env = {
      TABLE_NAME: table.tableName,
      DYNAMODB_ENDPOINT: table.endpoint,
      LOG_LEVEL: 'silent',
      SECRETS_JSON: JSON.stringify(generateAppSecrets()),
      AWS_REGION: 'ap-southeast-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
  }, 60_000);

  it('carries no OpenAPI generator, registry or JSON Schema converter', async () => {
    const metafile = await apiMetafile();
    // What reaches the bundle's files (tree-shaken modules have no bytes); zod's stubs aside.
    const inputs = Object.values(metafile.outputs).flatMap((output) =>
      Object.entries(output.inputs)
        .filter(([path, input]) => input.bytesInOutput > 0 && !path.startsWith('zod-trimmed:'))
        .map(([path]) => path),
    );
    expect(inputs.filter((path) => /zod-to-openapi|@hono[\\/]zod-openapi|json-schema/.test(path))).toEqual(
      [],
    );
    expect(inputs.some((path) => path.endsWith('shared/http/lean-zod-openapi.ts'))).toBe(true);
  });

  it('builds no document on a cold start, and serves the build-time one only when asked', async () => {
    const auth = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
    const [health, created, invalid, document, again] = coldStart(bundle, env, [
      httpApiV2Event({ method: 'GET', path: '/v1/health' }),
      httpApiV2Event({
        method: 'POST',
        path: '/v1/organizations',
        headers: auth,
        body: JSON.stringify({ id: 'org-bundle', name: 'Made by the bundle' }),
      }),
      httpApiV2Event({
        method: 'POST',
        path: '/v1/organizations',
        headers: auth,
        body: JSON.stringify({ id: 42, name: ['x'], extra: true }),
      }),
      httpApiV2Event({ method: 'GET', path: '/openapi.json' }),
      httpApiV2Event({ method: 'GET', path: '/openapi.json' }),
    ]);
    expect([health?.statusCode, created?.statusCode, invalid?.statusCode]).toEqual([200, 201, 400]);
    expect([health?.documentRead, created?.documentRead, invalid?.documentRead]).toEqual([
      false,
      false,
      false,
    ]);
    expect(document?.statusCode).toBe(200);
    expect(document?.headers['content-type']).toBe('application/json');
    expect(document?.documentRead).toBe(true);
    expect(JSON.parse(document?.body ?? '')).toEqual(await apiDocument());
    expect(again?.body).toBe(document?.body);
  });

  it('loads a route group and serves a page from its chunks, finding the files beside the entry', async () => {
    const auth = { authorization: `Bearer ${admin}` };
    const [rounds, scan, document] = coldStart(bundle, env, [
      httpApiV2Event({ method: 'GET', path: '/v1/rounds', headers: auth }),
      httpApiV2Event({ method: 'GET', path: '/scan' }),
      httpApiV2Event({ method: 'GET', path: '/openapi.json' }),
    ]);
    expect(rounds?.statusCode).toBe(200);
    expect(JSON.parse(rounds?.body ?? '')).toMatchObject({ items: [] });
    expect(scan?.statusCode).toBe(200);
    expect(scan?.body).toContain('<html');
    expect(document?.statusCode).toBe(200);
  });

  it('keeps the groups off the hot path out of the entry and its static chunks', async () => {
    const metafile = await apiMetafile();
    const outputs = metafile.outputs;
    const entry = Object.keys(outputs).find((name) => name.endsWith('index.js')) ?? '';
    const loadedAtStart = new Set<string>();
    const visit = (name: string) => {
      if (loadedAtStart.has(name)) return;
      loadedAtStart.add(name);
      for (const imported of outputs[name]?.imports ?? [])
        if (imported.kind === 'import-statement' && outputs[imported.path] !== undefined)
          visit(imported.path);
    };
    visit(entry);
    const atStart = [...loadedAtStart].flatMap((name) =>
      Object.entries(outputs[name]?.inputs ?? {})
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([path]) => path),
    );
    for (const offPath of [
      'routes/rounds.ts',
      'routes/webhooks.ts',
      'routes/devices.ts',
      'routes/people.ts',
      'store/invitation-store.ts',
      'domain/invitation.ts',
      'csv-parse',
    ])
      expect({ offPath, atStart: atStart.some((path) => path.includes(offPath)) }).toEqual({
        offPath,
        atStart: false,
      });
    expect(atStart.some((path) => path.endsWith('routes/redemptions.ts'))).toBe(true);
  });

  it('redeems as the app in tests does, its schemas built on first use: the answer, its replay and the refusals', async () => {
    // A world of its own, with the test app's signing keys, so that the bundle verifies its tokens.
    const own = await createTestApp();
    const world = await buildVoucherWorld(own);
    const vouchers = {
      bundle: await issue(own, world.coordinator),
      inProcess: await issue(own, world.coordinator),
    };
    const requests = (token: string) => {
      const key = crypto.randomUUID();
      const redeem = (body: unknown, idempotencyKey = crypto.randomUUID()) => {
        const text = JSON.stringify(body);
        return {
          method: 'POST',
          path: '/v1/redemptions',
          headers: {
            authorization: `Bearer ${world.volunteer}`,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(text)),
            'idempotency-key': idempotencyKey,
          },
          body: text,
        };
      };
      return [
        redeem({ token, pickupPointId: 'pp-a1' }, key),
        redeem({ token, pickupPointId: 'pp-a1' }, key),
        redeem({ token, pickupPointId: 'pp-a1' }),
        redeem({ token: `${token.slice(0, -4)}AAAA`, pickupPointId: 'pp-a1' }),
        redeem({ token, pickupPointId: 'pp-a1', extra: true }),
        redeem({ pickupPointId: 'pp-a1' }),
      ];
    };
    const fromBundle = coldStart(
      bundle,
      { ...env, TABLE_NAME: own.table.tableName, SECRETS_JSON: JSON.stringify(testSecrets) },
      requests(vouchers.bundle.token).map((request) => httpApiV2Event(request)),
    );
    /** What must be the same, whichever voucher: no ids, times or request ids. */
    const comparable = (status: number, body: string) => {
      const { voucherId, code, redeemedAt, movementId, requestId, detail, ...rest } = JSON.parse(
        body,
      ) as Record<string, unknown>;
      return {
        httpStatus: status,
        ...rest,
        hasIds: [voucherId, code, redeemedAt, movementId].map((v) => v !== undefined),
      };
    };
    const inProcess: Array<ReturnType<typeof comparable>> = [];
    for (const request of requests(vouchers.inProcess.token)) {
      const answer = await own.app.request(request.path, request);
      inProcess.push(comparable(answer.status, await answer.text()));
    }
    expect(fromBundle.map((answer) => comparable(answer.statusCode, answer.body))).toEqual(inProcess);
    expect(inProcess.map((answer) => answer.httpStatus)).toEqual([200, 200, 409, 422, 400, 400]);
    expect(fromBundle[1]?.headers['idempotent-replayed']).toBe('true');
    expect(fromBundle[1]?.body).toBe(fromBundle[0]?.body);
  });

  it('validates requests as the app in tests does: the same status and problem, field for field', async () => {
    const auth = { authorization: `Bearer ${admin}` };
    const json = { ...auth, 'content-type': 'application/json' };
    const requests: Array<{
      method: string;
      path: string;
      query?: string;
      headers: Record<string, string>;
      body?: string;
    }> = [
      // body fields of the wrong type, and one the schema does not know
      {
        method: 'POST',
        path: '/v1/organizations',
        headers: json,
        body: JSON.stringify({ id: 42, name: ['x'], extra: true }),
      },
      // a body that is not JSON at all, and a body of another media type
      { method: 'POST', path: '/v1/organizations', headers: json, body: '{"id": "org-x",' },
      {
        method: 'POST',
        path: '/v1/organizations',
        headers: { ...auth, 'content-type': 'text/plain' },
        body: 'id=org-x',
      },
      // a path parameter and a query over their bounds
      { method: 'GET', path: `/v1/shelters/${'s'.repeat(300)}`, headers: auth },
      { method: 'GET', path: '/v1/organizations', query: 'limit=100000', headers: auth },
    ];
    // As over HTTP and from API Gateway, a body comes with its length (app.request() sends none).
    for (const request of requests) {
      if (request.body !== undefined)
        request.headers['content-length'] = String(Buffer.byteLength(request.body));
    }
    const fromBundle = coldStart(
      bundle,
      env,
      requests.map((request) => httpApiV2Event(request)),
    );
    for (const [i, request] of requests.entries()) {
      const url = `${request.path}${request.query === undefined ? '' : `?${request.query}`}`;
      const inProcess = await t.app.request(url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
      });
      const answer = fromBundle[i];
      expect({ url, status: answer?.statusCode }).toEqual({ url, status: inProcess.status });
      expect(withoutRequestId(answer?.body ?? '')).toEqual(withoutRequestId(await inProcess.text()));
    }
  });

  it('answers every route of the document as the app in tests does, its schemas built in the lean build', async () => {
    // Each route once for each role, its path parameters filled with an id that exists nowhere
    // and, where it takes a body, one no schema accepts: whatever a route group builds at load or
    // on its first request (its schemas' stand-ins, its validators) is built here, and a refusal
    // is the same problem, word for word, as the sources give.
    const { paths = {} } = await apiDocument();
    const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;
    const operations = Object.entries(paths).flatMap(([template, item]) =>
      methods.flatMap((method) => {
        const operation = item[method];
        return operation === undefined
          ? []
          : [{ template, method, hasBody: operation.requestBody !== undefined }];
      }),
    );
    expect(operations.length).toBeGreaterThan(50);
    const roles = ['admin', 'coordinator', 'volunteer', 'logistics'] as const;
    const keys = Object.fromEntries(
      await Promise.all(roles.map(async (role) => [role, await t.createKey(role, 'org-a')] as const)),
    );
    const requests = roles.flatMap((role) =>
      operations.map(({ template, method, hasBody }, i) => {
        const body = hasBody ? '{"notAField":true}' : undefined;
        return {
          role,
          method: method.toUpperCase(),
          path: template.replace(/\{[^}]+\}/g, 'x1'),
          headers: {
            authorization: `Bearer ${keys[role]}`,
            'idempotency-key': `route-sweep-${role}-${i}`,
            ...(body === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': String(body.length) }),
          },
          body,
        };
      }),
    );
    const fromBundle = coldStart(
      bundle,
      env,
      requests.map((request) => httpApiV2Event(request)),
    );
    const validated = new Set<string>();
    for (const [i, request] of requests.entries()) {
      const inProcess = await t.app.request(request.path, {
        method: request.method,
        headers: { ...request.headers, 'idempotency-key': `${request.headers['idempotency-key']}-app` },
        body: request.body,
      });
      const answer = fromBundle[i];
      const route = `${request.role}: ${request.method} ${request.path}`;
      expect({ route, status: answer?.statusCode }).toEqual({ route, status: inProcess.status });
      // A refusal word for word; an answer's content may differ (the bundle has secrets of its own).
      if (inProcess.status >= 400)
        expect({ route, body: withoutRequestId(answer?.body ?? '') }).toEqual({
          route,
          body: withoutRequestId(await inProcess.text()),
        });
      if (inProcess.status === 400) validated.add(`${request.method} ${request.path}`);
    }
    // Most routes reached their validators with one role or another.
    expect(validated.size).toBeGreaterThan(operations.length / 2);
  });
});
