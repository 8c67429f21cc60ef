import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isProblem } from '../support/http.js';
import { PersonalDataWatch } from '../support/log-privacy.js';
import { snapshotDifference, snapshotTable } from '../support/table-reads.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type AccessWorld, buildAccessWorld } from './lib/access-world.js';
import { type OpenApiOperation, openApiOperations, operationCases, type Request } from './lib/operations.js';

/**
 * Part d: every operation of /openapi.json, sent malformed input by a key whose role may call it,
 * so that validation is reached: wrong types, huge strings, Khmer, emoji, right-to-left marks and
 * NUL, lone surrogates, 5,000-level nesting, bodies over the limit, bad headers and bad path and
 * query parameters. No answer may be a 5xx; every 4xx is problem+json with a request id; and a
 * refused request leaves the table exactly as it was.
 */

const MAX_BODY_BYTES = 262_144;
const watch = new PersonalDataWatch('fuzz');
let t: TestApp;
let w: AccessWorld;
let document: Record<string, unknown>;
let operations: OpenApiOperation[];
let cases = 0;
const answers = new Map<number, number>();

interface Variant {
  label: string;
  path?: string;
  headers?: Record<string, string>;
  /** Extra values for headers that are sent twice. */
  duplicateHeaders?: Array<[string, string]>;
  /** The body as sent; JSON.stringify of the valid body when absent. */
  rawBody?: string;
  /** Input no operation may accept. */
  mustRefuse?: boolean;
}

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  anyOf?: Schema[];
  pattern?: string;
  format?: string;
  enum?: unknown[];
};

function resolve(schema: Schema | undefined): Schema | undefined {
  if (schema?.$ref === undefined) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return resolve((document.components as { schemas: Record<string, Schema> }).schemas[name]);
}

/** The top-level body properties an operation declares, with their JSON types; `text` is free text. */
function bodyProperties(op: OpenApiOperation): Array<{ name: string; type: string; text: boolean }> {
  const content = (op.operation.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)
    ?.content;
  const schema = resolve(content?.['application/json']?.schema);
  const variants = schema?.anyOf?.map(resolve) ?? [schema];
  const properties = new Map<string, { type: string; text: boolean }>();
  for (const variant of variants) {
    for (const [name, property] of Object.entries(variant?.properties ?? {})) {
      const resolved = resolve(property);
      const type = resolved?.type ?? 'enum';
      const text =
        type === 'string' &&
        resolved?.pattern === undefined &&
        resolved?.format === undefined &&
        resolved?.enum === undefined;
      properties.set(name, { type: Array.isArray(type) ? String(type[0]) : type, text });
    }
  }
  return [...properties].map(([name, { type, text }]) => ({ name, type, text }));
}

const wrongValue: Record<string, unknown> = {
  string: 12345,
  number: 'not a number',
  integer: 1.5,
  array: { 0: 'not', 1: 'an array' },
  object: ['not', 'an', 'object'],
  boolean: 'yes',
  enum: { not: 'a member' },
};

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

