import { z } from '@hono/zod-openapi';
import { expiredAt, volunteerLines } from '../rules/voucher-rules.js';
import { beneficiaryRefSchema } from './beneficiary-ref.js';
import type { Item } from './item.js';
import { positiveQuantitySchema } from './quantity.js';
import { slipLanguageSchema } from './round-households.js';
import { formatShortCode } from './short-code.js';
import { slugSchema } from './slug.js';
import { linesOf } from './stock-lines.js';

/** issued -> redeemed | void | expired. Only `issued` holds a reservation. */
export const voucherStatusSchema = z.enum(['issued', 'redeemed', 'void', 'expired']).openapi('VoucherStatus');
export type VoucherStatus = z.infer<typeof voucherStatusSchema>;

export const MAX_VOUCHER_LINES = 20;
export const DEFAULT_VALIDITY_DAYS = 14;
export const MAX_VALIDITY_DAYS = 180;

const voucherLinesSchema = linesOf({ quantity: positiveQuantitySchema }, MAX_VOUCHER_LINES);

export const issueVoucherSchema = z
  .object({
    shelterId: slugSchema,
    beneficiaryRef: beneficiaryRefSchema.openapi({
      description:
        'Your own reference for the household. Pseudonymised before storage; never stored or logged raw.',
    }),
    householdSize: z.number().int().min(1).max(50).openapi({ format: 'int32' }),
    lines: voucherLinesSchema,
    validFrom: z.iso.datetime({ offset: true }).max(40).optional().openapi({ description: 'Default: now.' }),
    validUntil: z.iso
      .datetime({ offset: true })
      .max(40)
      .optional()
      .openapi({ description: `Default: ${DEFAULT_VALIDITY_DAYS} days after validFrom.` }),
  })
  .strict()
  .openapi('IssueVoucher');
export type IssueVoucherInput = z.infer<typeof issueVoucherSchema>;

/** Optional reason a coordinator gives for cancelling; shown to coordinators only. */
export const voidVoucherSchema = z
  .object({
    reason: z.string().trim().min(1).max(200).optional().openapi({
      description: 'Why the voucher is cancelled, shown to coordinators. Never write personal data here.',
    }),
  })
  .strict()
  .openapi('VoidVoucher');
export type VoidVoucherInput = z.infer<typeof voidVoucherSchema>;

const voucherLineSchema = z.object({ itemId: z.string(), quantity: z.number() });

