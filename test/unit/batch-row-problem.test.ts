import { describe, expect, it } from 'vitest';
import type { VoucherView } from '../../shared/domain/voucher.js';
import { NotFoundError, ValidationError } from '../../shared/errors/app-errors.js';
import { InsufficientStockError } from '../../shared/errors/stock-errors.js';
import { voucherRejections } from '../../shared/errors/voucher-errors.js';
import { batchAnswer, batchRowAnswer } from '../../shared/http/batch-row-problem.js';

const voucher = { id: '01HZZZZZZZZZZZZZZZZZZZZZZZ', status: 'issued' } as VoucherView;

describe('a batch row as the HTTP layer answers it', () => {
  it('answers an issued row 201 with its voucher', () => {
    expect(batchRowAnswer({ index: 0, voucher }, 'req-1')).toEqual({ index: 0, status: 201, voucher });
  });

  it('locates a row’s field errors in the batch body and carries the request id', () => {
    const error = new ValidationError('Some lines do not match the item catalogue.', [
      { field: 'lines.0.itemId', message: 'no item "ricee" in the catalogue' },
    ]);

    const answer = batchRowAnswer({ index: 3, error }, 'req-2');

    expect(answer).toEqual({
      index: 3,
      status: 400,
      problem: {
        type: 'urn:supplyline:problem:validation',
        title: 'Invalid request',
        status: 400,
        detail: 'Some lines do not match the item catalogue.',
        requestId: 'req-2',
        errors: [{ field: 'body.vouchers.3.lines.0.itemId', message: 'no item "ricee" in the catalogue' }],
      },
    });
  });

  it('gives each domain error the status and extension members a single issue would have', () => {
    const short = new InsufficientStockError('shelter-a', [
      { itemId: 'rice', requested: 5, onHand: 2, available: 1 },
    ]);
    const rows = [
      batchRowAnswer({ index: 1, error: short }, 'r'),
      batchRowAnswer({ index: 2, error: new NotFoundError('Shelter', 'shelter-zz') }, 'r'),
      batchRowAnswer({ index: 4, error: voucherRejections.unknown() }, 'r'),
    ];

    expect(rows.map((row) => row.status)).toEqual([409, 404, 404]);
    expect(rows[0]).toMatchObject({
      problem: { type: 'urn:supplyline:problem:insufficient-stock', shelterId: 'shelter-a' },
    });
    expect(rows[0]).toMatchObject({ problem: { shortItems: [{ itemId: 'rice', available: 1 }] } });
  });

  it('keeps the batch shape: issued, failed, a result per row in row order', () => {
    const answer = batchAnswer(
      {
        issued: 1,
        failed: 1,
        results: [
          { index: 0, voucher },
          { index: 1, error: new NotFoundError('Shelter', 'x') },
        ],
      },
      'req-3',
    );

    expect(answer.issued).toBe(1);
    expect(answer.failed).toBe(1);
    expect(answer.results.map((row) => [row.index, row.status])).toEqual([
      [0, 201],
      [1, 404],
    ]);
  });
});
