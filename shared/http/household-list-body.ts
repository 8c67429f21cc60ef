import { CsvError, parse } from 'csv-parse';
import type { Context } from 'hono';
import { MAX_HOUSEHOLD_ROWS, type RawHousehold } from '../domain/round-households.js';
import type { FieldError } from '../errors/app-errors.js';
import type { AppEnv } from './app-env.js';
import { decodeCsvBody } from './body-text.js';
import { RequestValidationError } from './request-validation-error.js';

const CSV_COLUMNS = new Set(['beneficiaryRef', 'householdSize', 'shelterId', 'language']);
const REQUIRED_COLUMNS = ['beneficiaryRef', 'householdSize'];
const MAX_LINE_CHARACTERS = 4096;

const tooMany = () =>
  new RequestValidationError(`A list holds at most ${MAX_HOUSEHOLD_ROWS} households a call.`, [
    { field: 'body', message: `split the list into calls of ${MAX_HOUSEHOLD_ROWS} rows or fewer` },
  ]);

/** Whether the request sends its household list as CSV (else it is JSON, checked by the route). */
export function sendsCsv(c: Context<AppEnv>): boolean {
  return /^text\/csv\b/i.test(c.req.header('content-type') ?? '');
}

/**
 * The rows of a CSV household list, with a header row naming the columns. The body (at most
 * HOUSEHOLD_LIST_MAX_BYTES, see app.ts) is decoded strictly first: UTF-8 with or without a
 * byte-order mark, or UTF-16 with one; anything else is refused as a whole, since a lossy read
 * would merge references that differ in one accented letter. Then csv-parse reads it (quoting,
 * embedded commas and line breaks). An unknown or missing column refuses the whole list, since
 * every row would be wrong the same way; a bad cell refuses its row only (later, in the use
 * case). Empty optional cells count as absent. No refusal here quotes a cell: they are
 * references.
 */
export async function csvHouseholds(c: Context<AppEnv>): Promise<RawHousehold[]> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength === 0)
    throw new RequestValidationError('The CSV list is empty.', [
      { field: 'body', message: 'send a header row and at least one household' },
    ]);
  let headerCells = 0;
  const parser = parse({
    trim: true,
    skip_empty_lines: true,
    max_record_size: MAX_LINE_CHARACTERS,
    columns: (header: string[]) => {
      headerCells = header.length;
      return checkHeader(header);
    },
  });
  parser.end(decodeCsvBody(bytes));
  const rows: RawHousehold[] = [];
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      if (rows.length === MAX_HOUSEHOLD_ROWS) throw tooMany();
      const fields = Object.fromEntries(Object.entries(record).filter(([, value]) => value !== ''));
      rows.push({ row: rows.length + 1, fields });
    }
  } catch (err) {
    if (err instanceof CsvError) {
      throw new RequestValidationError('The CSV list cannot be read.', [unreadableLine(err, headerCells)]);
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

/**
 * What is wrong with a line, by line and column only. csv-parse's own messages quote the cell
 * ("value is ..."), which is a beneficiary reference, so they are never passed on.
 */
function unreadableLine(err: CsvError, headerCells: number): FieldError {
  const field = `body.line.${err.lines ?? 0}`;
  const index = (err as { index?: unknown }).index;
  const column = typeof index === 'number' ? `column ${index + 1}: ` : '';
  const cells = (err as { record?: unknown }).record;
  switch (err.code) {
    case 'INVALID_OPENING_QUOTE':
      return {
        field,
        message: `${column}a quote inside a cell that does not start with one: put the whole cell in quotes and double each quote inside it ("")`,
      };
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return {
        field,
        message: `${column}text after the closing quote of a quoted cell: double each quote inside a quoted cell ("")`,
      };
    case 'CSV_QUOTE_NOT_CLOSED':
      return { field, message: 'a quoted cell is still open at the end of the list: close its quote' };
    case 'CSV_MAX_RECORD_SIZE':
      return { field, message: `the line is longer than ${MAX_LINE_CHARACTERS} characters` };
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return {
        field,
        message: Array.isArray(cells)
          ? `the line has ${cells.length} cells where the header row has ${headerCells}: quote a cell that holds a comma`
          : `the line has more or fewer cells than the header row's ${headerCells}`,
      };
    default:
      return { field, message: 'the line cannot be read as CSV' };
  }
}

/**
 * The header row's columns. One that is recognisably a header (it names at least one household
 * column) has its other names echoed, to show a typo; a first line that names none is most
 * likely a household (the header row left out), so none of its cells is repeated.
 */
function checkHeader(header: string[]): string[] {
  const known = header.filter((column) => CSV_COLUMNS.has(column));
  if (known.length === 0) {
    throw new RequestValidationError('The CSV list has no header row.', [
      {
        field: 'body.header',
        message: `the first line names none of the household columns: start the list with the header row "${[...CSV_COLUMNS].join(',')}" (the last two optional)`,
      },
    ]);
  }
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
