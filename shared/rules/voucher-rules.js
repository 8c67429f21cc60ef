// @ts-check
// When a voucher can be handed over, and what a volunteer is shown of it: the server decides a
// redemption, a sync and a volunteer's view by these; the scanner decides by them offline, from
// its pack. docs/design.md, "Rules the browser shares with the server".

/**
 * Whether a voucher is past its validity at `at`: it is valid up to `validUntil`, exclusive.
 * @param {{ validUntil: string }} voucher
 * @param {Date} at
 * @returns {boolean}
 */
export function expiredAt(voucher, at) {
  return Date.parse(voucher.validUntil) <= at.getTime();
}

/**
 * Where an instant falls in a voucher's validity: from `validFrom` (inclusive) up to
 * `validUntil` (exclusive). A voucher past its validity is expired for every reader, before the
 * sweeper records it.
 * @param {{ validFrom: string, validUntil: string }} voucher
 * @param {Date} at
 * @returns {'not-yet-valid' | 'valid' | 'expired'}
 */
export function validityAt(voucher, at) {
  if (expiredAt(voucher, at)) return 'expired';
  if (Date.parse(voucher.validFrom) > at.getTime()) return 'not-yet-valid';
  return 'valid';
}

/**
 * Whether a device's hold on a voucher has ended at `at`: a lease holds until `leaseUntil`
 * (exclusive), so at that instant another device may take it.
 * @param {{ leaseUntil: string }} lease
 * @param {Date} at
 * @returns {boolean}
 */
export function leaseEndedAt(lease, at) {
  return Date.parse(lease.leaseUntil) <= at.getTime();
}

/**
 * A voucher's lines as a volunteer sees them: each item named from the catalogue, its id and no
 * unit when the catalogue does not have it (an item removed since the voucher was issued).
 * @param {ReadonlyArray<{ itemId: string, quantity: number }>} lines
 * @param {ReadonlyMap<string, { name: string, unit: string }>} catalogue
 * @returns {Array<{ itemId: string, name: string, unit: string, quantity: number }>}
 */
export function volunteerLines(lines, catalogue) {
  return lines.map((line) => {
    const item = catalogue.get(line.itemId);
    return {
      itemId: line.itemId,
      name: item?.name ?? line.itemId,
      unit: item?.unit ?? '',
      quantity: line.quantity,
    };
  });
}
