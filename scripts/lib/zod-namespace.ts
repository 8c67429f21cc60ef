/**
 * Lets esbuild tree-shake zod. Our modules write `import { z } from 'zod'` (or from
 * '@hono/zod-openapi'), and zod's `z` is a namespace re-exported as a value, which esbuild keeps
 * whole: every schema type, check and format of zod, about half of it never used. Written
 * `import * as z from 'zod'`, each `z.string` is a static member access and the rest is dropped.
 * This rewrites only that import, in our TypeScript sources (not node_modules), at bundling
 * (scripts/lib/lean-sources.ts applies it before its own changes); a
 * module that took `z` from '@hono/zod-openapi' still imports it for its other names and its
 * side effect (`.openapi()` installed before any schema calls it).
 */
const zImport = /import\s*\{([^}]*)\}\s*from\s*'(zod|@hono\/zod-openapi)';/g;

export function rewriteZodImports(source: string): string {
  return source.replace(zImport, (whole, names: string, from: string) => {
    const specifiers = names
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    if (!specifiers.includes('z')) return whole;
    const others = specifiers.filter((name) => name !== 'z');
    const rest =
      others.length > 0
        ? `import { ${others.join(', ')} } from '${from}';`
        : from === 'zod'
          ? ''
          : `import '${from}';`;
    return `${rest} import * as z from 'zod';`;
  });
}
