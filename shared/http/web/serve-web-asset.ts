import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { chooseEncoding, loadWebAsset, type WebAssetName } from './web-assets.js';

/**
 * The pages talk to this origin only. No inline script or style: everything comes from our own
 * files, so an injected tag cannot run. The camera needs no CSP entry (a MediaStream is not a URL).
 */
export const pageCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The scanner needs the camera; nothing needs the microphone, location or payment. */
const permissionsPolicy = 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()';

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

/**
 * Serves one page file, compressed for the client, revalidated by ETag: `no-cache` means a phone
 * asks each time but usually hears "304 Not Modified", and never runs a stale script after a deploy.
 */
export async function serveWebAsset(c: Context<AppEnv>, name: WebAssetName): Promise<Response> {
  const asset = await loadWebAsset(name, chooseEncoding(c.req.header('accept-encoding')));
  c.header('vary', 'Accept-Encoding');
  c.header('cache-control', 'no-cache');
  c.header('etag', asset.etag);
  if (name.endsWith('.html')) {
    c.header('content-security-policy', pageCsp);
    c.header('permissions-policy', permissionsPolicy);
  }
  if (matches(c.req.header('if-none-match'), asset.etag)) return c.body(null, 304);
  c.header('content-type', asset.contentType);
  if (asset.encoding !== 'identity') c.header('content-encoding', asset.encoding);
  return c.body(asset.body as Uint8Array<ArrayBuffer>, 200);
}
