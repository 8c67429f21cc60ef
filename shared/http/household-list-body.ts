import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { CsvError, parse } from 'csv-parse';
import type { Context } from 'hono';
import { MAX_HOUSEHOLD_ROWS, type RawHousehold } from '../domain/round-households.js';
import type { AppEnv } from './app-env.js';
import { RequestValidationError } from './request-validation-error.js';

const CSV_COLUMNS = new Set(['beneficiaryRef', 'householdSize', 'shelterId', 'language']);
const REQUIRED_COLUMNS = ['beneficiaryRef', 'householdSize'];

const tooMany = () =>
  new RequestValidationError(`A list holds at most ${MAX_HOUSEHOLD_ROWS} households a call.`, [
    { field: 'body', message: `split the list into calls of ${MAX_HOUSEHOLD_ROWS} rows or fewer` },
  ]);

/** Whether the request sends its household list as CSV (else it is JSON, checked by the route). */
export function sendsCsv(c: Context<AppEnv>): boolean {
  return /^text\/csv\b/i.test(c.req.header('content-type') ?? '');
}

/**
 * The rows of a CSV household list, parsed as a stream by csv-parse (quoting, embedded commas
 * and line breaks, a byte-order mark), with a header row naming the columns. An unknown or
 * missing column refuses the whole list, since every row would be wrong the same way; a bad
 * cell refuses its row only (later, in the use case). Empty optional cells count as absent.
 */
export async function csvHouseholds(c: Context<AppEnv>): Promise<RawHousehold[]> {
  const body = c.req.raw.body;
  if (body === null)
    throw new RequestValidationError('The CSV list is empty.', [
      { field: 'body', message: 'send a header row and at least one household' },
    ]);
  const parser = Readable.fromWeb(body as WebReadableStream<Uint8Array>).pipe(
    parse({
      bom: true,
      trim: true,
      skip_empty_lines: true,
      max_record_size: 4096,
      columns: (header: string[]) => checkHeader(header),
    }),
  );
  const rows: RawHousehold[] = [];
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      if (rows.length === MAX_HOUSEHOLD_ROWS) throw tooMany();
      const fields = Object.fromEntries(Object.entries(record).filter(([, value]) => value !== ''));
      rows.push({ row: rows.length + 1, fields });
    }
  } catch (err) {
    if (err instanceof CsvError) {
      throw new RequestValidationError('The CSV list cannot be read.', [
        { field: `body.line.${err.lines ?? 0}`, message: err.message },
      ]);
    }
    throw err;
  } finally {
    parser.destroy();
  }
  if (rows.length === 0)
    throw new RequestValidationError('The CSV list is empty.', [
      { field: 'body', message: 'send at least one household after the header row' },
    ]);
  return rows;
}

function checkHeader(header: string[]): string[] {
  const unknown = header.filter((column) => !CSV_COLUMNS.has(column));
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (unknown.length > 0 || missing.length > 0) {
    throw new RequestValidationError('The CSV header row does not name the household columns.', [
      ...unknown.map((column) => ({ field: 'body.header', message: `unknown column "${column}"` })),
      ...missing.map((column) => ({ field: 'body.header', message: `missing column "${column}"` })),
    ]);
  }
  return header;
}

/** The rows of a JSON household list, numbered from 1. */
export function jsonHouseholds(households: readonly unknown[]): RawHousehold[] {
  return households.map((fields, index) => ({ row: index + 1, fields }));
}
