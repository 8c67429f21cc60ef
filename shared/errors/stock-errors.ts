import { AppError } from './app-errors.js';

export interface ShortItem {
  itemId: string;
  requested: number;
  onHand: number;
  available: number;
}

/** A change would take stock below zero (or below what vouchers have reserved): nothing was applied. */
export class InsufficientStockError extends AppError {
  override readonly name = 'InsufficientStockError';
  constructor(
    readonly shelterId: string,
    readonly shortItems: ShortItem[],
  ) {
    super(
      'insufficient-stock',
      `Not enough stock at shelter "${shelterId}" for: ${shortItems.map((s) => s.itemId).join(', ')}. Nothing was applied.`,
      { shelterId, shortItems },
    );
  }
}
