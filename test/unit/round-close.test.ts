import { describe, expect, it } from 'vitest';
import type { Round } from '../../shared/domain/round.js';
import { closeStep } from '../../shared/domain/round-close.js';
import { reconcile } from '../../shared/domain/round-report.js';
import type { Voucher } from '../../shared/domain/voucher.js';

const round: Round = {
  id: 'round-1',
  name: 'R',
  orgIds: ['org-a', 'org-b'],
  shelterIds: ['shelter-a'],
  validFrom: '2026-12-01T00:00:00.000Z',
  validUntil: '2026-12-15T00:00:00.000Z',
  rules: [{ itemId: 'rice', amount: 1, per: 'household' }],
  rulesVersion: 1,
  status: 'open',
  version: 2,
  createdAt: '2026-11-30T00:00:00.000Z',
  createdBy: 'k1',
};
const asked = { ...round, closeRequest: { keyId: 'k1', orgId: 'org-a', at: '2026-12-15T01:00:00Z' } };
/** Asked by a person's phone key. */
const askedByPerson = {
  ...round,
  closeRequest: { keyId: 'phone', personId: 'psn_1', orgId: 'org-a', at: '2026-12-15T01:00:00Z' },
};

describe('closeStep (four eyes)', () => {
  it.each([
    ['an open round, nobody asked yet: the caller asks', round, { keyId: 'k1', orgId: 'org-a' }, 'request'],
    ['the same key again: refused', asked, { keyId: 'k1', orgId: 'org-a' }, 'refuse'],
    ['a key of another organisation: refused', asked, { keyId: 'k9', orgId: 'org-b' }, 'refuse'],
    [
      'a second key of the organisation that asked: confirms',
      asked,
      { keyId: 'k2', orgId: 'org-a' },
      'confirm',
    ],
    [
      'the same person from another of their keys (their laptop): refused',
      askedByPerson,
      { keyId: 'laptop', personId: 'psn_1', orgId: 'org-a' },
      'refuse',
    ],
    [
      'another person of the organisation that asked: confirms',
      askedByPerson,
      { keyId: 'k2', personId: 'psn_2', orgId: 'org-a' },
      'confirm',
    ],
    [
      'a machine key of the organisation, after a person asked: confirms',
      askedByPerson,
      { keyId: 'k2', orgId: 'org-a' },
      'confirm',
    ],
    [
      'a close that did not finish: resumed',
      { ...round, status: 'closing' as const },
      { keyId: 'k3', orgId: 'org-b' },
      'resume',
    ],
    ['a draft: refused', { ...round, status: 'draft' as const }, { keyId: 'k1', orgId: 'org-a' }, 'refuse'],
    [
      'closed already: refused',
      { ...round, status: 'closed' as const },
      { keyId: 'k2', orgId: 'org-a' },
      'refuse',
    ],
  ])('%s', (_name, r, caller, kind) => {
    expect(closeStep(r, caller).kind).toBe(kind);
  });
});

describe('reconcile', () => {
  const base = {
    code: 'C',
    orgId: 'org-a',
    shelterId: 'shelter-a',
    validFrom: '2026-12-01T00:00:00.000Z',
    validUntil: '2026-12-15T00:00:00.000Z',
    issuedAt: '2026-12-01T00:00:00.000Z',
    issuedBy: 'k1',
  };
  const lines = [{ itemId: 'rice', quantity: 2.5 }];
  const vouchers: Voucher[] = [
    {
      ...base,
      id: 'v1',
      lines,
      status: 'redeemed',
      redeemedAt: '2026-12-02T00:00:00Z',
      redeemedBy: 'k5',
      pickupPointId: 'pp',
    },
    { ...base, id: 'v2', lines, status: 'void', voidedAt: '2026-12-02T00:00:00Z', voidedBy: 'k1' },
    { ...base, id: 'v3', lines, status: 'issued' },
    { ...base, id: 'v4', lines, status: 'issued', validUntil: '2026-12-01T12:00:00.000Z' },
  ];
  const now = new Date('2026-12-05T00:00:00Z');

  it('counts each voucher once by what became of it, and agrees when the ledger shows what was redeemed', () => {
    const [row] = reconcile(vouchers, new Map([['org-a#shelter-a#rice', 2.5]]), now);
    expect(row).toMatchObject({
      households: 4,
      vouchersIssued: 4,
      vouchersRedeemed: 1,
      vouchersVoided: 1,
      vouchersExpired: 1,
      vouchersOutstanding: 1,
      quantityIssued: 10,
      quantityRedeemed: 2.5,
      ledgerOut: 2.5,
      agrees: true,
    });
  });

  it('disagrees when the ledger shows more or less leaving than was redeemed', () => {
    expect(reconcile(vouchers, new Map([['org-a#shelter-a#rice', 5]]), now)[0]?.agrees).toBe(false);
    expect(reconcile(vouchers, new Map(), now)[0]?.agrees).toBe(false);
  });
});
