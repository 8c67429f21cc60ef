import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { NotFoundError } from '../../shared/errors/app-errors.js';
import type { AppEnv } from '../../shared/http/app-env.js';
import { servedDocument } from '../../shared/http/openapi-document.js';
import { responseHeaders } from '../../shared/http/openapi-responses.js';
import { errorResponses, publicRoute } from '../../shared/http/openapi-route.js';
import { pageHeaders } from './page-policies.js';
import { fillTemplate, type PageName, pageHtml, pages } from './pages.js';
import { serveAsset } from './serve-asset.js';
import { serviceWorkerScript } from './service-worker-script.js';
import { isSharedRule, isWebFile, readWebFile } from './web-files.js';

const html = { 'text/html': { schema: z.string() } };

/**
 * /docs: the OpenAPI document this process serves, written out by api-reference.ts, loaded on
 * the first request for it (a cold start loads neither).
 */
async function docsHtml() {
  const [{ renderApiReference }, document, template] = await Promise.all([
    import('./api-reference.js'),
    servedDocument(),
    readWebFile('docs/docs.html'),
  ]);
  const parts = renderApiReference(document as unknown as import('./api-reference.js').OpenApiDocument);
  const page = fillTemplate(new TextDecoder().decode(template.body), { title: 'Supplyline API', ...parts });
  return { body: new TextEncoder().encode(page), contentType: 'text/html; charset=utf-8' };
}

/** Served from the asset cache: revalidated by ETag (see serveAsset). */
const notModified = {
  description: 'Not modified: the copy named by the request’s `If-None-Match` is current.',
  headers: responseHeaders.etag,
};

function pageRoute(name: PageName) {
  const { path, summary, description } = pages[name];
  return publicRoute({
    method: 'get',
    path,
    operationId: `get${name[0]?.toUpperCase()}${name.slice(1)}Page`,
    tags: ['Pages'],
    summary,
    description,
    responses: {
      200: { description: 'The page.', headers: responseHeaders.etag, content: html },
      304: notModified,
    },
  });
}

const fileRoute = publicRoute({
  method: 'get',
  path: '/web/{folder}/{name}',
  operationId: 'getWebFile',
  tags: ['Pages'],
  summary: 'A file of the pages or the docs: script, style sheet, icon, the jsQR decoder',
  request: { params: z.object({ folder: z.string().max(32), name: z.string().max(64) }) },
  responses: {
    200: {
      description: 'The file, brotli- or gzip-compressed when the client accepts it.',
      headers: responseHeaders.etag,
      content: {
        'text/javascript': { schema: z.string() },
        'text/css': { schema: z.string() },
        'image/png': { schema: z.string() },
        'image/svg+xml': { schema: z.string() },
        'application/manifest+json': { schema: z.string() },
      },
    },
    304: notModified,
    404: errorResponses[404],
  },
});

const sharedRuleRoute = publicRoute({
  method: 'get',
  path: '/shared/rules/{name}',
  operationId: 'getSharedRule',
  tags: ['Pages'],
  summary: 'A rule the pages share with the server (short codes, the token layout...): its own module',
  request: { params: z.object({ name: z.string().max(64) }) },
  responses: {
    200: {
      description: 'The module, brotli- or gzip-compressed when the client accepts it.',
      headers: responseHeaders.etag,
      content: { 'text/javascript': { schema: z.string() } },
    },
    304: notModified,
    404: errorResponses[404],
  },
});

const serviceWorkerRoute = publicRoute({
  method: 'get',
  path: '/scan-sw.js',
  operationId: 'getScanServiceWorker',
  tags: ['Pages'],
  summary: 'The scanner’s service worker: precaches /scan and its files so the page loads offline',
  description:
    'Served at the origin’s root so that its scope covers /scan. It caches the page’s own files only; API calls always go to the network.',
  responses: {
    200: {
      description: 'The worker script, brotli- or gzip-compressed when the client accepts it.',
      headers: responseHeaders.etag,
      content: { 'text/javascript': { schema: z.string() } },
    },
    304: notModified,
  },
});

/**
 * The pages, their files and the API docs, served by the app itself from one cache: they work on
 * Lambda and locally alike, offline, with no CDN. The OpenAPI document is registered in app.ts;
 * /docs is that document written out as a page (api-reference.ts).
 */
export function registerWebRoutes(app: OpenAPIHono<AppEnv>) {
  for (const name of Object.keys(pages) as PageName[]) {
    app.openapi(
      pageRoute(name),
      (c) => serveAsset(c, `page:${name}`, () => pageHtml(name), pageHeaders) as never,
    );
  }

  app.openapi(fileRoute, (c) => {
    const { folder, name } = c.req.valid('param');
    const path = `${folder}/${name}`;
    // Templates are sent only filled in, by their page's route.
    if (!isWebFile(path) || path.endsWith('.html')) throw new NotFoundError('Page file', path);
    return serveAsset(c, path, () => readWebFile(path)) as never;
  });

  app.openapi(sharedRuleRoute, (c) => {
    const path = `shared/rules/${c.req.valid('param').name}`;
    if (!isSharedRule(path)) throw new NotFoundError('Page file', path);
    return serveAsset(c, path, () => readWebFile(path)) as never;
  });

  app.openapi(
    serviceWorkerRoute,
    (c) => serveAsset(c, 'scan-sw.js', serviceWorkerScript, { 'service-worker-allowed': '/scan' }) as never,
  );

  // Someone who opens the server's address in a browser lands on the API's documentation.
  app.get('/', (c) => c.redirect('/docs', 302));
  app.get('/docs', (c) => serveAsset(c, 'page:docs', docsHtml, pageHeaders));
}
