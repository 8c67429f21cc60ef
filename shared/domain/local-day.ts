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

/** The day that contains `now` at the given offset. */
export function localDay(now: Date, utcOffsetMinutes: number): LocalDay {
  const local = new Date(now.getTime() + utcOffsetMinutes * 60_000);
  return dayAt(local.toISOString().slice(0, 10), utcOffsetMinutes);
}

/** The calendar day `day` (YYYY-MM-DD) at the given offset: its first and last instants. */
export function dayAt(day: string, utcOffsetMinutes: number): LocalDay {
  const from = new Date(Date.parse(`${day}T00:00:00Z`) - utcOffsetMinutes * 60_000);
  return { day, from, to: new Date(from.getTime() + 86_400_000 - 1) };
}
