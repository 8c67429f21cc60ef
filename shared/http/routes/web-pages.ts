import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { NotFoundError } from '../../errors/app-errors.js';
import type { AppEnv } from '../app-env.js';
import { errorResponses, publicRoute } from '../openapi-route.js';
import { serveWebAsset } from '../web/serve-web-asset.js';
import { isWebAsset } from '../web/web-assets.js';

const html = { 'text/html': { schema: z.string() } };

const scanRoute = publicRoute({
  method: 'get',
  path: '/scan',
  tags: ['Pages'],
  summary: 'Volunteer scanner page (HTML)',
  description:
    'Scan or type a voucher, see what to hand over, confirm the handover. Signs in with a volunteer key.',
  responses: { 200: { description: 'The page.', content: html } },
});

const dashboardRoute = publicRoute({
  method: 'get',
  path: '/dashboard',
  tags: ['Pages'],
  summary: 'Logistics dashboard page (HTML)',
  description:
    'Stock per shelter and item, stock over time, recent movements, vouchers today. Signs in with a logistics key.',
  responses: { 200: { description: 'The page.', content: html } },
});

const assetRoute = publicRoute({
  method: 'get',
  path: '/web/{name}',
  tags: ['Pages'],
  summary: 'A file of the pages: script, style sheet or the jsQR decoder',
  request: { params: z.object({ name: z.string().max(64) }) },
  responses: {
    200: {
      description: 'The file, brotli- or gzip-compressed when the client accepts it.',
      content: { 'text/javascript': { schema: z.string() }, 'text/css': { schema: z.string() } },
    },
    404: errorResponses[404],
  },
});

/** The pages are served by the app itself, so they work on Lambda and locally alike, with no CDN. */
export function registerWebPages(app: OpenAPIHono<AppEnv>) {
  app.openapi(scanRoute, (c) => serveWebAsset(c, 'scan.html') as never);
  app.openapi(dashboardRoute, (c) => serveWebAsset(c, 'dashboard.html') as never);
  app.openapi(assetRoute, (c) => {
    const { name } = c.req.valid('param');
    if (!isWebAsset(name) || name.endsWith('.html')) throw new NotFoundError('Page file', name);
    return serveWebAsset(c, name) as never;
  });
}
