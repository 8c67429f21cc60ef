import { z } from '@hono/zod-openapi';
import { dayAt } from './local-day.js';

/**
 * One end of a time-range filter, as a person writes it: a plain date (`2026-03-01`), or a
 * date-time with its offset (`2026-03-01T08:00:00+07:00`). A date stands for the whole day at an
 * offset the filter states: from its first instant when it starts a range, through its last
 * millisecond when it ends one, so `from=2026-03-01&to=2026-03-01` is that one day.
 */
export function timeBoundSchema(description: string) {
  return z
    .union([z.iso.date().max(10), z.iso.datetime({ offset: true }).max(40)], {
      error: () => 'send a date (2026-03-01) or a date-time with offset (2026-03-01T08:00:00+07:00)',
    })
    .openapi({ description, example: '2026-03-01' });
}

const plainDate = /^\d{4}-\d{2}-\d{2}$/;

/** The instant a bound stands for; a plain date is read at `utcOffsetMinutes`. */
export function boundInstant(bound: string, edge: 'start' | 'end', utcOffsetMinutes: number): Date {
  if (!plainDate.test(bound)) return new Date(bound);
  const day = dayAt(bound, utcOffsetMinutes);
  return edge === 'start' ? day.from : day.to;
}
