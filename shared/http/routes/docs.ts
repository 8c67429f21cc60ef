import type { OpenAPIHono } from '@hono/zod-openapi';
import { NotFoundError } from '../../errors/app-errors.js';
import type { AppEnv } from '../app-env.js';
import { docsAssets, isDocsAsset, loadDocsAsset } from '../docs/docs-assets.js';
import { docsInitScript, docsPageHtml } from '../docs/docs-page.js';

const docsCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
].join('; ');

/** The OpenAPI document itself is registered in app.ts; this serves the page that renders it. */
export function registerDocs(app: OpenAPIHono<AppEnv>) {
  app.get('/docs', (c) => {
    c.header('content-security-policy', docsCsp);
    return c.html(docsPageHtml);
  });

  app.get('/docs/assets/init.js', (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    return c.body(docsInitScript);
  });

  app.get('/docs/assets/:name', async (c) => {
    const name = c.req.param('name');
    if (!isDocsAsset(name)) throw new NotFoundError('Asset', name);
    const body = await loadDocsAsset(name);
    c.header('content-type', docsAssets[name]);
    c.header('cache-control', 'public, max-age=86400');
    return c.body(body as Uint8Array<ArrayBuffer>);
  });
}
