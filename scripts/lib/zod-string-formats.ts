import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/**
 * Leaves out of the Lambda bundle the string formats our schemas never use. zod's `ZodString`
 * carries a method per format (`.email()`, `.uuid()`, `.ipv6()`, ...), and each method names its
 * format's class, so every format's class, checks and regular expressions were bundled and
 * compiled at each cold start (7 KiB of the bundle loaded at start, issue 25). Here the methods
 * we do not use throw instead (a stub, like zod-english-only.ts's), and esbuild drops the rest.
 *
 * Two guards keep this honest: a source of ours calling a left-out method fails the build, naming
 * it (add it to KEPT); and a zod whose ZodString no longer reads as expected fails the build too,
 * rather than bundling something half-trimmed.
 */
export const KEPT = new Set(['url', 'datetime', 'date']);

/** `email(params) { return this.check(core._email(ZodEmail, params)); }`, as zod 4 writes each. */
const formatMethod = /(\n\s*)(\w+)\(params\) \{\s*return this\.check\(core\._\w+\(Zod\w+, params\)\);\s*\}/g;

export function trimStringFormats(source: string): { source: string; left: string[] } {
  const left: string[] = [];
  const trimmed = source.replace(formatMethod, (whole, indent: string, name: string) => {
    if (KEPT.has(name)) return whole;
    left.push(name);
    return `${indent}${name}() { return unbundledFormat(${JSON.stringify(name)}); }`;
  });
  const thrower = `const unbundledFormat = (name) => { throw new Error(\`zod's string .\${name}() is not bundled in Supplyline functions (scripts/lib/zod-string-formats.ts)\`); };\n`;
  return { source: thrower + trimmed, left };
}

export const zodStringFormats: Plugin = {
  name: 'zod-string-formats',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]classic[\\/]schemas\.js$/ }, async (args) => {
      const trimmed = trimStringFormats(await readFile(args.path, 'utf8'));
      if (trimmed.left.length < 10 || !KEPT.has('url'))
        throw new Error(
          `zod's ZodString does not read as expected in ${args.path}: see scripts/lib/zod-string-formats.ts`,
        );
      return { contents: trimmed.source, loader: 'js' };
    });
    // Our sources, before lean-sources.ts reads them: none may call a format left out.
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (/[\\/]node_modules[\\/]/.test(args.path)) return undefined;
      const source = await readFile(args.path, 'utf8');
      const used = [...source.matchAll(/\.(\w+)\(/g)].map((match) => match[1] ?? '');
      const missing = [...new Set(used)].filter((name) => STRING_FORMATS.has(name) && !KEPT.has(name));
      if (missing.length > 0)
        throw new Error(
          `${args.path} calls ${missing.map((name) => `.${name}()`).join(', ')}, a zod string format left out of the bundle: add it to KEPT in scripts/lib/zod-string-formats.ts`,
        );
      return undefined;
    });
  },
};

/** Every format method of zod 4's ZodString, kept or not. */
const STRING_FORMATS = new Set([
  'email',
  'url',
  'jwt',
  'emoji',
  'guid',
  'uuid',
  'uuidv4',
  'uuidv6',
  'uuidv7',
  'nanoid',
  'cuid',
  'cuid2',
  'ulid',
  'base64',
  'base64url',
  'xid',
  'ksuid',
  'ipv4',
  'ipv6',
  'cidrv4',
  'cidrv6',
  'e164',
  'datetime',
  'date',
  'time',
  'duration',
]);
