import { resolve } from 'node:path';
import type { Plugin } from 'esbuild';

const lean = resolve(new URL('../../shared/http/lean-zod-openapi.ts', import.meta.url).pathname);

/**
 * Bundles shared/http/lean-zod-openapi.ts wherever the code imports '@hono/zod-openapi': the
 * functions validate requests as the package does but carry none of its document machinery
 * (the API serves the document generated at build time). Tests and `npm start` keep the package.
 */
export const leanOpenApi: Plugin = {
  name: 'lean-openapi',
  setup(build) {
    build.onResolve({ filter: /^@hono\/zod-openapi$/ }, () => ({ path: lean }));
  },
};
