import type { Stores } from '../../shared/store/stores.js';

/** Opening stock; replaced by real receipts once the stock ledger exists. */
export async function seedDemoStock(_stores: Stores): Promise<void> {}
