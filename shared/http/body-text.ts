import { DECODED_WRONGLY, REPLACEMENT_CHARACTER } from '../domain/beneficiary-ref.js';
import { AppError, type FieldError } from '../errors/app-errors.js';

/**
 * Request bodies decoded as text, never lossily. A decoder that replaces what it cannot read
 * (U+FFFD, as `Response.text()` does) turns "Bé" and "Bè" sent in Latin-1 into one "B�": two
 * households pseudonymised as one. So every body is decoded with a fatal decoder, and a body
 * that is not the encoding it claims is refused, naming the line of its first bad byte.
 */

export type BodyEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

const byteOrderMarks: ReadonlyArray<[BodyEncoding, readonly number[]]> = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

/** The encoding a byte-order mark names; UTF-8 when there is none. */
export function encodingOf(bytes: Uint8Array): BodyEncoding {
  const marked = byteOrderMarks.find(([, mark]) => mark.every((byte, index) => bytes[index] === byte));
  return marked?.[0] ?? 'utf-8';
}

/**
 * The text of `bytes` in `encoding` (its byte-order mark dropped), or the line (from 1) holding
 * the first byte that is not of that encoding.
 */
export function decodeStrictly(
  bytes: Uint8Array,
  encoding: BodyEncoding,
): { text: string } | { badLine: number } {
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
    return { badLine: lineOfFirstBadByte(bytes, encoding) };
  }
}

/**
 * Only on a refusal: the longest prefix that decodes (as a stream, so a character cut at its
 * end is not yet an error) is found by bisection, since every prefix of a readable prefix reads.
 */
function lineOfFirstBadByte(bytes: Uint8Array, encoding: BodyEncoding): number {
  const reads = (length: number) => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (reads(middle)) good = middle;
    else bad = middle;
  }
  const before = new TextDecoder(encoding).decode(bytes.subarray(0, good), { stream: true });
  return lineAt(before, before.length);
}

/** A JSON body that is not UTF-8 (RFC 8259: JSON is exchanged in UTF-8). */
export function decodeJsonBody(bytes: Uint8Array): string {
  const decoded = decodeStrictly(bytes, 'utf-8');
  if ('text' in decoded) return decoded.text;
  throw new InvalidEncodingError(
    'The request body is not UTF-8 text, so it cannot be read exactly: send JSON encoded as UTF-8.',
    { field: `body.line.${decoded.badLine}`, message: 'the first byte that is not UTF-8 is on this line' },
  );
}

const HOW_TO_SAVE =
  'Save it as "CSV UTF-8 (Comma delimited) (*.csv)" in Excel (File > Save As), or in LibreOffice with "Edit filter settings" and Character set "Unicode (UTF-8)", and send it again.';

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** A CSV list in UTF-8 (a byte-order mark or none) or UTF-16 with its byte-order mark. */
export function decodeCsvBody(bytes: Uint8Array): string {
  const encoding = encodingOf(bytes);
  const decoded = decodeStrictly(bytes, encoding);
  const name = encoding === 'utf-8' ? 'UTF-8' : 'UTF-16';
  if (!('text' in decoded))
    throw new InvalidEncodingError(
      `The CSV list is not ${name} text, so its references cannot be read exactly (accented letters would be lost). ${HOW_TO_SAVE}`,
      {
        field: `body.line.${decoded.badLine}`,
        message: `the first byte that is not ${name} is on this line`,
      },
    );
  // Valid text can still carry an earlier lossy read: a page or a script that decoded a Latin-1
  // file as UTF-8 before sending it left U+FFFD where each accented letter was.
  const replaced = decoded.text.indexOf(REPLACEMENT_CHARACTER);
  if (replaced !== -1)
    throw new InvalidEncodingError(
      `The CSV list was read in the wrong encoding before it was sent, so its references cannot be read exactly (accented letters were lost). Open the original file. ${HOW_TO_SAVE}`,
      { field: `body.line.${lineAt(decoded.text, replaced)}`, message: DECODED_WRONGLY },
    );
  return decoded.text;
}

/** A body in an encoding we do not read, or not the encoding its byte-order mark names. */
export class InvalidEncodingError extends AppError {
  override readonly name = 'InvalidEncodingError';
  constructor(message: string, where: FieldError) {
    super('invalid-encoding', message, { errors: [where] });
  }
}
