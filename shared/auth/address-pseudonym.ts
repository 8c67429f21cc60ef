import { createHmac, hkdfSync } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * Rate limits count attempts per source address, and the count sits in the table for a few
 * minutes. An IP address is personal data of whoever holds it (here: staff), so the table keeps
 * only a keyed hash of it: HMAC-SHA256 under a key derived (HKDF) from the app's secret document,
 * as device secrets are sealed (auth/device-secret.ts). Plain SHA-256 would not do: the 2^32
 * IPv4 addresses are hashed in minutes.
 *
 * IPv6 addresses are counted per /64, the block one household, phone or office is given, so a
 * client cannot walk through its own block to dodge the limit.
 */
const INFO = 'supplyline rate limit address v1';
const derived = new Map<string, Buffer>();

function addressKey(appSecret: string): Buffer {
  let key = derived.get(appSecret);
  if (key === undefined) {
    key = Buffer.from(hkdfSync('sha256', Buffer.from(appSecret, 'utf8'), Buffer.alloc(0), INFO, 32));
    derived.set(appSecret, key);
  }
  return key;
}

/** The eight groups of an IPv6 address, written out (`2001:db8::1` -> 2001,db8,0,0,0,0,0,1). */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - left.length - right.length;
  return [...left, ...Array.from({ length: Math.max(0, missing) }, () => '0'), ...right].map((group) =>
    group.toLowerCase().replace(/^0+(?=.)/, ''),
  );
}

/** What one client is, for counting: an IPv4 address, an IPv6 /64, or `unknown` (no address seen). */
export function rateLimitSubject(address: string | undefined): string {
  if (address === undefined) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped !== undefined) return mapped;
  const family = isIP(address);
  if (family === 4) return address;
  if (family === 6) return `${ipv6Groups(address.replace(/%.*$/, '')).slice(0, 4).join(':')}::/64`;
  return 'unknown';
}

/** The keyed hash the table keeps instead of the address (128 bits, base64url). */
export function addressPseudonym(address: string | undefined, appSecret: string): string {
  return createHmac('sha256', addressKey(appSecret))
    .update(rateLimitSubject(address))
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}
