import { describe, expect, it } from 'vitest';
import { CAMBODIA_UTC_OFFSET_MINUTES, dayAt, localDay } from '../../shared/domain/local-day.js';

describe('local day for daily reports', () => {
  it('starts the day at midnight in Phnom Penh, which is 17:00 UTC the evening before', () => {
    const day = localDay(new Date('2026-11-27T03:00:00Z'), CAMBODIA_UTC_OFFSET_MINUTES);

    expect(day).toEqual({
      day: '2026-11-27',
      from: new Date('2026-11-26T17:00:00.000Z'),
      to: new Date('2026-11-27T16:59:59.999Z'),
    });
  });

  it('puts 01:00 in Phnom Penh on the new day while UTC is still on the old one', () => {
    const now = new Date('2026-11-26T18:00:00Z');

    expect(localDay(now, CAMBODIA_UTC_OFFSET_MINUTES).day).toBe('2026-11-27');
    expect(localDay(now, 0).day).toBe('2026-11-26');
  });

  it('handles offsets west of UTC', () => {
    const day = localDay(new Date('2026-11-27T03:00:00Z'), -300);

    expect(day.day).toBe('2026-11-26');
    expect(day.from.toISOString()).toBe('2026-11-26T05:00:00.000Z');
  });
});

describe('a named calendar day', () => {
  it('runs from midnight to its last millisecond at the offset, for date filters', () => {
    expect(dayAt('2026-03-02', CAMBODIA_UTC_OFFSET_MINUTES)).toEqual({
      day: '2026-03-02',
      from: new Date('2026-03-01T17:00:00.000Z'),
      to: new Date('2026-03-02T16:59:59.999Z'),
    });
    expect(dayAt('2026-03-02', 0).from.toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });
});
