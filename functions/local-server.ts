// Local Node entry: the same app as on Lambda, served by @hono/node-server.
import { type ServerType, serve } from '@hono/node-server';
import { createApp } from '../shared/http/app.js';
import type { AppDeps } from '../shared/http/app-env.js';

export function startLocalServer(deps: AppDeps, port: number, hostname = '127.0.0.1'): Promise<ServerType> {
  const app = createApp(deps);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, () => resolve(server));
    server.once('error', reject);
  });
}
