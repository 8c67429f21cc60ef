/**
 * The error-severity schema rules of Spectral's OWASP ruleset (`@stoplight/spectral-owasp-ruleset`,
 * API4:2023, for OpenAPI 3.1), applied to what a client sends: every operation's parameters and
 * request bodies, `$ref`s followed. Spectral itself is not a dependency; these four rules are
 * small enough to state here, and the test that uses them names each finding by its path.
 *
 * - `owasp:api4:2023-array-limit`: an array states `maxItems`;
 * - `owasp:api4:2023-string-limit`: a string states `maxLength`, `enum` or `const`;
 * - `owasp:api4:2023-integer-limit`: an integer states exactly one of `minimum`/`exclusiveMinimum`
 *   and exactly one of `maximum`/`exclusiveMaximum`;
 * - `owasp:api4:2023-integer-format`: an integer states its `format` (int32 or int64).
 */

type Schema = Record<string, unknown>;

export interface Finding {
  rule: string;
  at: string;
}

function typesOf(schema: Schema): string[] {
  const type = schema.type;
  return Array.isArray(type) ? (type as string[]) : typeof type === 'string' ? [type] : [];
}

function schemaFindings(schema: Schema, at: string): Finding[] {
  const types = typesOf(schema);
  const has = (field: string) => field in schema;
  const findings: Finding[] = [];
  if (types.includes('array') && !has('maxItems')) findings.push({ rule: 'array-limit', at });
  if (types.includes('string') && !has('maxLength') && !has('enum') && !has('const'))
    findings.push({ rule: 'string-limit', at });
  if (types.includes('integer')) {
    if (has('minimum') === has('exclusiveMinimum') || has('maximum') === has('exclusiveMaximum'))
      findings.push({ rule: 'integer-limit', at });
    if (!has('format')) findings.push({ rule: 'integer-format', at });
  }
  return findings;
}

/** Every schema reachable from `root`, following `$ref`s into the document once each. */
function walk(document: Schema, root: unknown, at: string, seen: Set<string>, out: Finding[]): void {
  if (root === null || typeof root !== 'object') return;
  if (Array.isArray(root)) {
    for (const [index, entry] of root.entries()) walk(document, entry, `${at}/${index}`, seen, out);
    return;
  }
  const node = root as Schema;
  const ref = node.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    if (seen.has(ref)) return;
    seen.add(ref);
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((parent, part) => (parent as Schema | undefined)?.[part], document);
    walk(document, target, ref.slice(1), seen, out);
    return;
  }
  out.push(...schemaFindings(node, at));
  for (const [key, value] of Object.entries(node)) {
    // Examples are values, not schemas.
    if (key === 'example' || key === 'examples' || key === 'enum' || key === 'const' || key === 'default')
      continue;
    walk(document, value, `${at}/${key}`, seen, out);
  }
}

/** The findings in every operation's parameters and request body schemas. */
export function requestFindings(document: Schema): Finding[] {
  const findings: Finding[] = [];
  const paths = (document.paths ?? {}) as Record<string, Record<string, Schema>>;
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const where = `${method.toUpperCase()} ${path}`;
      const seen = new Set<string>();
      for (const parameter of (operation.parameters ?? []) as Schema[]) {
        walk(
          document,
          parameter.schema,
          `${where} ${String(parameter.in)} ${String(parameter.name)}`,
          seen,
          findings,
        );
      }
      const content = ((operation.requestBody as Schema | undefined)?.content ?? {}) as Record<
        string,
        Schema
      >;
      for (const [mediaType, media] of Object.entries(content)) {
        walk(document, media.schema, `${where} body ${mediaType}`, seen, findings);
      }
    }
  }
  return findings;
}
