import type { Principal } from '../../shared/domain/api-key.js';
import type { AppDeps } from '../../shared/http/app-env.js';
import { issueVoucher } from '../../shared/usecases/issue-voucher.js';
import { benchLines } from './environment.js';
import { runConcurrently } from './stats.js';

/** Issues `count` 3-line vouchers at a bench shelter (bench-a unless said) through the real use case, 8 at a time. */
export async function issueVouchers(
  deps: AppDeps,
  coordinator: Principal,
  count: number,
  shelterId = 'bench-a',
): Promise<Array<{ id: string; token: string; code: string }>> {
  const issued: Array<{ id: string; token: string; code: string }> = [];
  await runConcurrently(
    Array.from({ length: count }, (_, i) => i),
    8,
    async (i) => {
      const view = await issueVoucher(
        { shelterId, beneficiaryRef: `BENCH-${i}`, householdSize: 3, lines: benchLines },
        coordinator,
        deps,
      );
      issued.push({ id: view.id, token: view.token, code: view.code });
    },
  );
  return issued;
}

/** One redemption through the API over HTTP, as the scanner page sends it. */
export async function apiRedemption(
  baseUrl: string,
  volunteerKey: string,
  token: string,
  pickupPointId = 'pp-1',
): Promise<number> {
  const response = await fetch(`${baseUrl}/v1/redemptions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${volunteerKey}`,
      'content-type': 'application/json',
      'idempotency-key': crypto.randomUUID(),
    },
    body: JSON.stringify({ token, pickupPointId }),
  });
  await response.arrayBuffer();
  return response.status;
}
