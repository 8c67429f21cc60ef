import { beforeAll, describe, expect, it } from 'vitest';
import { call, isProblem } from '../support/http.js';
import { PersonalDataWatch } from '../support/log-privacy.js';
import { createOpenRound, type HouseholdAnswer, sendHouseholds } from '../support/round-fixtures.js';
import { reservedOf } from '../support/stock-fixtures.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, type VoucherWorld } from '../support/voucher-fixtures.js';

let t: TestApp;
let w: VoucherWorld;
const watch = new PersonalDataWatch('household-list-bodies');

beforeAll(async () => {
  ({ t, world: w } = await appWith(buildVoucherWorld));
  watch.watch(t);
});

const riceOnly = { rules: [{ itemId: 'rice', amount: 1, per: 'household' }] };

/** Two families whose references differ only in an accented letter (é, è). */
const accentedList = 'beneficiaryRef,householdSize\r\nFAM-Bé-01,2\r\nFAM-Bè-01,3\r\n';

function utf16le(text: string): Uint8Array {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

describe('household list encodings', () => {
  it('refuses a list that is not UTF-8 (Latin-1) with a 400 that says how to save it, and keeps accented references apart', async () => {
    const round = await createOpenRound(t, w.coordinator, riceOnly);
    const reservedBefore = await reservedOf(t, 'shelter-a', 'rice');

    // Excel's plain "CSV" on a Western Windows is Latin-1 (here: é = E9, è = E8, neither UTF-8).
    const latin1 = Buffer.from(accentedList, 'latin1');
    for (const path of ['households', 'forecast']) {
      const refused = await call(t.app, 'POST', `/v1/rounds/${round.id}/${path}`, {
        key: w.coordinator,
        rawBody: latin1,
        headers: { 'content-type': 'text/csv' },
      });
      expect(refused.status).toBe(400);
      expect(isProblem(refused)).toBe(true);
      expect(refused.body.type).toBe('urn:supplyline:problem:invalid-encoding');
      expect(refused.body.detail).toContain('CSV UTF-8');
      expect(refused.body.errors).toEqual([
        { field: 'body.line.2', message: expect.stringContaining('UTF-8') },
      ]);
    }
    // The same two families as JSON in Latin-1 bytes: refused too, never read as "FAM-B?-01".
    const json = Buffer.from(
      JSON.stringify({
        households: [
          { beneficiaryRef: 'FAM-Bé-02', householdSize: 2 },
          { beneficiaryRef: 'FAM-Bè-02', householdSize: 3 },
        ],
      }),
      'latin1',
    );
    const refusedJson = await call(t.app, 'POST', `/v1/rounds/${round.id}/households`, {
      key: w.coordinator,
      rawBody: json,
    });
    expect(refusedJson.status).toBe(400);
    expect(refusedJson.body.type).toBe('urn:supplyline:problem:invalid-encoding');
    expect(refusedJson.body.detail).toContain('UTF-8');
    expect(await reservedOf(t, 'shelter-a', 'rice')).toBe(reservedBefore);

    // A page or script that read the Latin-1 file as UTF-8 before sending it sends valid UTF-8
    // with U+FFFD where each accented letter was: the same two families merged, refused too.
    const readLossily = new TextDecoder().decode(latin1);
    const relayed = await sendHouseholds(t, w.coordinator, round.id, readLossily);
    expect(relayed.status).toBe(400);
    expect(relayed.body).toMatchObject({
      type: 'urn:supplyline:problem:invalid-encoding',
      errors: [{ field: 'body.line.2' }],
    });
    expect((relayed.body as unknown as { detail: string }).detail).toContain('CSV UTF-8');
    const rows = await call<HouseholdAnswer>(t.app, 'POST', `/v1/rounds/${round.id}/households`, {
      key: w.coordinator,
      body: {
        households: [
          { beneficiaryRef: 'FAM-B\uFFFD-03', householdSize: 2 },
          { beneficiaryRef: 'FAM-B\uFFFD-04', householdSize: 3 },
        ],
      },
    });
    expect(rows.body.results.map((r) => [r.outcome, r.problem?.field])).toEqual([
      ['refused', 'beneficiaryRef'],
      ['refused', 'beneficiaryRef'],
    ]);
    const single = await call(t.app, 'POST', '/v1/vouchers', {
      key: w.coordinator,
      body: {
        shelterId: 'shelter-a',
        beneficiaryRef: 'FAM-B\uFFFD-05',
        householdSize: 2,
        lines: [{ itemId: 'rice', quantity: 1 }],
      },
    });
    expect(single.status).toBe(400);
    expect(single.body.errors).toEqual([
      { field: 'body.beneficiaryRef', message: expect.stringContaining('U+FFFD') },
    ]);
    expect(await reservedOf(t, 'shelter-a', 'rice')).toBe(reservedBefore);

    // Saved as CSV UTF-8: two families, two vouchers.
    const issued = await sendHouseholds(t, w.coordinator, round.id, accentedList);
    expect(issued.status).toBe(200);
    expect(issued.body.results.map((r) => r.outcome)).toEqual(['issued', 'issued']);
    const [first, second] = issued.body.results.map((r) => r.voucher?.id);
    expect(first).not.toBe(second);
    expect(await reservedOf(t, 'shelter-a', 'rice')).toBe(reservedBefore + 2);

    // Saved as UTF-16 with a byte-order mark ("Unicode text"): read as the same two families.
    const again = await sendHouseholds(t, w.coordinator, round.id, utf16le(accentedList));
    expect(again.status).toBe(200);
    expect((again.body as HouseholdAnswer).results.map((r) => [r.voucher?.id, r.voucher?.replayed])).toEqual([
      [first, true],
      [second, true],
    ]);
  });

  it('names the line and column of a malformed CSV, never a cell, in the answer or the log', async () => {
    const round = await createOpenRound(t, w.coordinator, riceOnly);
    const logsBefore = t.logs.length;
    const quoted = watch.beneficiaryRef();
    const afterQuote = watch.beneficiaryRef();
    const noHeader = watch.beneficiaryRef();
    const cases = [
      // A quote inside an unquoted cell: csv-parse's message quotes the cell.
      {
        csv: `beneficiaryRef,householdSize\r\nHH-OK-1,2\r\n${quoted}"x,2\r\n`,
        field: 'body.line.3',
        column: 1,
      },
      // Text after a closing quote.
      { csv: `beneficiaryRef,householdSize\r\n"${afterQuote}"x,2\r\n`, field: 'body.line.2', column: 1 },
      // A cell more than the header names.
      { csv: `beneficiaryRef,householdSize\r\nHH-OK-2,2,3\r\n`, field: 'body.line.2', column: undefined },
    ];
    for (const { csv, field, column } of cases) {
      const result = await sendHouseholds(t, w.coordinator, round.id, csv);
      expect(result.status).toBe(400);
      expect(isProblem(result as never)).toBe(true);
      expect(result.body).toMatchObject({ errors: [{ field }] });
      const message = (result.body as unknown as { errors: Array<{ message: string }> }).errors[0]?.message;
      if (column !== undefined) expect(message).toContain(`column ${column}`);
      expect(result.text).not.toMatch(/PII-CANARY|HH-OK/);
    }
    // A list without its header row: its first household is not echoed as an "unknown column".
    const headless = await sendHouseholds(t, w.coordinator, round.id, `${noHeader},2\r\n`);
    expect(headless.status).toBe(400);
    expect(headless.body).toMatchObject({
      errors: [{ field: 'body.header', message: expect.stringContaining('header row') }],
    });
    expect(headless.text).not.toContain('PII-CANARY');

    expect(watch.leaks()).toEqual([]);
    // The request lines were written (and hold no cell, as the check above found).
    const refusals = t.logs
      .slice(logsBefore)
      .filter((line) => line.route === '/v1/rounds/:id/households' && line.status === 400);
    expect(refusals.length).toBe(4);
  });
});
