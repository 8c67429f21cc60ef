import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.js';
import { registerHealth } from './routes/health.js';
import { registerItemLabels } from './routes/item-labels.js';
import { registerItems } from './routes/items.js';
import { registerMe } from './routes/me.js';
import { registerRedemptions } from './routes/redemptions.js';
import { registerShelters } from './routes/shelters.js';
import { registerStock } from './routes/stock.js';
import { registerStockAlertSettings } from './routes/stock-alert-settings.js';
import { registerStockMovements } from './routes/stock-movements.js';
import { registerTransfers } from './routes/transfers.js';
import { registerVoucherMedia } from './routes/voucher-media.js';
import { registerVoucherReports } from './routes/voucher-reports.js';
import { registerVouchers } from './routes/vouchers.js';

/**
 * The routes a cold start registers at once: what volunteers scan with and logistics leads and
 * coordinators use all day (vouchers, redemptions, stock, shelters). The rest are groups loaded
 * on first use (route-groups.ts).
 */
export function registerHotRoutes(app: OpenAPIHono<AppEnv>): void {
  registerHealth(app);
  registerMe(app);
  registerShelters(app);
  registerItems(app);
  registerItemLabels(app);
  registerStockMovements(app);
  registerTransfers(app);
  registerStock(app);
  registerStockAlertSettings(app);
  registerVoucherReports(app);
  registerRedemptions(app);
  registerVouchers(app);
  registerVoucherMedia(app);
}
