import { z } from '@hono/zod-openapi';
import type { Principal } from '../domain/api-key.js';
import { itemView, itemViewSchema } from '../domain/item.js';
import { AppError, ValidationError } from '../errors/app-errors.js';
import { readScannedCode } from '../rules/scanned-code.js';
import type { Stores } from '../store/stores.js';

export const itemCodeQuerySchema = z
  .object({
    code: z.string().min(1).max(500).openapi({
      description:
        'What the scanner typed or the camera read: a GTIN (8, 12, 13 or 14 digits), a GS1 code holding one (element string with (01), GS1 Digital Link URL), or a Supplyline item label (`supplyline:item:<itemId>`).',
      example: '8851234567892',
    }),
  })
  .strict();

/** What a lookup found, and by what: the package's barcode (which, as 14 digits) or our item label. */
export const foundItemSchema = z
  .object({
    item: itemViewSchema,
    matchedBy: z.enum(['barcode', 'item-label']),
    gtin14: z.string().optional().openapi({ description: 'The barcode that matched, as 14 digits.' }),
  })
  .openapi('FoundItem');
export type FoundItem = z.infer<typeof foundItemSchema>;

/**
 * The item a scan at the desk names: a keyboard-wedge scanner's barcode digits, a camera's reading
 * of a GS1 code or of a printed Supplyline item label. Nothing the scan held is repeated in an
 * answer unless it read as a GTIN or a label (a voucher's QR code held up by mistake stays out of
 * problems and logs).
 */
export async function findItemByCode(
  input: { code: string },
  viewer: Principal,
  deps: { stores: Pick<Stores, 'items'> },
): Promise<FoundItem> {
  const scanned = readScannedCode(input.code);
  switch (scanned.kind) {
    case 'unreadable':
      throw new ValidationError('The code is not one an item can be found by.', [
        { field: 'code', message: scanned.problem },
      ]);
    case 'item-label': {
      const item = await deps.stores.items.get(scanned.itemId);
      if (item === undefined) {
        throw new AppError(
          'not-found',
          `This label names item "${scanned.itemId}", which is not in the catalogue (any more): print a new label from the item list.`,
          { itemId: scanned.itemId },
        );
      }
      return { item: itemView(item, viewer), matchedBy: 'item-label' };
    }
    case 'gtin': {
      const item = await deps.stores.items.findByBarcode(scanned.gtin14);
      if (item === undefined) {
        throw new AppError(
          'not-found',
          `No item has the barcode ${scanned.gtin14}. Choose the item by name, and add the barcode to it (PATCH /v1/items/{id}, barcodes) so the next scan finds it.`,
          { gtin14: scanned.gtin14 },
        );
      }
      return { item: itemView(item, viewer), matchedBy: 'barcode', gtin14: scanned.gtin14 };
    }
  }
}
