import { OpenAPIHono } from '@hono/zod-openapi';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../shared/http/app-env.js';
import { lazyRouteGroups } from '../../shared/http/route-groups.js';
import { call } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Schema = Record<string, unknown>;
type Operation = {
  operationId?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; schema: Schema }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
};
type OpenApiDoc = {
  openapi: string;
  servers?: Array<{ url: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

/** Hono paths use `:id`; OpenAPI uses `{id}`. */
const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
/** The document itself, the page that renders it, and the address that leads there. */
const undocumented = new Set(['/openapi.json', '/docs', '/']);

function operationsOf(doc: OpenApiDoc) {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ name: `${method} ${path}`, op })),
  );
}

/**
 * Every string, array and number a request can carry, where it lacks a bound: a string without
 * `maxLength` (enums and constants are bounded already), an array without `maxItems`, a number
 * without a minimum or a maximum.
 */
function unbounded(doc: OpenApiDoc, schema: Schema | undefined, where: string, found: string[] = []) {
  if (schema === undefined) return found;
  const ref = schema.$ref as string | undefined;
  const s = ref === undefined ? schema : (doc.components.schemas[ref.split('/').pop() ?? ''] ?? {});
  const types = ([] as unknown[]).concat(s.type ?? []);
  if (types.includes('string') && s.enum === undefined && s.const === undefined && s.maxLength === undefined)
    found.push(`${where}: a string without maxLength`);
  if (types.includes('array') && s.maxItems === undefined) found.push(`${where}: an array without maxItems`);
  if (types.includes('number') || types.includes('integer')) {
    if (s.minimum === undefined && s.exclusiveMinimum === undefined)
      found.push(`${where}: a number without a minimum`);
    if (s.maximum === undefined && s.exclusiveMaximum === undefined)
      found.push(`${where}: a number without a maximum`);
  }
  for (const [name, property] of Object.entries((s.properties ?? {}) as Record<string, Schema>))
    unbounded(doc, property, `${where}.${name}`, found);
  if (typeof s.items === 'object') unbounded(doc, s.items as Schema, `${where}[]`, found);
  if (typeof s.additionalProperties === 'object')
    unbounded(doc, s.additionalProperties as Schema, `${where}{}`, found);
  for (const key of ['anyOf', 'oneOf', 'allOf'])
    for (const [i, member] of ((s[key] ?? []) as Schema[]).entries())
      unbounded(doc, member, `${where}(${key} ${i})`, found);
  return found;
}

describe('OpenAPI document and docs page', () => {
  let t: TestApp;
  let doc: OpenApiDoc;

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await call<OpenApiDoc>(t.app, 'GET', '/openapi.json')).body;
  });

  it('is OpenAPI 3.1 and names its server', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers?.length).toBeGreaterThan(0);
  });

  it('lists every route the app serves, those of the groups loaded on first use too', async () => {
    // A lazy group is mounted as ALL under its prefixes; its own routes are what it serves.
    const groupRoutes: Array<{ method: string; path: string }> = [];
    for (const group of lazyRouteGroups) {
      const probe = new OpenAPIHono<AppEnv>();
      (await group.load())(probe);
      groupRoutes.push(...probe.routes);
    }
    const served = [...t.app.routes, ...groupRoutes]
      .filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method.toLowerCase()} ${toOpenApiPath(route.path)}`)
      .filter((route) => !undocumented.has(route.split(' ')[1] ?? ''));
    const documented = operationsOf(doc).map((operation) => operation.name);
    expect(served.length).toBeGreaterThan(3);
    expect(new Set(documented)).toEqual(new Set(served));
  });

  it('gives every operation a unique operationId and a tag', () => {
    const operations = operationsOf(doc);
    for (const { name, op } of operations) {
      expect(op.operationId, name).toMatch(/^[a-z][A-Za-z0-9]+$/);
      expect(op.tags?.length, name).toBeGreaterThan(0);
    }
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('says which operations are public with `security: []`, and documents the auth errors of the rest', () => {
    const operations = operationsOf(doc);
    const open = operations.filter(({ op }) => op.security?.length === 0).map(({ name }) => name);
    expect(open).toEqual(
      expect.arrayContaining(['get /v1/health', 'get /v1/voucher-keys', 'get /scan', 'get /dashboard']),
    );
    for (const { name, op } of operations) {
      expect(op.security, name).toBeDefined();
      if (op.security?.length === 0) continue;
      expect(op.security, name).toEqual([{ bearerAuth: [] }]);
      expect(Object.keys(op.responses), name).toEqual(expect.arrayContaining(['401', '403']));
    }
  });

  it('documents the common errors, gateway throttling among them, on every operation', () => {
    for (const { name, op } of operationsOf(doc)) {
      expect(Object.keys(op.responses), name).toEqual(expect.arrayContaining(['400', '429', '500', '503']));
    }
  });

  it('bounds every string, array and number a request can carry', () => {
    const found = operationsOf(doc).flatMap(({ name, op }) => [
      ...(op.parameters ?? []).flatMap((p) => unbounded(doc, p.schema, `${name} ${p.in}.${p.name}`)),
      ...Object.values(op.requestBody?.content ?? {}).flatMap((c) =>
        unbounded(doc, c.schema, `${name} body`),
      ),
    ]);
    expect(found).toEqual([]);
  });

  it('has no allOf of closed objects, which no value can satisfy under JSON Schema 2020-12', () => {
    const closed = (member: Schema): boolean => {
      const ref = member.$ref as string | undefined;
      const s = ref === undefined ? member : doc.components.schemas[ref.split('/').pop() ?? ''];
      return s?.additionalProperties === false;
    };
    const impossible: string[] = [];
    const walk = (value: unknown, where: string) => {
      if (typeof value !== 'object' || value === null) return;
      const allOf = (value as Schema).allOf as Schema[] | undefined;
      if (allOf !== undefined && allOf.filter(closed).length > 0 && allOf.length > 1) impossible.push(where);
      for (const [key, child] of Object.entries(value)) walk(child, `${where}/${key}`);
    };
    walk(doc, '#');
    expect(impossible).toEqual([]);
  });

  it('serves /docs with only same-origin assets, every link inside it leading somewhere, under the pages’ strict policy', async () => {
    const page = await call(t.app, 'GET', '/docs');
    expect(page.status).toBe(200);
    const urls = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    const files = urls.filter((url) => !url.startsWith('#'));
    expect(files.length).toBeGreaterThan(2);
    for (const url of files) expect(url.startsWith('/'), url).toBe(true);
    for (const url of files) expect((await t.app.request(url)).status, url).toBe(200);
    const ids = new Set([...page.text.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
    const anchors = urls.filter((url) => url.startsWith('#'));
    expect(anchors.length).toBeGreaterThan(100);
    for (const anchor of anchors) expect(ids.has(anchor.slice(1)), anchor).toBe(true);
    expect(page.text).not.toContain('<script');
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
