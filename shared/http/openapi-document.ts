import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.js';

export const API_VERSION = '1.0.0';

/** The path the app serves its OpenAPI document at. */
export const OPENAPI_PATH = '/openapi.json';

/**
 * The document's file beside the Lambda bundle: scripts/build-function.ts generates it at build
 * time and the bundle serves it (shared/http/lean-zod-openapi.ts) instead of building it.
 */
export const BUNDLED_DOCUMENT = 'openapi.json';

/** What the document says about the API as a whole; the operations come from the routes. */
export const openApiConfig = {
  openapi: '3.1.0' as const,
  info: {
    title: 'Supplyline API',
    version: API_VERSION,
    description:
      'Stock of food, water and bedding across shelters, and QR-coded distribution vouchers redeemed exactly once. ' +
      'Every error is an RFC 9457 problem (application/problem+json) carrying the request id. ' +
      'A method a path does not take is answered 405, its `Allow` header listing the methods it does; ' +
      'in front of the app, the API gateway answers 429 when its rate limits are exceeded.',
    // The project's licence (LICENSE at the repository's root), as an SPDX identifier.
    license: { name: 'Apache License 2.0', identifier: 'Apache-2.0' },
  },
  servers: [{ url: '/', description: 'The deployment serving this document.' }],
};

/** The document of every route, as the app serves it at /openapi.json. */
export async function openApiDocument() {
  const { documentApp } = await import('./document-app.js');
  return (await documentApp()).getOpenAPI31Document(openApiConfig);
}

let builds = 0;

/** How many times this process has built a document: a cold start that serves none builds none. */
export function documentBuilds(): number {
  return builds;
}

let served: ReturnType<typeof openApiDocument> | undefined;

/**
 * The document as this process serves it (at /openapi.json, and written out at /docs), built on
 * the first request for it and kept: a cold start that answers other requests builds none, and
 * loads none of the route groups it would need (the Lambda bundle reads the build-time file
 * instead). A failed build is not kept.
 */
export function servedDocument(): ReturnType<typeof openApiDocument> {
  if (served === undefined) {
    builds += 1;
    served = openApiDocument();
    served.catch(() => {
      served = undefined;
    });
  }
  return served;
}

/** Serves the document at /openapi.json. */
export function serveOpenApiDocument(app: OpenAPIHono<AppEnv>): void {
  app.get(OPENAPI_PATH, async (c) => c.json(await servedDocument()));
}
