import { describe, expect, it } from 'vitest';
import { effectiveStatus, type IssuedVoucher, type Voucher } from '../../shared/domain/voucher.js';
import { finalStateError, redemptionBlocker } from '../../shared/domain/voucher-lifecycle.js';
import type { AppError } from '../../shared/errors/app-errors.js';

const now = new Date('2026-12-02T10:00:00Z');
const issued: IssuedVoucher = {
  id: '01JDEMOVOUCHER0000000000000',
  code: 'ABCD2345X',
  orgId: 'org-a',
  shelterId: 'shelter-a',
  lines: [{ itemId: 'rice', quantity: 5 }],
  status: 'issued',
  validFrom: '2026-12-01T00:00:00.000Z',
  validUntil: '2026-12-15T00:00:00.000Z',
  issuedAt: '2026-12-01T00:00:00.000Z',
  issuedBy: 'key-coordinator',
};
const redeemed: Voucher = {
  ...issued,
  status: 'redeemed',
  redeemedAt: '2026-12-02T09:00:00.000Z',
  redeemedBy: 'key-volunteer',
  pickupPointId: 'pp-a1',
};
const voided: Voucher = {
  ...issued,
  status: 'void',
  voidedAt: '2026-12-02T08:00:00.000Z',
  voidedBy: 'key-c',
};
const pastValidity: Voucher = { ...issued, validUntil: '2026-12-02T09:59:59.000Z' };

const problemOf = (error: Error | undefined) => {
  const e = error as AppError | undefined;
  return e === undefined ? undefined : { code: e.code, ...e.extra };
};

describe('voucher lifecycle', () => {
  describe('effective status', () => {
    it('is expired for every reader once an issued voucher is past its validity, before the sweeper records it', () => {
      expect(effectiveStatus(pastValidity, now)).toBe('expired');
      expect(effectiveStatus({ ...issued, validUntil: now.toISOString() }, now)).toBe('expired');
    });

    it('is the stored status otherwise, final states included', () => {
      expect(effectiveStatus(issued, now)).toBe('issued');
      expect(effectiveStatus(redeemed, now)).toBe('redeemed');
      expect(effectiveStatus({ ...voided, validUntil: '2026-01-01T00:00:00.000Z' }, now)).toBe('void');
    });
  });

  describe('what blocks a redemption at a pickup point of a shelter', () => {
    it('blocks nothing for an issued voucher of that shelter inside its validity', () => {
      expect(redemptionBlocker(issued, 'shelter-a', now)).toBeUndefined();
    });

    it('says when and where a voucher was already redeemed, and when one was cancelled', () => {
      expect(problemOf(redemptionBlocker(redeemed, 'shelter-a', now))).toEqual({
        code: 'voucher-already-redeemed',
        redeemedAt: '2026-12-02T09:00:00.000Z',
        pickupPointId: 'pp-a1',
      });
      expect(problemOf(redemptionBlocker(voided, 'shelter-a', now))).toEqual({
        code: 'voucher-void',
        voidedAt: '2026-12-02T08:00:00.000Z',
      });
    });

    it('refuses one past its validity and one not yet valid', () => {
      expect(problemOf(redemptionBlocker(pastValidity, 'shelter-a', now))?.code).toBe('voucher-expired');
      const later = { ...issued, validFrom: '2026-12-03T00:00:00.000Z' };
      expect(problemOf(redemptionBlocker(later, 'shelter-a', now))).toEqual({
        code: 'voucher-not-yet-valid',
        validFrom: '2026-12-03T00:00:00.000Z',
      });
    });

    it('checks the shelter first, so another shelter’s voucher tells nothing of its state', () => {
      for (const voucher of [issued, redeemed, voided, pastValidity]) {
        expect(problemOf(redemptionBlocker(voucher, 'shelter-b', now))).toEqual({
          code: 'voucher-wrong-shelter',
          voucherShelterId: 'shelter-a',
        });
      }
    });
  });

  it('names each final state with its own problem type', () => {
    expect(
      problemOf(finalStateError({ ...issued, status: 'expired', expiredAt: now.toISOString() })),
    ).toEqual({
      code: 'voucher-expired',
      validUntil: issued.validUntil,
    });
    expect(problemOf(finalStateError(voided))?.code).toBe('voucher-void');
  });
});
