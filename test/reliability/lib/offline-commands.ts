import type fc from 'fast-check';
import { expect } from 'vitest';
import type { DevicePack } from '../../../shared/domain/device-pack.js';
import type { SyncResponse } from '../../../shared/domain/offline-sync.js';
import { offlineRecord, type TestDevice } from '../../support/offline-fixtures.js';
import { balance, type Model, pick, type System } from './stock-model.js';

/**
 * Offline commands of the model-based test (issue 11): a device takes its pack; a device hands a
 * voucher over offline and syncs the record, once or from several tabs at once; an earlier record
 * is synced again. Each shelter has one device in mode `pools`, so its pack is exactly the
 * shelter's issued vouchers, and the model predicts every sync answer.
 */

/** The device of a shelter refreshes: its pool becomes the shelter's issued vouchers. */
export class TakePack implements fc.AsyncCommand<Model, System> {
  constructor(private readonly shelter: number) {}
  check = () => true;
  async run(model: Model, real: System) {
    const device = real.devices[this.shelter] as TestDevice;
    const result = await real.send({ method: 'GET', path: `/v1/devices/${device.id}/pack`, key: device.key });
    real.tally('pack', result.status);
    expect(result.status, result.text).toBe(200);
    const pack = result.body as unknown as DevicePack;
    const issued = model.vouchers
      .filter((v) => v.shelter === this.shelter && v.status === 'issued')
      .map((v) => v.id);
    expect(pack.vouchers.map((v) => v.id).sort()).toEqual(issued.sort());
    model.pools[this.shelter === 0 ? 0 : 1] = new Set(issued);
  }
  toString = () => `pack at ${this.shelter}`;
}

/**
 * The shelter's device hands a voucher over offline and syncs it from `tabs` tabs at once:
 * every tab gets the same answer, a redemption when the voucher is still issued and its stock on
 * the shelf, otherwise a conflict that moves nothing.
 */
export class OfflineHandover implements fc.AsyncCommand<Model, System> {
  constructor(
    private readonly shelter: number,
    private readonly index: number,
    private readonly tabs: number,
  ) {}
  check = (model: Readonly<Model>) => model.vouchers.some((v) => v.shelter === this.shelter);
  async run(model: Model, real: System) {
    const voucher = pick(
      model.vouchers.filter((v) => v.shelter === this.shelter),
      this.index,
    );
    const device = real.devices[this.shelter] as TestDevice;
    const record = offlineRecord(device, voucher);
    const results = await Promise.all(
      Array.from({ length: this.tabs }, () =>
        real.send({
          method: 'POST',
          path: `/v1/devices/${device.id}/sync`,
          key: device.key,
          body: { records: [record] },
        }),
      ),
    );
    const label = `${this.tabs} tab(s) sync ${voucher.status} voucher`;
    for (const result of results) expect(result.status, `${label}: ${result.text}`).toBe(200);
    const answers = results.map((r) => (r.body as unknown as SyncResponse).results[0]);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size, label).toBe(1);
    const answer = answers[0];
    if (answer === undefined) throw new Error(`${label}: no result`);
    const onShelf = voucher.lines.every(
      ({ itemId, quantity }) => balance(model, voucher.shelter, itemId).onHand >= quantity,
    );
    const expected = voucher.status === 'issued' && onShelf ? 'redeemed' : 'conflict';
    real.tally(`offline handover x${this.tabs} ${expected}`, results[0]?.status ?? 0);
    expect(answer.outcome, `${label}: ${JSON.stringify(answer)}`).toBe(expected);
    if (expected === 'redeemed') {
      for (const line of voucher.lines) {
        const entry = balance(model, voucher.shelter, line.itemId);
        entry.onHand -= line.quantity;
        entry.reserved -= line.quantity;
      }
      voucher.status = 'redeemed';
    }
    model.outbox.push({ shelter: this.shelter, record, result: answer });
  }
  toString = () => `offline handover #${this.index} at ${this.shelter} from ${this.tabs} tab(s)`;
}

/** An earlier record synced again (a retry after a lost answer): the same answer, nothing changes. */
export class Resync implements fc.AsyncCommand<Model, System> {
  constructor(private readonly index: number) {}
  check = (model: Readonly<Model>) => model.outbox.length > 0;
  async run(model: Model, real: System) {
    const { shelter, record, result } = pick(model.outbox, this.index);
    const device = real.devices[shelter] as TestDevice;
    const again = await real.send({
      method: 'POST',
      path: `/v1/devices/${device.id}/sync`,
      key: device.key,
      body: { records: [record] },
    });
    real.tally('resync', again.status);
    expect(again.status).toBe(200);
    expect((again.body as unknown as SyncResponse).results[0]).toEqual(result);
  }
  toString = () => `resync #${this.index}`;
}
