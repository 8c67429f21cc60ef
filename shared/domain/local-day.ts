/**
 * "Today" for daily reports is a calendar day where the shelters are, not in UTC: a distribution
 * at 06:30 in Phnom Penh belongs to that morning, not to the evening before. Cambodia keeps
 * UTC+07:00 all year (no daylight saving), so a fixed offset is exact there.
 */
export const CAMBODIA_UTC_OFFSET_MINUTES = 7 * 60;

export interface LocalDay {
  /** The calendar day, YYYY-MM-DD, in the given offset. */
  day: string;
  /** First instant of that day. */
  from: Date;
  /** Last millisecond of that day. */
  to: Date;
}

export function localDay(now: Date, utcOffsetMinutes: number): LocalDay {
  const offsetMs = utcOffsetMinutes * 60_000;
  const local = new Date(now.getTime() + offsetMs);
  const midnightLocalAsUtc = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const from = new Date(midnightLocalAsUtc - offsetMs);
  return {
    day: local.toISOString().slice(0, 10),
    from,
    to: new Date(from.getTime() + 86_400_000 - 1),
  };
}
