// @ts-check
// Crockford's base32, in which short codes and ULIDs (voucher ids, offline records' ids) are
// written: one alphabet for the server and the scanner. docs/design.md, "Rules the browser shares
// with the server".

/** No I, L, O or U: nothing a person could read as another symbol. */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID as the API takes one: 26 symbols of the alphabet. */
export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

const ULID_BYTES = 16;

/**
 * A ULID's 128-bit value, big-endian.
 * @param {string} id 26 symbols
 * @returns {Uint8Array<ArrayBuffer>}
 */
export function ulidToBytes(id) {
  let value = 0n;
  for (const char of id) value = value * 32n + BigInt(CROCKFORD.indexOf(char));
  const bytes = new Uint8Array(ULID_BYTES);
  for (let i = ULID_BYTES - 1; i >= 0; i--) {
    bytes[i] = Number(value & 255n);
    value >>= 8n;
  }
  return bytes;
}

/**
 * @param {Uint8Array} bytes 16 bytes
 * @returns {string} the ULID they hold
 */
export function bytesToUlid(bytes) {
  let value = 0n;
  for (const byte of bytes) value = value * 256n + BigInt(byte);
  let id = '';
  for (let i = 0; i < 26; i++) {
    id = (CROCKFORD[Number(value % 32n)] ?? '0') + id;
    value /= 32n;
  }
  return id;
}
