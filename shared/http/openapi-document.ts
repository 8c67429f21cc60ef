import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.js';

export const API_VERSION = '1.0.0';

/** The path the app serves its OpenAPI document at. */
export const OPENAPI_PATH = '/openapi.json';

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
  },
  servers: [{ url: '/', description: 'The deployment serving this document.' }],
};

/** The document as the app serves it at /openapi.json. */
export function openApiDocument(app: OpenAPIHono<AppEnv>) {
  return app.getOpenAPI31Document(openApiConfig);
}
