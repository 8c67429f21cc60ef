import { offlineRecord, registerDevice, sync } from '../../support/offline-fixtures.js';
import { type DemoServer, type IssuedVoucher, issueVoucher } from './demo-server.js';

/** What issueVoucher() puts on a voucher: what a conflict of one of them says left the shelf. */
export const VOUCHER_LINES = [
  { itemId: 'rice', quantity: 5 },
  { itemId: 'water', quantity: 30 },
  { itemId: 'mosquito-net', quantity: 2 },
];

/**
 * A voucher handed over twice, through the API: online at the clinic hall by the "Hall phone",
 * then offline at the main gate by the "Gate phone", whose sync the server answers with an
 * `already-redeemed` conflict at Phnom Penh Central. Each call registers two phones of its own.
 */
export async function handedOverTwice(
  demo: DemoServer,
): Promise<{ voucher: IssuedVoucher; conflictId: string }> {
  const voucher = await issueVoucher(demo);
  const hall = await registerDevice(demo.t, demo.keys.volunteer, 'pp-central-hall', 'Hall phone');
  const redeemed = await demo.http('POST', '/v1/redemptions', demo.keys.volunteer, {
    code: voucher.code,
    pickupPointId: 'pp-central-hall',
    deviceId: hall.id,
  });
  if (redeemed.status !== 200) throw new Error(`redeem: ${redeemed.status} ${redeemed.text}`);
  const gate = await registerDevice(demo.t, demo.keys.volunteer, 'pp-central-gate', 'Gate phone');
  const synced = await sync(demo.t, gate, [offlineRecord(gate, { id: voucher.id, lines: VOUCHER_LINES })]);
  const result = synced.body.results[0];
  if (result?.outcome !== 'conflict' || result.conflictId === undefined)
    throw new Error(`sync: ${synced.status} ${synced.text}`);
  return { voucher, conflictId: result.conflictId };
}
