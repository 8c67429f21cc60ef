import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';

/**
 * Trims zod 4 for the Lambda bundle, whose size is parse time on every cold start:
 * - every locale is re-exported (`z.locales`, ~250 KB minified) and esbuild cannot tree-shake
 *   through the namespace; we only speak English, so the locales index exports English alone;
 * - `z.compile` (the JIT, ~29 KB), `z.fromJSONSchema` (~12 KB) and JSON Schema output
 *   (`z.toJSONSchema`, `.toJSONSchema()`, `~standard.jsonSchema`, ~21 KB) are public APIs the
 *   functions never call (the OpenAPI document is generated at build time); they become stubs
 *   that throw if anything ever does, so a future use fails loudly.
 * Only modules inside zod/v4 are touched.
 */
interface Stub {
  file: RegExp;
  /** The stub module, given the real module's path. */
  contents: (real: string) => string | Promise<string>;
}

const unavailable = (what: string) =>
  `const unavailable = () => { throw new Error(${JSON.stringify(`${what} is not bundled in Supplyline functions`)}); };`;

/** Every export of the real module, each a function that throws; `create…` factories return one. */
async function throwingExports(real: string, what: string): Promise<string> {
  const names = Object.keys(await import(pathToFileURL(real).href));
  const lines = names.map((name) =>
    name.startsWith('create')
      ? `export const ${name} = () => unavailable;`
      : `export const ${name} = unavailable;`,
  );
  return [unavailable(what), ...lines].join('\n');
}

const stubs: Stub[] = [
  {
    file: /\/locales\/index\.js$/,
    contents: (real) => `export { default as en } from ${JSON.stringify(join(dirname(real), 'en.js'))};`,
  },
  {
    file: /\/compile\.js$/,
    contents: () => `
${unavailable('z.compile')}
export const INVALID = Symbol.for('zod.compile.invalid');
export class ZodCompileAsyncError extends Error {}
export class ZodCompileUnsupportedError extends Error {}
export const compile = unavailable;
export const compileFn = unavailable;
export const withParser = unavailable;`,
  },
  {
    file: /\/from-json-schema\.js$/,
    contents: () => `${unavailable('z.fromJSONSchema')}\nexport const fromJSONSchema = unavailable;`,
  },
  {
    file: /\/(json-schema-processors|to-json-schema)\.js$/,
    contents: (real) => throwingExports(real, 'JSON Schema output'),
  },
];

export const zodEnglishOnly: Plugin = {
  name: 'zod-trimmed',
  setup(build) {
    for (const [index, stub] of stubs.entries()) {
      build.onResolve({ filter: stub.file }, (args) => {
        if (!/[\\/]zod[\\/]v4[\\/]/.test(args.importer)) return undefined;
        const real = resolve(dirname(args.importer), args.path);
        return { path: `zod-stub-${index}:${real}`, namespace: 'zod-trimmed', pluginData: real };
      });
    }
    build.onLoad({ filter: /^zod-stub-\d+:/, namespace: 'zod-trimmed' }, async (args) => {
      const stub = stubs[Number(args.path.slice('zod-stub-'.length, args.path.indexOf(':')))];
      const real = args.pluginData as string;
      return { contents: (await stub?.contents(real)) ?? '', loader: 'js', resolveDir: dirname(real) };
    });
  },
};
