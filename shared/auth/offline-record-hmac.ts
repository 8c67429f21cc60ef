import { createHmac, timingSafeEqual } from 'node:crypto';
import { type OfflineRecord, offlineRecordMessage } from '../domain/offline-sync.js';

/** HMAC-SHA256 of an offline record under the device secret, base64url without padding. */
export function offlineRecordHmac(record: Omit<OfflineRecord, 'hmac'>, secret: Buffer): string {
  return createHmac('sha256', secret).update(offlineRecordMessage(record), 'utf8').digest('base64url');
}

/** Whether the record was signed by the holder of this secret (compared in constant time). */
export function isAuthentic(record: OfflineRecord, secret: Buffer): boolean {
  const expected = Buffer.from(offlineRecordHmac(record, secret), 'utf8');
  const given = Buffer.from(record.hmac, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
