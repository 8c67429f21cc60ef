import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { registerMe } from './me.js';
import { registerVoucherReports } from './voucher-reports.js';
import { registerWebPages } from './web-pages.js';

/** The two web pages and the API reads that exist for them, registered together. */
export function registerWeb(app: OpenAPIHono<AppEnv>) {
  registerMe(app);
  registerVoucherReports(app);
  registerWebPages(app);
}
