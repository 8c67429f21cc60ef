import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { registerConflicts } from '../routes/conflicts.js';
import { registerDeviceOffline } from '../routes/device-offline.js';
import { registerDevices } from '../routes/devices.js';

/** Scanning devices, their offline packs and syncs, and the conflicts a sync records. */
export function registerOfflineDistribution(app: OpenAPIHono<AppEnv>): void {
  registerDevices(app);
  registerDeviceOffline(app);
  registerConflicts(app);
}
