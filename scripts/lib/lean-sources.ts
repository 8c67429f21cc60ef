import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import ts from 'typescript';
import { rewriteZodImports } from './zod-namespace.js';

/**
 * What the deployed build changes in our own TypeScript before bundling it (tests and `npm start`
 * run the sources as written). Two things, both about cold starts:
 *
 * 1. Schemas are built on first use. Every zod schema a module declares at its top level, and
 *    every schema written inline in a top-level declaration (a route's body), is wrapped in
 *    `lazySchema(() => ...)` (shared/http/lazy-schema.ts), marked pure. Zod 4 runs a constructor
 *    for each schema and each step of a chain, so building them all at load was the largest part
 *    of init; now a cold start builds the few it uses. Marked pure, a schema nothing uses any more
 *    (one only the OpenAPI document named) is dropped from the bundle altogether.
 * 2. What only the OpenAPI document reads is left out, since the document is generated at build
 *    time from the sources (scripts/build-function.ts): schema metadata (`.openapi(...)`, which
 *    the bundle's lean-zod-openapi.ts makes the identity anyway) and, in the route definitions
 *    (`securedRoute`, `publicRoute`, `idempotentWriteRoute`, `createRoute`), the summary,
 *    description, tags and documented responses.
 *
 * Whatever the transform cannot recognise it leaves as written: it only ever defers a schema's
 * construction or drops documentation, never changes what a request is checked against.
 */

const lazySchemaModule = resolve(new URL('../../shared/http/lazy-schema.ts', import.meta.url).pathname);
const LAZY = '__lazySchema';

/** Calls on the zod namespace that do not return a new schema: left where they are. */
const notSchemaFactories = new Set([
  'config',
  'parse',
  'safeParse',
  'parseAsync',
  'safeParseAsync',
  'encode',
  'decode',
  'prettifyError',
  'treeifyError',
  'flattenError',
  'formatError',
  'toJSONSchema',
  'registry',
  'setErrorMap',
  'getErrorMap',
]);

/** Schema methods that use a schema rather than derive one: a chain ending in one is no schema. */
const notSchemaMethods = new Set([
  'parse',
  'safeParse',
  'parseAsync',
  'safeParseAsync',
  'spa',
  'encode',
  'decode',
  'safeEncode',
  'safeDecode',
  'isOptional',
  'isNullable',
  'keyof',
  'toJSONSchema',
  'register',
]);

/** The route helpers whose definition argument carries documentation (shared/http/openapi-route.ts). */
const routeHelpers = new Set(['securedRoute', 'publicRoute', 'idempotentWriteRoute', 'createRoute']);
/** Route properties only the OpenAPI document reads. */
const documentationOnly = new Set(['summary', 'description', 'tags']);

interface Edit {
  at: number;
  end: number;
  text: string;
}

const unwrap = (node: ts.Expression): ts.Expression =>
  ts.isParenthesizedExpression(node) ||
  ts.isAsExpression(node) ||
  ts.isSatisfiesExpression(node) ||
  ts.isNonNullExpression(node)
    ? unwrap(node.expression)
    : node;

/** `x.openapi('Name')`, `x.openapi({ ... })`, `x.openapi('Name', { ... })`: schema metadata, not a route. */
function isOpenApiMetadata(node: ts.CallExpression): node is ts.CallExpression & {
  expression: ts.PropertyAccessExpression;
} {
  if (!ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'openapi')
    return false;
  const [first, second, ...rest] = node.arguments;
  if (first === undefined || rest.length > 0) return false;
  const literal = (arg: ts.Expression) => ts.isStringLiteral(arg) || ts.isObjectLiteralExpression(arg);
  return literal(first) && (second === undefined || ts.isObjectLiteralExpression(second));
}

