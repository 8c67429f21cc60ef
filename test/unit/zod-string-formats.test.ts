import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { KEPT, trimStringFormats, zodStringFormats } from '../../scripts/lib/zod-string-formats.js';

const root = resolve(new URL('../..', import.meta.url).pathname);
const zodClassic = join(
  dirname(createRequire(import.meta.url).resolve('zod')),
  'v4',
  'classic',
  'schemas.js',
);

describe('the bundle’s zod string formats (scripts/lib/zod-string-formats.ts)', () => {
  const dir = join(root, '.build', 'test', `zod-formats-${process.pid}`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the formats our schemas use and makes every other one throw', () => {
    const { source, left } = trimStringFormats(readFileSync(zodClassic, 'utf8'));
    expect(left).toEqual(expect.arrayContaining(['email', 'uuid', 'ipv6', 'time', 'duration']));
    expect(left.filter((name) => KEPT.has(name))).toEqual([]);
    expect(source).toContain('email() { return unbundledFormat("email"); }');
    expect(source).toContain('return this.check(core._url(ZodURL, params));');
    expect(source).not.toContain('this.check(core._email(ZodEmail');
  });

  it('fails the build of a source that calls a format left out, naming it', async () => {
    mkdirSync(dir, { recursive: true });
    const entry = join(dir, 'uses-email.ts');
    writeFileSync(entry, "import * as z from 'zod';\nexport const contact = z.string().email();\n");
    await expect(
      build({
        entryPoints: [entry],
        bundle: true,
        write: false,
        format: 'esm',
        plugins: [zodStringFormats],
        logLevel: 'silent',
      }),
    ).rejects.toThrow(/calls \.email\(\), a zod string format left out of the bundle/);
  });
});
