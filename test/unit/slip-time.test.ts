import { describe, expect, it } from 'vitest';
import { phnomPenhTime } from '../../web/serve/voucher-slip.js';

describe('a slip date', () => {
  it('is printed in Phnom Penh time, seven hours ahead of UTC, even across midnight', () => {
    expect(phnomPenhTime('2026-12-16T00:00:00.000Z')).toBe('2026-12-16 07:00');
    expect(phnomPenhTime('2026-12-16T20:30:00.000Z')).toBe('2026-12-17 03:30');
  });
});
