import type { Principal } from '../../shared/domain/api-key.js';
import type { Stores } from '../../shared/store/stores.js';
import { recordReceipt } from '../../shared/usecases/record-receipt.js';
import { demoOrganization, demoReceipts } from './demo-data.js';

const seeder: Principal = {
  keyId: 'demo-seed',
  role: 'logistics',
  orgId: demoOrganization.id,
  scope: { shelterIds: '*', pickupPointIds: '*' },
};

/** Opening stock through the receipt use case, so each balance is explained by the ledger. */
export async function seedDemoStock(stores: Stores, now: () => Date = () => new Date()): Promise<void> {
  for (const receipt of demoReceipts) {
    await recordReceipt(
      { shelterId: receipt.shelterId, source: receipt.source, lines: receipt.lines },
      seeder,
      { stores, now },
    );
  }
}
