import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Operation = { security?: unknown[]; responses: Record<string, unknown> };
type OpenApiDoc = { openapi: string; paths: Record<string, Record<string, Operation>> };

/** Hono paths use `:id`; OpenAPI uses `{id}`. */
const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
/** The document itself, the page that renders it, and the address that leads there. */
const undocumented = new Set(['/openapi.json', '/docs', '/']);

describe('OpenAPI document and docs page', () => {
  let t: TestApp;
  let doc: OpenApiDoc;

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await call<OpenApiDoc>(t.app, 'GET', '/openapi.json')).body;
  });

  it('is OpenAPI 3.1', () => {
    expect(doc.openapi).toBe('3.1.0');
  });

  it('lists every route the app serves', () => {
    const served = t.app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method.toLowerCase()} ${toOpenApiPath(route.path)}`)
      .filter((route) => !undocumented.has(route.split(' ')[1] ?? ''));
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    expect(served.length).toBeGreaterThan(3);
    expect(new Set(documented)).toEqual(new Set(served));
  });

  it('documents security and error responses on every authenticated operation', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(Object.keys(op.responses), `${method} ${path}`).toEqual(
          expect.arrayContaining(['400', '500', '503']),
        );
        if (path === '/v1/health' || op.security === undefined) continue;
        expect(op.security, `${method} ${path}`).toEqual([{ bearerAuth: [] }]);
        expect(Object.keys(op.responses), `${method} ${path}`).toEqual(
          expect.arrayContaining(['401', '403']),
        );
      }
    }
  });

  it('serves /docs with only same-origin assets', async () => {
    const page = await call(t.app, 'GET', '/docs');
    expect(page.status).toBe(200);
    const urls = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(urls.length).toBeGreaterThan(2);
    for (const url of urls) expect(url.startsWith('/')).toBe(true);
    for (const url of urls) expect((await t.app.request(url)).status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
