// Records as the desk names them: places and items in Khmer where Khmer is chosen and the record
// has a Khmer name (STYLE 23), quantities with their unit.
import { formatQuantity, lang } from '../common/i18n.js';

/** @typedef {import('../common/api-types.js').Item} Item */

/**
 * A record's name in the chosen language; its id when the record is not known here.
 * @param {{ name: string, nameKm?: string | undefined } | undefined} record
 * @param {string} fallback
 */
export function nameOf(record, fallback) {
  if (record === undefined) return fallback;
  return lang() === 'km' && record.nameKm ? record.nameKm : record.name;
}

/**
 * Lines of goods as a person reads them: "5 kg Rice, 30 L Drinking water, 2 × Mosquito net".
 * @param {ReadonlyArray<{ itemId: string, quantity: number }>} lines
 * @param {readonly Item[]} items
 */
export function linesText(lines, items) {
  return lines
    .map((line) => {
      const item = items.find((candidate) => candidate.id === line.itemId);
      // A quantity stays with its unit on a narrow screen ("2 ×" never breaks after the 2).
      const quantity = formatQuantity(Math.abs(line.quantity), item?.unit).replace(' ', '\u00a0');
      return `${quantity} ${nameOf(item, line.itemId)}`;
    })
    .join(', ');
}
