import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * List cursors, sealed. A store's cursor is where its Query stopped (a DynamoDB key); handed out
 * as it is, a cursor edited by hand, or taken from another list or another organisation's key,
 * would start a Query somewhere its caller did not ask for (DynamoDB refuses most of those with a
 * ValidationException; the rest read a position the caller never reached). So the API hands out
 * `<store cursor>.<HMAC>`, the HMAC-SHA256 of the store cursor and of what it is bound to (the
 * list, its filters and the key reading it) under a key only the server holds, and opens only
 * what it sealed for the same binding. No new secret to provision: the key is derived (HKDF) from
 * the app's secret document, like the device sealing key; its cost is that changing that secret
 * invalidates every cursor in flight (a client reads its list again from the start).
 */

const INFO = 'supplyline list cursor signing v1';

export function deriveCursorKey(appSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(appSecret, 'utf8'), Buffer.alloc(0), INFO, 32));
}

function mac(storeCursor: string, binding: string, key: Buffer): string {
  // JSON keeps the two parts apart: no binding and cursor can be re-cut into another pair.
  return createHmac('sha256', key)
    .update(JSON.stringify([binding, storeCursor]), 'utf8')
    .digest('base64url');
}

/** The cursor to hand out for `binding`. Store cursors are base64url, so the last `.` separates. */
export function sealCursor(storeCursor: string, binding: string, key: Buffer): string {
  return `${storeCursor}.${mac(storeCursor, binding, key)}`;
}

/** The store cursor inside a cursor sealed for this very binding; undefined for anything else. */
export function openCursor(sealed: string, binding: string, key: Buffer): string | undefined {
  const dot = sealed.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const storeCursor = sealed.slice(0, dot);
  // Compared as text, in constant time: base64url decoding would forgive stray characters.
  const given = Buffer.from(sealed.slice(dot + 1), 'utf8');
  const expected = Buffer.from(mac(storeCursor, binding, key), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected) ? storeCursor : undefined;
}
