import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { leanSource } from '../../scripts/lib/lean-sources.js';
import { lazySchema } from '../../shared/http/lazy-schema.js';

const lean = (source: string) =>
  leanSource(source, 'example.ts').replace(/^import \{ lazySchema as __lazySchema \} from .*\n/, '');
const lazy = (expression: string) => `/* @__PURE__ */ __lazySchema(() => (${expression}))`;

describe('the deployed build’s source changes (scripts/lib/lean-sources.ts)', () => {
  it('defers every schema a module declares at its top level, chains and derived schemas too', () => {
    const source = [
      'export const slugSchema = z.string().min(1).max(64);',
      'const pointSchema = z.object({ id: slugSchema, at: z.iso.datetime() }).strict();',
      'export const pointsSchema = pointSchema.array().max(10);',
      'export const linesSchema = linesOf({ quantity: z.number() });',
    ].join('\n');
    expect(lean(source).split('\n')).toEqual([
      `export const slugSchema = ${lazy('z.string().min(1).max(64)')};`,
      `const pointSchema = ${lazy('z.object({ id: slugSchema, at: z.iso.datetime() }).strict()')};`,
      `export const pointsSchema = ${lazy('pointSchema.array().max(10)')};`,
      `export const linesSchema = ${lazy('linesOf({ quantity: z.number() })')};`,
    ]);
  });

  it('defers schemas written inline in a top-level declaration, but not those built inside functions', () => {
    const source = [
      'const route = { body: jsonContent(z.object({ token: z.string() })) };',
      'function page(item) { return z.object({ items: z.array(item) }); }',
    ].join('\n');
    expect(lean(source).split('\n')).toEqual([
      `const route = { body: jsonContent(${lazy('z.object({ token: z.string() })')}) };`,
      'function page(item) { return z.object({ items: z.array(item) }); }',
    ]);
  });

  it('leaves what is not a schema as written: values read from schemas, parses, other calls', () => {
    const source = [
      'export const roles = roleSchema.options;',
      'const env = envSchema.parse(process.env);',
      'const limit = Math.min(a, b);',
      'z.config({ jitless: true });',
    ].join('\n');
    expect(lean(source)).toBe(source);
  });

  it('drops schema metadata for the document, but keeps route registrations', () => {
    const source = [
      "const idSchema = z.string().openapi({ example: 'x' }).openapi('Id', { description: 'An id.' });",
      'export function register(app) { app.openapi(route, async (c) => c.json({})); }',
    ].join('\n');
    expect(lean(source).split('\n')).toEqual([
      `const idSchema = ${lazy('z.string()')};`,
      'export function register(app) { app.openapi(route, async (c) => c.json({})); }',
    ]);
  });

  it('keeps only what a route definition runs with: no summary, description, tags or documented answers', () => {
    const source = `const route = idempotentWriteRoute(['volunteer'], {
  method: 'post',
  path: '/v1/things',
  operationId: 'makeThing',
  tags: ['Things'],
  summary: 'Make a thing',
  description: 'A long text for the document.',
  body: thingSchema,
  success: { status: 201, description: 'Made.', schema: thingViewSchema },
}, inTransaction);
const read = securedRoute(['admin'], { method: 'get', path: '/v1/things', responses: { 200: ok(listSchema) }, description: 'Last.' });`;
    expect(lean(source)).toBe(`const route = idempotentWriteRoute(['volunteer'], {
  method: 'post',
  path: '/v1/things',
  operationId: 'makeThing',
  body: thingSchema,
  success: { status: 201,  },
}, inTransaction);
const read = securedRoute(['admin'], { method: 'get', path: '/v1/things', responses: {},  });`);
  });
});

describe('a schema built on first use (shared/http/lazy-schema.ts)', () => {
  it('is not built until used, then built once and answers as the schema itself', () => {
    let builds = 0;
    const point = lazySchema(() => {
      builds++;
      return z.object({ id: z.string().min(1), n: z.number().int() }).strict();
    });
    expect(builds).toBe(0);
    expect(point.safeParse({ id: 'a', n: 1 })).toEqual({ success: true, data: { id: 'a', n: 1 } });
    expect(point.safeParse({ id: '', n: 1.5, extra: true }).success).toBe(false);
    expect(point instanceof z.ZodObject).toBe(true);
    expect(Object.keys(point.shape)).toEqual(['id', 'n']);
    expect(builds).toBe(1);
  });

  it('works inside other schemas, whichever is built first', () => {
    const id = lazySchema(() => z.string().regex(/^[a-z]+$/));
    const list = z.array(z.object({ id, tags: lazySchema(() => z.array(id).max(2)) }));
    expect(list.safeParse([{ id: 'ab', tags: ['c'] }]).success).toBe(true);
    expect(list.safeParse([{ id: 'AB', tags: ['c', 'd', 'e'] }]).error?.issues.map((i) => i.path)).toEqual([
      [0, 'id'],
      [0, 'tags'],
    ]);
    const extended = lazySchema(() => z.object({ id })).extend({ n: z.number() });
    expect(extended.parse({ id: 'x', n: 2 })).toEqual({ id: 'x', n: 2 });
    expect({ ...lazySchema(() => ({ a: 1, b: 2 })) }).toEqual({ a: 1, b: 2 });
  });
});
