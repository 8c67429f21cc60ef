import { type Principal, scopeAllows } from '../domain/api-key.js';
import type { Item } from '../domain/item.js';
import type { Shelter } from '../domain/shelter.js';
import type { PlannedLine } from '../domain/stock-change.js';
import { checkLinesAgainstCatalogue, type ReceiptLine, unpackLines } from '../domain/stock-lines.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors/app-errors.js';
import type { ItemStore } from '../store/item-store.js';
import type { ShelterStore } from '../store/shelter-store.js';

/** Helpers every stock use case shares: who may touch which shelter, which items exist. */

export function assertShelterInScope(principal: Principal, shelterId: string): void {
  if (principal.role !== 'admin' && !scopeAllows(principal.scope.shelterIds, shelterId)) {
    throw new ForbiddenError(`This key may not act on shelter "${shelterId}".`);
  }
}

export async function loadShelter(shelters: Pick<ShelterStore, 'get'>, shelterId: string): Promise<Shelter> {
  const shelter = await shelters.get(shelterId);
  if (shelter === undefined) throw new NotFoundError('Shelter', shelterId);
  return shelter;
}

/** Loads the lines' items in one batch read and refuses unknown items or fractional pieces. */
export async function loadLineItems(
  items: Pick<ItemStore, 'getMany'>,
  lines: ReadonlyArray<{ itemId: string } & ({ quantity: number } | { counted: number })>,
): Promise<Map<string, Item>> {
  const catalogue = await items.getMany(lines.map((line) => line.itemId));
  const errors = checkLinesAgainstCatalogue(lines, catalogue);
  if (errors.length > 0) throw new ValidationError('Some lines do not match the item catalogue.', errors);
  return catalogue;
}

/**
 * What every change to a shelter's stock checks before it writes: the key may act on the shelter,
 * the shelter exists, every line's item exists (in whole numbers where counted). The catalogue
 * entries of the lines come back.
 */
export async function checkStockChange(
  actor: Principal,
  shelterId: string,
  lines: ReadonlyArray<{ itemId: string } & ({ quantity: number } | { counted: number })>,
  stores: { shelters: Pick<ShelterStore, 'get'>; items: Pick<ItemStore, 'getMany'> },
): Promise<Map<string, Item>> {
  assertShelterInScope(actor, shelterId);
  await loadShelter(stores.shelters, shelterId);
  return loadLineItems(stores.items, lines);
}

/**
 * checkStockChange for lines that may come in packs (receipts): the catalogue entries, and the
 * lines in the item's unit. A pack the item does not have is named beside the other field errors.
 */
export async function checkPackedStockChange(
  actor: Principal,
  shelterId: string,
  lines: readonly ReceiptLine[],
  stores: { shelters: Pick<ShelterStore, 'get'>; items: Pick<ItemStore, 'getMany'> },
): Promise<{ catalogue: Map<string, Item>; lines: PlannedLine[] }> {
  assertShelterInScope(actor, shelterId);
  await loadShelter(stores.shelters, shelterId);
  const catalogue = await stores.items.getMany(lines.map((line) => line.itemId));
  const unpacked = unpackLines(lines, catalogue);
  const errors = [...checkLinesAgainstCatalogue(unpacked.lines, catalogue), ...unpacked.errors];
  if (errors.length > 0) throw new ValidationError('Some lines do not match the item catalogue.', errors);
  return { catalogue, lines: unpacked.lines };
}

export function categoriesOf(catalogue: ReadonlyMap<string, Item>): Map<string, string> {
  return new Map([...catalogue].map(([id, item]) => [id, item.category]));
}
