import type { Context } from 'hono';
import type { AppEnv } from '../../shared/http/app-env.js';
import { type Content, cachedEncoded, chooseEncoding } from './asset-cache.js';

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

/**
 * Sends what the cache holds under `key` (made by `make` the first time), compressed for the
 * client, revalidated by ETag: `no-cache` means a phone asks each time but usually hears "304 Not
 * Modified", and never runs a stale script after a deploy. `headers` are the page's own policies.
 */
export async function serveAsset(
  c: Context<AppEnv>,
  key: string,
  make: () => Promise<Content>,
  headers: Record<string, string> = {},
): Promise<Response> {
  const asset = await cachedEncoded(key, chooseEncoding(c.req.header('accept-encoding')), make);
  c.header('vary', 'Accept-Encoding');
  c.header('cache-control', 'no-cache');
  c.header('etag', asset.etag);
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  if (matches(c.req.header('if-none-match'), asset.etag)) return c.body(null, 304);
  c.header('content-type', asset.contentType);
  if (asset.encoding !== 'identity') c.header('content-encoding', asset.encoding);
  return c.body(asset.body as Uint8Array<ArrayBuffer>, 200);
}
