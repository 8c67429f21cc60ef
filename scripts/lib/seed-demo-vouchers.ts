import type { AppDeps } from '../../shared/http/app-env.js';
import { issueVoucher } from '../../shared/usecases/issue-voucher.js';
import { demoOrganization } from './demo-data.js';

/** A few issued vouchers at Phnom Penh Central, so the scanner has something to scan at once. */
export async function seedDemoVouchers(deps: AppDeps, coordinatorKeyId: string): Promise<string[]> {
  const coordinator = {
    keyId: coordinatorKeyId,
    role: 'coordinator' as const,
    orgId: demoOrganization.id,
    scope: { shelterIds: '*' as const, pickupPointIds: '*' as const },
  };
  const codes: string[] = [];
  for (let household = 1; household <= 3; household++) {
    const voucher = await issueVoucher(
      {
        shelterId: 'pp-central',
        beneficiaryRef: `DEMO-HOUSEHOLD-${household}`,
        householdSize: 2 + household,
        lines: [
          { itemId: 'rice', quantity: 5 },
          { itemId: 'water', quantity: 30 },
          { itemId: 'blanket', quantity: 1 },
        ],
      },
      coordinator,
      deps,
    );
    codes.push(voucher.code);
  }
  return codes;
}
