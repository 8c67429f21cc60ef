import { dirname, join } from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * Trims zod 4 for the Lambda bundle, whose size is parse time on every cold start:
 * - every locale is re-exported (`z.locales`, ~250 KB minified) and esbuild cannot tree-shake
 *   through the namespace; we only speak English, so the locales index exports English alone;
 * - `z.compile` (the JIT, ~29 KB) and `z.fromJSONSchema` (~12 KB) are public APIs nothing here
 *   calls; they become stubs that throw if anything ever does, so a future use fails loudly.
 * Only modules inside zod/v4 are touched.
 */
const stubs: Array<{ file: RegExp; contents: (dir: string) => string }> = [
  {
    file: /\/locales\/index\.js$/,
    contents: (dir) =>
      `export { default as en } from ${JSON.stringify(join(dir, '..', 'locales', 'en.js'))};`,
  },
  {
    file: /\/compile\.js$/,
    contents: () => `
const unavailable = () => { throw new Error('z.compile is not bundled in Supplyline functions'); };
export const INVALID = Symbol.for('zod.compile.invalid');
export class ZodCompileAsyncError extends Error {}
export class ZodCompileUnsupportedError extends Error {}
export const compile = unavailable;
export const compileFn = unavailable;
export const withParser = unavailable;`,
  },
  {
    file: /\/from-json-schema\.js$/,
    contents: () =>
      `export const fromJSONSchema = () => { throw new Error('z.fromJSONSchema is not bundled in Supplyline functions'); };`,
  },
];

export const zodEnglishOnly: Plugin = {
  name: 'zod-trimmed',
  setup(build) {
    for (const [index, stub] of stubs.entries()) {
      build.onResolve({ filter: stub.file }, (args) => {
        if (!/[\\/]zod[\\/]v4[\\/]/.test(args.importer)) return undefined;
        return { path: `zod-stub-${index}`, namespace: 'zod-trimmed', pluginData: dirname(args.importer) };
      });
    }
    build.onLoad({ filter: /^zod-stub-\d+$/, namespace: 'zod-trimmed' }, (args) => {
      const stub = stubs[Number(args.path.replace('zod-stub-', ''))];
      return {
        contents: stub?.contents(args.pluginData as string) ?? '',
        loader: 'js',
        resolveDir: args.pluginData as string,
      };
    });
  },
};
