import type { AddressInfo } from 'node:net';
import type { ServerType } from '@hono/node-server';
import { startLocalServer } from '../../functions/local-server.js';
import type { AppDeps } from '../../shared/http/app-env.js';
import { expectMatchesContract } from './contract.js';
import { clientIdempotencyKey } from './http.js';

/** The local Node entry on a free loopback port: tests that go over real HTTP use this. */
export async function serveOverHttp(deps: AppDeps): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const server: ServerType = await startLocalServer(deps, 0);
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface HttpResult {
  status: number;
  body: Record<string, unknown>;
  text: string;
  headers: Headers;
}

/** Calls the app over HTTP; every answer must match the OpenAPI document. */
export function httpClient(baseUrl: string) {
  return async (
    method: string,
    path: string,
    key: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        // A POST carries a fresh Idempotency-Key unless the caller names one, as every client must.
        ...clientIdempotencyKey(method, headers),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    expectMatchesContract({ method, url: path, status: response.status, headers: response.headers, text });
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // CSV and other text bodies
    }
    return { status: response.status, body: parsed, text, headers: response.headers } satisfies HttpResult;
  };
}