export function leanSource(source: string, fileName: string): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: Edit[] = [];
  /** Top-level names bound to schemas, so that `nameSchema.extend(...)` is known to be one. */
  const schemaNames = new Set<string>();

  const isSchemaName = (name: string) => schemaNames.has(name) || /Schemas?$/.test(name);

  /** Whether an expression evaluates to a zod schema built from the namespace or another schema. */
  function isSchemaExpression(node: ts.Expression): boolean {
    const expression = unwrap(node);
    if (!ts.isCallExpression(expression)) return false;
    const callee = expression.expression;
    if (!ts.isPropertyAccessExpression(callee)) return false;
    const method = callee.name.text;
    const target = unwrap(callee.expression);
    if (ts.isIdentifier(target)) {
      if (target.text === 'z') return !notSchemaFactories.has(method);
      return isSchemaName(target.text) && !notSchemaMethods.has(method);
    }
    // `z.iso.datetime()`, `z.coerce.number()`: a factory under a namespace member.
    if (ts.isPropertyAccessExpression(target) && ts.isIdentifier(target.expression)) {
      return target.expression.text === 'z' && !notSchemaFactories.has(method);
    }
    return !notSchemaMethods.has(method) && isSchemaExpression(target);
  }

  const wrap = (node: ts.Expression) => {
    edits.push({
      at: node.getStart(file),
      end: node.getStart(file),
      text: `/* @__PURE__ */ ${LAZY}(() => (`,
    });
    edits.push({ at: node.end, end: node.end, text: '))' });
  };

  /** Removes a property with its comma (the next property's start, or past a trailing comma). */
  const removeProperty = (literal: ts.ObjectLiteralExpression, property: ts.ObjectLiteralElementLike) => {
    const next = literal.properties[literal.properties.indexOf(property) + 1];
    const trailingComma = /^\s*,/.exec(source.slice(property.end));
    const end = next?.getStart(file) ?? property.end + (trailingComma?.[0].length ?? 0);
    edits.push({ at: property.getStart(file), end, text: '' });
  };

  /** Drops documentation from a route definition's object literal; returns the nodes left to visit. */
  function stripRouteDefinition(literal: ts.ObjectLiteralExpression): ts.Node[] {
    const kept: ts.Node[] = [];
    for (const property of literal.properties) {
      const name =
        property.name !== undefined && ts.isIdentifier(property.name) ? property.name.text : undefined;
      if (name !== undefined && documentationOnly.has(name)) {
        removeProperty(literal, property);
      } else if (name === 'responses' && ts.isPropertyAssignment(property)) {
        edits.push({ at: property.initializer.getStart(file), end: property.initializer.end, text: '{}' });
      } else if (
        name === 'success' &&
        ts.isPropertyAssignment(property) &&
        ts.isObjectLiteralExpression(property.initializer)
      ) {
        // idempotentWriteRoute's one success answer: only its status is more than documentation.
        for (const inner of property.initializer.properties) {
          const innerName =
            inner.name !== undefined && ts.isIdentifier(inner.name) ? inner.name.text : undefined;
          if (innerName !== 'status') removeProperty(property.initializer, inner);
        }
      } else {
        kept.push(property);
      }
    }
    return kept;
  }

  /**
   * Visits a node. `lazy`: whether schemas met here are wrapped (top-level code, outside any
   * function: inside one they are built when it runs, as they should be); `inLazy`: already inside
   * a wrapped schema, where nested schemas are built with it.
   */
  function visit(node: ts.Node, lazy: boolean): void {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) {
      ts.forEachChild(node, (child) => visit(child, false));
      return;
    }
    if (ts.isCallExpression(node)) {
      if (isOpenApiMetadata(node)) {
        // `x.openapi(...)` -> `x`: the metadata's text and the call both go.
        const target = node.expression.expression;
        if (lazy && isSchemaExpression(node)) {
          wrap(node);
          edits.push({ at: target.end, end: node.end, text: '' });
          visit(target, false);
          return;
        }
        edits.push({ at: target.end, end: node.end, text: '' });
        visit(target, lazy);
        return;
      }
      if (lazy && isSchemaExpression(node)) {
        wrap(node);
        ts.forEachChild(node, (child) => visit(child, false));
        return;
      }
      const callee = node.expression;
      if (ts.isIdentifier(callee) && routeHelpers.has(callee.text)) {
        visit(callee, lazy);
        for (const argument of node.arguments) {
          if (
            ts.isObjectLiteralExpression(argument) &&
            argument === node.arguments.find(ts.isObjectLiteralExpression)
          ) {
            for (const kept of stripRouteDefinition(argument)) visit(kept, lazy);
          } else {
            visit(argument, lazy);
          }
        }
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, lazy));
  }

  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement) && (statement.declarationList.flags & ts.NodeFlags.Const) !== 0) {
      for (const declaration of statement.declarationList.declarations) {
        const { name, initializer } = declaration;
        if (initializer === undefined) continue;
        const named = ts.isIdentifier(name) ? name.text : undefined;
        // A helper that makes a schema (`linesOf(...)`, `voucherEvent(...)`), by the name it is given.
        const helperMade =
          named !== undefined && /Schemas?$/.test(named) && ts.isCallExpression(unwrap(initializer));
        if (isSchemaExpression(initializer) || helperMade) {
          if (named !== undefined) schemaNames.add(named);
          if (!isSchemaExpression(initializer)) {
            wrap(initializer);
            visit(initializer, false);
            continue;
          }
        }
        visit(initializer, true);
      }
      continue;
    }
    visit(statement, !ts.isFunctionDeclaration(statement) && !ts.isClassDeclaration(statement));
  }

  if (edits.length === 0) return source;
  // Later edits first, so earlier offsets stay valid; at one offset, an insertion before a removal.
  edits.sort((a, b) => b.at - a.at || b.end - a.end);
  let out = source;
  for (const edit of edits) out = out.slice(0, edit.at) + edit.text + out.slice(edit.end);
  const usesLazy = edits.some((edit) => edit.text.includes(LAZY));
  return usesLazy
    ? `import { lazySchema as ${LAZY} } from ${JSON.stringify(lazySchemaModule)};\n${out}`
    : out;
}

/** The esbuild plugin: our TypeScript (never node_modules), zod's import rewritten, then made lean. */
export const leanSources: Plugin = {
  name: 'lean-sources',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (/[\\/]node_modules[\\/]/.test(args.path)) return undefined;
      const source = rewriteZodImports(await readFile(args.path, 'utf8'));
      if (args.path === lazySchemaModule) return { contents: source, loader: 'ts' };
      return { contents: leanSource(source, args.path), loader: 'ts' };
    });
  },
};