function bodyVariants(op: OpenApiOperation, valid: Record<string, unknown>): Variant[] {
  const properties = bodyProperties(op);
  // Unicode goes into free text (names, notes, references), where it is valid and must be stored safely.
  const text = properties.filter((p) => p.text);
  const strings = text.length > 0 ? text : properties.filter((p) => p.type === 'string');
  const withStrings = (value: (name: string) => string) =>
    JSON.stringify({ ...valid, ...Object.fromEntries(strings.map((p) => [p.name, value(p.name)])) });
  const firstArray = properties.find((p) => p.type === 'array') ?? properties[0];
  return [
    { label: 'an empty object', rawBody: '{}' },
    { label: 'an array instead of an object', rawBody: '[{"id":"x"}]' },
    { label: 'null', rawBody: 'null' },
    { label: 'malformed JSON', rawBody: '{"lines": [{"itemId": "rice",' },
    {
      label: 'every field of the wrong type',
      rawBody: JSON.stringify(
        Object.fromEntries(properties.map((p) => [p.name, wrongValue[p.type] ?? null])),
      ),
    },
    {
      label: 'huge strings in every string field',
      rawBody: JSON.stringify({
        ...valid,
        ...Object.fromEntries(
          properties
            .filter((p) => p.type === 'string')
            .map((p) => [p.name, `${watch.bodyText(p.name)}${'ស'.repeat(10_000)}`]),
        ),
      }),
    },
    {
      label: 'an unknown field',
      rawBody: JSON.stringify({ ...valid, unknownField: watch.bodyText('unknown') }),
      mustRefuse: properties.length > 0,
    },
    {
      label: 'Khmer, emoji, right-to-left override, NUL and BOM',
      rawBody: withStrings((name) => `${watch.bodyText(name)} ស្រូវ 🍚💧 \u202Eevil\u202C \u0000 \uFEFF עברית`),
    },
    {
      label: 'a lone surrogate',
      rawBody: withStrings((name) => `${watch.bodyText(name)} LONE`).replaceAll(' LONE', ' \\ud800'),
    },
    {
      label: 'a 5,000-level nested array as the body',
      rawBody: nested(5000),
      headers: { 'idempotency-key': watch.bodyText('nested') },
    },
    {
      label: 'a 5,000-level nested array in a field',
      headers: { 'idempotency-key': watch.bodyText('nested') },
      rawBody: JSON.stringify({ ...valid, [firstArray?.name ?? 'lines']: 'NESTED' }).replace(
        '"NESTED"',
        nested(5000),
      ),
    },
    {
      label: 'a body over MAX_BODY_BYTES',
      rawBody: JSON.stringify({ ...valid, padding: watch.bodyText('padding') + 'x'.repeat(MAX_BODY_BYTES) }),
    },
    {
      label: 'prototype-polluting keys',
      rawBody: JSON.stringify(valid).replace(
        /^\{/,
        '{"__proto__":{"role":"admin"},"constructor":{"prototype":{}},',
      ),
    },
    {
      label: 'absurd numbers',
      rawBody: JSON.stringify({ ...valid, householdSize: 'X', quantity: 'X' })
        .replaceAll('"X"', '1e400')
        .replaceAll(/"quantity":\d+/g, '"quantity":-0.0000001'),
    },
    {
      label: 'JSON sent as text/plain',
      headers: { 'content-type': 'text/plain' },
      rawBody: JSON.stringify(valid),
    },
  ];
}

function pathVariants(op: OpenApiOperation, valid: string): Variant[] {
  if (!op.path.includes('{')) return [];
  // Replace the first path parameter of the valid path with each bad value.
  const template = op.path.replace(/\{[^}]+\}.*$/, '');
  const rest = valid.slice(template.length).replace(/^[^/?]*/, '');
  return [
    ['a 5,000-character id', 'a'.repeat(5000)],
    ['%00', '%00'],
    ['an encoded ../ climb', '..%2F..%2Fv1%2Forganizations'],
    ['a raw ../', '../../v1/organizations'],
    ['a broken percent-escape', '%ZZ%E0%A4%A'],
    ['Khmer', encodeURIComponent('ស្រូវ')],
  ].map(([label, value]) => ({ label: `path: ${label}`, path: `${template}${value}${rest}` }));
}

function queryVariants(op: OpenApiOperation, valid: string): Variant[] {
  const names = ((op.operation.parameters ?? []) as Array<{ in: string; name: string }>)
    .filter((p) => p.in === 'query')
    .map((p) => p.name);
  if (names.length === 0) return [];
  const base = valid.split('?')[0] ?? valid;
  const first = names[0] as string;
  return [
    {
      label: 'query: every parameter Khmer and emoji',
      path: `${base}?${names.map((n) => `${n}=${encodeURIComponent('ស្រូវ🍚')}`).join('&')}`,
    },
    {
      label: 'query: negative and huge numbers',
      path: `${base}?limit=-1&size=99999999999&utcOffsetMinutes=1e400`,
    },
    {
      label: 'query: a forged cursor',
      path: `${base}?cursor=${encodeURIComponent(Buffer.from('{"pk":{"S":"KEY#x"}}').toString('base64url'))}`,
    },
    { label: 'query: a 3,000-character value', path: `${base}?${first}=${'z'.repeat(3000)}` },
    { label: 'query: NUL and repeated parameters', path: `${base}?${first}=%00&${first}=a&${first}=b` },
  ];
}

