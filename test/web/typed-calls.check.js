// Checked by `tsc -p web` (web/tsconfig.json includes it), never run: the pages' API calls are
// typed by the generated client, so each call below that the contract does not allow is a type
// error, which `@ts-expect-error` demands. If the typing went loose (any), these lines would
// stop being errors and the check would fail.
import { apiCall, listAll } from '../../web/common/api.js';

export async function callsTheContractAllows() {
  const me = await apiCall('key', 'GET', '/v1/me');
  /** @type {string} */
  const role = me.role;
  const pack = await apiCall('key', 'GET', '/v1/devices/{id}/pack', {
    path: { id: 'dev_1' },
    query: { since: undefined },
    timeoutMs: 60_000,
  });
  /** @type {number} */
  const vouchers = pack.vouchers.length;
  const redemption = await apiCall('key', 'POST', '/v1/redemptions', {
    body: { code: 'ABCD-EFGH-J', pickupPointId: 'pp-central-gate' },
    headers: { 'idempotency-key': 'k-1' },
  });
  /** @type {string} */
  const at = redemption.redeemedAt;
  const points = await listAll('key', '/v1/shelters/{id}/pickup-points', { path: { id: 'pp-central' } });
  /** @type {string[]} */
  const names = points.map((point) => point.name);
  return { role, vouchers, at, names };
}

export async function callsItRefuses() {
  // @ts-expect-error no such path
  await apiCall('key', 'GET', '/v1/nope');
  // @ts-expect-error /v1/me has no POST
  await apiCall('key', 'POST', '/v1/me');
  // @ts-expect-error the pack's path names the device
  await apiCall('key', 'GET', '/v1/devices/{id}/pack');
  // @ts-expect-error a path parameter the template does not have
  await apiCall('key', 'GET', '/v1/devices/{id}/pack', { path: { deviceId: 'dev_1' } });
  // @ts-expect-error a redemption needs its Idempotency-Key
  await apiCall('key', 'POST', '/v1/redemptions', { body: { code: 'ABCD-EFGH-J', pickupPointId: 'p' } });
  await apiCall('key', 'POST', '/v1/redemptions', {
    // @ts-expect-error a redemption names its pickup point
    body: { code: 'ABCD-EFGH-J' },
    headers: { 'idempotency-key': 'k-1' },
  });
  // @ts-expect-error a query parameter the operation does not take
  await apiCall('key', 'GET', '/v1/reports/vouchers-today', { query: { utcOffset: 420 } });
  const today = await apiCall('key', 'GET', '/v1/reports/vouchers-today');
  // @ts-expect-error a field the answer does not have
  today.shelterz;
  const items = await listAll('key', '/v1/items');
  // @ts-expect-error a field items do not have
  items[0]?.label;
  // @ts-expect-error not a listing
  await listAll('key', '/v1/me');
}