/** What every voucher carries from its issue on, whatever became of it. */
const issuedFields = {
  id: z.string(),
  code: z.string(),
  orgId: z.string(),
  shelterId: z.string(),
  lines: z.array(voucherLineSchema),
  validFrom: z.string(),
  validUntil: z.string(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  /** Vouchers issued in a distribution round: which round, and the version of its rules used. */
  roundId: z.string().optional(),
  rulesVersion: z.number().int().optional(),
  /** The household's slip language from the round's list: a language code, nothing personal. */
  language: slipLanguageSchema.optional(),
};

/**
 * Holds a reservation until it is redeemed, voided or expired. While a device's offline pool
 * holds it, the voucher record carries a copy of that lease (written in the lease's own
 * transaction), so a redemption checks the holder on the record it reads and writes anyway,
 * with no lease read or condition check of its own (issue 14).
 */
export const issuedVoucherSchema = z.object({
  ...issuedFields,
  status: z.literal('issued'),
  leaseDeviceId: z.string().optional(),
  leaseKeyId: z.string().optional(),
  leaseUntil: z.string().optional(),
});
/** Handed over once, at one pickup point, by one key. */
export const redeemedVoucherSchema = z.object({
  ...issuedFields,
  status: z.literal('redeemed'),
  redeemedAt: z.string(),
  redeemedBy: z.string(),
  /** The person whose key handed it over (a synced handover: the device's person). */
  redeemedByPersonId: z.string().optional(),
  pickupPointId: z.string(),
  /**
   * The registered device that handed over: every offline handover (redeemedAt is its clock),
   * and an online one whose scanner named its device.
   */
  deviceId: z.string().optional(),
});
/** Cancelled by the issuing organisation; its reservation went back to available stock. */
export const voidedVoucherSchema = z.object({
  ...issuedFields,
  status: z.literal('void'),
  voidedAt: z.string(),
  voidedBy: z.string(),
  voidedByPersonId: z.string().optional(),
  voidReason: z.string().optional(),
});
/** Past its validity, recorded by the sweeper, which released its reservation. */
export const expiredVoucherSchema = z.object({
  ...issuedFields,
  status: z.literal('expired'),
  expiredAt: z.string(),
});

/**
 * The stored voucher, one shape per lifecycle state. Beneficiary fields are kept apart (see
 * keys.ts) so that TTL can purge them.
 */
export const voucherSchema = z.discriminatedUnion('status', [
  issuedVoucherSchema,
  redeemedVoucherSchema,
  voidedVoucherSchema,
  expiredVoucherSchema,
]);
export type Voucher = z.infer<typeof voucherSchema>;
export type IssuedVoucher = z.infer<typeof issuedVoucherSchema>;
export type RedeemedVoucher = z.infer<typeof redeemedVoucherSchema>;
export type VoidedVoucher = z.infer<typeof voidedVoucherSchema>;
export type ExpiredVoucher = z.infer<typeof expiredVoucherSchema>;

export const beneficiaryRecordSchema = z.object({
  voucherId: z.string(),
  /** HMAC of the partner's reference under a server-side key: never the reference itself. */
  beneficiaryHash: z.string(),
  householdSize: z.number().int(),
});
export type BeneficiaryRecord = z.infer<typeof beneficiaryRecordSchema>;

/** A voucher past its validity is expired for every reader, before the sweeper records it. */
export function effectiveStatus(voucher: Pick<Voucher, 'status' | 'validUntil'>, now: Date): VoucherStatus {
  return voucher.status === 'issued' && expiredAt(voucher, now) ? 'expired' : voucher.status;
}

export const voucherViewSchema = z
  .object({
    id: z.string(),
    code: z
      .string()
      .openapi({ example: 'K7QD-2M9X-4', description: 'Short code to type when a camera fails.' }),
    token: z.string().openapi({ description: 'Signed token, the QR payload. Holds no personal data.' }),
    orgId: z.string(),
    shelterId: z.string(),
    lines: z.array(z.object({ itemId: z.string(), quantity: z.number() })),
    householdSize: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'null once retention has removed beneficiary fields.' }),
    status: voucherStatusSchema,
    validFrom: z.string(),
    validUntil: z.string(),
    issuedAt: z.string(),
    roundId: z.string().optional().openapi({ description: 'The distribution round it was issued in.' }),
    rulesVersion: z
      .number()
      .int()
      .optional()
      .openapi({ description: 'The version of the round’s rules its lines were computed from.' }),
    language: slipLanguageSchema.optional().openapi({
      description:
        'Round vouchers: the language the household list named for its slips, besides English and Khmer.',
    }),
    redeemedAt: z.string().optional(),
    pickupPointId: z.string().optional(),
    voidedAt: z.string().optional(),
    voidReason: z.string().optional().openapi({ description: 'Why the issuing organisation cancelled it.' }),
  })
  .openapi('Voucher');
export type VoucherView = z.infer<typeof voucherViewSchema>;

/** What a volunteer sees: what to hand over and whether it can be. No beneficiary fields at all. */
export const volunteerVoucherViewSchema = z
  .object({
    voucherId: z.string(),
    code: z.string(),
    status: voucherStatusSchema,
    shelterId: z.string(),
    validUntil: z.string(),
    lines: z.array(
      z.object({ itemId: z.string(), name: z.string(), unit: z.string(), quantity: z.number() }),
    ),
    redeemedAt: z.string().optional(),
    pickupPointId: z.string().optional(),
    deviceId: z
      .string()
      .optional()
      .openapi({
        description:
          'Redeemed: the registered device that handed it over (offline, or online naming its device). ' +
          'A phone knows its own device ids, so it can tell its own handover from another desk’s.',
      }),
    canRedeemHere: z
      .boolean()
      .optional()
      .openapi({ description: 'Given a pickupPointId: issued, valid and at its shelter.' }),
    cannotRedeemHereBecause: z
      .object({
        type: z.string().openapi({ example: 'urn:supplyline:problem:voucher-wrong-shelter' }),
        detail: z.string().openapi({
          example: 'This voucher is for another shelter (shelter-a): send the person there.',
        }),
      })
      .optional()
      .openapi({
        description:
          'Present when canRedeemHere is false: the problem type and detail a redemption at this pickup point would answer (for another shelter, `voucher-wrong-shelter`, naming the voucher’s shelter).',
      }),
  })
  .openapi('VolunteerVoucher');
export type VolunteerVoucherView = z.infer<typeof volunteerVoucherViewSchema>;

export function volunteerView(
  voucher: Voucher,
  catalogue: ReadonlyMap<string, Item>,
  now: Date,
): VolunteerVoucherView {
  return {
    voucherId: voucher.id,
    code: formatShortCode(voucher.code),
    status: effectiveStatus(voucher, now),
    shelterId: voucher.shelterId,
    validUntil: voucher.validUntil,
    lines: volunteerLines(voucher.lines, catalogue),
    ...(voucher.status === 'redeemed'
      ? {
          redeemedAt: voucher.redeemedAt,
          pickupPointId: voucher.pickupPointId,
          ...(voucher.deviceId === undefined ? {} : { deviceId: voucher.deviceId }),
        }
      : {}),
  };
}
