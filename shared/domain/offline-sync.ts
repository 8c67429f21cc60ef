import { z } from '@hono/zod-openapi';
import { ULID_PATTERN } from '../rules/crockford.js';
import { slugSchema } from './slug.js';

/** The text a record's HMAC covers: a rule the scanner shares (shared/rules/offline-record.js). */
export { offlineRecordMessage } from '../rules/offline-record.js';

/** One offline handover as the device's outbox holds it, signed with the device secret. */
export const offlineRecordSchema = z
  .object({
    clientRedemptionId: z
      .string()
      .max(26)
      .regex(ULID_PATTERN, 'a ULID (26 Crockford base32 characters)')
      .openapi({ description: 'A ULID the device draws: the record is committed at most once under it.' }),
    deviceId: z.string().min(1).max(40),
    voucherId: z.string().min(1).max(40),
    pickupPointId: slugSchema,
    lines: z
      .array(z.object({ itemId: slugSchema, quantity: z.number().positive().max(1_000_000) }).strict())
      .min(1)
      .max(20),
    deviceTime: z.iso.datetime({ offset: true }).max(40),
    sequence: z.number().int().min(1).max(1_000_000_000).openapi({ format: 'int32' }),
    hmac: z.string().min(1).max(100).openapi({
      description:
        'base64url (no padding) HMAC-SHA256 under the device secret of JSON.stringify([deviceId, clientRedemptionId, sequence, voucherId, pickupPointId, deviceTime, lines.map(l => [l.itemId, l.quantity])]).',
    }),
  })
  .strict()
  .openapi('OfflineRecord');
export type OfflineRecord = z.infer<typeof offlineRecordSchema>;

export const MAX_SYNC_RECORDS = 500;

export const syncSchema = z
  .object({ records: z.array(offlineRecordSchema).min(1).max(MAX_SYNC_RECORDS) })
  .strict()
  .openapi('SyncRecords');
export type SyncInput = z.infer<typeof syncSchema>;

export const syncOutcomeSchema = z.enum(['redeemed', 'conflict', 'rejected']).openapi('SyncOutcome');

export const syncResultSchema = z
  .object({
    clientRedemptionId: z.string(),
    sequence: z.number().int(),
    outcome: syncOutcomeSchema,
    redemptionId: z.string().optional().openapi({ description: 'The ledger entry of the handover.' }),
    conflictId: z.string().optional(),
    reason: z.string().optional(),
    message: z.string().optional(),
  })
  .openapi('SyncResult');
export type SyncResult = z.infer<typeof syncResultSchema>;

export const syncResponseSchema = z
  .object({
    syncedAt: z.string(),
    results: z.array(syncResultSchema),
    gaps: z
      .array(z.object({ from: z.number().int(), to: z.number().int() }))
      .openapi({ description: 'Sequence numbers of this device never synced so far.' }),
  })
  .openapi('SyncResponse');
export type SyncResponse = z.infer<typeof syncResponseSchema>;

/** Missing numbers in 1..max of the sequences seen, as ranges. */
export function sequenceGaps(seen: Iterable<number>): Array<{ from: number; to: number }> {
  const sorted = [...new Set(seen)].sort((a, b) => a - b);
  const gaps: Array<{ from: number; to: number }> = [];
  let expected = 1;
  for (const n of sorted) {
    if (n > expected) gaps.push({ from: expected, to: n - 1 });
    expected = n + 1;
  }
  return gaps;
}
