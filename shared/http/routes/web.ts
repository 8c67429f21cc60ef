import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { registerWebPages } from './web-pages.js';

/** The two web pages. The API reads they use (/v1/me, the reports) are registered in app.ts. */
export function registerWeb(app: OpenAPIHono<AppEnv>) {
  registerWebPages(app);
}