function headerVariants(op: OpenApiOperation, key: string | undefined): Variant[] {
  return [
    { label: 'a garbage bearer key', headers: { authorization: `Bearer slk_${'A'.repeat(5000)}` } },
    { label: 'Basic authentication', headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } },
    ...(key === undefined
      ? []
      : [
          {
            label: 'two Authorization headers',
            duplicateHeaders: [['authorization', `Bearer ${key}`]] as Array<[string, string]>,
          },
        ]),
    { label: 'a 10,000-character Idempotency-Key', headers: { 'idempotency-key': 'k'.repeat(10_000) } },
    {
      label: 'two Idempotency-Key headers, one not ASCII',
      headers: { 'idempotency-key': 'fuzz-a' },
      duplicateHeaders: [['idempotency-key', 'caf\u00e9']],
    },
    ...(op.method === 'GET' || op.method === 'DELETE'
      ? []
      : [{ label: 'no Content-Type', headers: { 'content-type': '' } }]),
  ];
}

async function sendVariant(
  op: OpenApiOperation,
  request: Request,
  key: string | undefined,
  variant: Variant,
) {
  const headers = new Headers();
  if (key !== undefined) headers.set('authorization', `Bearer ${key}`);
  const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
  const body = variant.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
  if (hasBody && body !== undefined) headers.set('content-type', 'application/json');
  for (const [name, value] of Object.entries(variant.headers ?? {})) {
    if (value === '') headers.delete(name);
    else headers.set(name, value);
  }
  for (const [name, value] of variant.duplicateHeaders ?? []) headers.append(name, value);
  const response = await t.app.request(variant.path ?? request.path, {
    method: op.method,
    headers,
    ...(hasBody && body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // HTML, SVG, PNG, CSV
  }
  watch.observe(parsed);
  return { status: response.status, headers: response.headers, body: parsed, text };
}

beforeAll(async () => {
  t = watch.watch(await createTestApp({ env: { MAX_BODY_BYTES: String(MAX_BODY_BYTES) } }));
  w = await buildAccessWorld(t, watch);
  ({ operations, document } = await openApiOperations(t));
});

afterAll(() => {
  const byStatus = [...answers].sort(([a], [b]) => a - b).map(([status, n]) => `${status} x${n}`);
  console.log(
    `reliability/fuzz: ${cases} cases over ${operations.length} operations (${byStatus.join(', ')})`,
  );
  watch.dump();
});

describe('fuzzing every operation', () => {
  it('lists the operations it fuzzes', () => {
    expect(operations.map((op) => op.id).sort()).toEqual(Object.keys(operationCases).sort());
  });

  for (const id of Object.keys(operationCases)) {
    it(`${id}: never 5xx, always problem+json, and a refused request changes nothing`, async () => {
      const op = operations.find((o) => o.id === id);
      const spec = operationCases[id];
      if (op === undefined || spec === undefined) throw new Error(`${id} is missing`);
      const key =
        op.roles === undefined ? undefined : w.key(op.roles[0] as NonNullable<typeof op.roles>[number]);
      const request = await spec.build(w, 'own');
      const variants = [
        ...(op.method === 'GET' || op.method === 'DELETE'
          ? []
          : bodyVariants(op, (request.body ?? {}) as Record<string, unknown>)),
        ...pathVariants(op, request.path),
        ...queryVariants(op, request.path),
        ...headerVariants(op, key),
      ];
      const failures: string[] = [];
      let before = await snapshotTable(t.table);
      for (const variant of variants) {
        cases += 1;
        const result = await sendVariant(op, request, key, variant);
        const after = await snapshotTable(t.table);
        answers.set(result.status, (answers.get(result.status) ?? 0) + 1);
        const label = `${variant.label}: ${result.status} ${result.text.slice(0, 200)}`;
        if (process.env.FUZZ_DEBUG) console.log(id, label.slice(0, 160));
        if (result.status >= 500) failures.push(label);
        if (variant.mustRefuse === true && result.status < 400) failures.push(`${label}: accepted`);
        if (result.status >= 400 && !isProblem(result))
          failures.push(`${label} (not problem+json with a request id)`);
        if (result.status >= 400) {
          const changed = snapshotDifference(before, after);
          if (changed.length > 0) failures.push(`${label} changed ${changed.join(', ')}`);
        }
        before = after;
      }
      expect(failures).toEqual([]);
    });
  }

  it('leaves no personal data in the log lines of this part', () => {
    expect(watch.leaks()).toEqual([]);
  });
});
