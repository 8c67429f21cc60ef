import { isIP } from 'node:net';
import type { FieldError } from '../errors/app-errors.js';
import { isPublicAddress } from './public-address.js';

/**
 * Where webhooks may be sent. On AWS: https only, to hosts that resolve to public addresses.
 * Locally (`npm start`, tests): plain http to this machine is allowed too, so that a partner can
 * try webhooks against a receiver on their laptop.
 */
export type WebhookUrlPolicy = 'public-https' | 'local-development';

/** Every address a host name resolves to (all of them: one private answer is enough to refuse). */
export type ResolveHost = (hostname: string) => Promise<string[]>;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks a subscription URL and every address its host resolves to; field errors relative to the
 * input (`url`). A check at subscription time is not enough on its own (DNS can change its
 * answer later), so deliveries connect to an address checked the same way at send time.
 */
export async function checkWebhookUrl(
  raw: string,
  policy: WebhookUrlPolicy,
  resolve: ResolveHost,
): Promise<FieldError[]> {
  const refuse = (message: string) => [{ field: 'url', message }];
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('not a URL: send an absolute https:// URL');
  }
  if (url.username !== '' || url.password !== '') {
    return refuse('must not carry a user name or password: authenticate by the webhook signature');
  }
  const local = policy === 'local-development' && LOCAL_HOSTS.has(url.hostname);
  if (local) return url.protocol === 'http:' || url.protocol === 'https:' ? [] : refuse('use http or https');
  if (url.protocol !== 'https:') return refuse('must use https');

  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  let addresses: string[];
  try {
    // An address written in the URL is checked as it is; a name by everything it resolves to.
    addresses = isIP(host) === 0 ? await resolve(host) : [host];
  } catch {
    return refuse(`the host "${url.hostname}" does not resolve`);
  }
  if (addresses.length === 0) return refuse(`the host "${url.hostname}" does not resolve`);
  if (!addresses.every(isPublicAddress)) {
    return refuse('must reach a public address: private, loopback and link-local addresses are refused');
  }
  return [];
}
