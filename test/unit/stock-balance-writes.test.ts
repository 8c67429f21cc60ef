import { describe, expect, it } from 'vitest';
import { emptyBalance, type StockBalance } from '../../shared/domain/stock.js';
import {
  balanceGuards,
  reservationUpdate,
  versionedUpdate,
} from '../../shared/store/stock-balance-writes.js';

const at = '2026-12-02T10:00:00.000Z';

describe('stock balance writes', () => {
  describe('reservation writes: ADD under a condition, never a read first', () => {
    it('reserves by moving the quantity from available to reserved, only if available covers it', () => {
      const update = reservationUpdate('reserve', { quantity: 5 }, at, 'food');
      expect(update.ConditionExpression).toBe(balanceGuards.availableCoversLine);
      expect(update.UpdateExpression).toBe(
        'SET updatedAt = :at, category = :category ADD reserved :reservedDelta, available :availableDelta, version :one',
      );
      expect(update.ExpressionAttributeValues).toMatchObject({
        ':quantity': 5,
        ':reservedDelta': 5,
        ':availableDelta': -5,
        ':category': 'food',
      });
    });

    it('hands over by taking the quantity off the shelf and out of the reservation, leaving available alone', () => {
      const update = reservationUpdate('hand-over', { quantity: 2.5 }, at);
      expect(update.ConditionExpression).toBe(
        `${balanceGuards.onHandCoversLine} AND ${balanceGuards.reservedCoversLine}`,
      );
      expect(update.ExpressionAttributeValues).toMatchObject({
        ':onHandDelta': -2.5,
        ':reservedDelta': -2.5,
      });
      expect(update.ExpressionAttributeValues).not.toHaveProperty(':availableDelta');
      expect(update.UpdateExpression).not.toContain('category');
    });

    it('releases by giving the reservation back to available, only what was reserved', () => {
      const update = reservationUpdate('release', { quantity: 3 }, at);
      expect(update.ConditionExpression).toBe(balanceGuards.reservedCoversLine);
      expect(update.ExpressionAttributeValues).toMatchObject({ ':reservedDelta': -3, ':availableDelta': 3 });
    });

    it('bumps the version every time, so a versioned writer that read before notices', () => {
      for (const change of ['reserve', 'hand-over', 'release'] as const) {
        expect(reservationUpdate(change, { quantity: 1 }, at).UpdateExpression).toMatch(
          /ADD .*version :one$/,
        );
      }
    });
  });

  describe('versioned writes: SET what was computed, only over the version it was computed from', () => {
    const before: StockBalance = {
      ...emptyBalance('shelter-a', 'rice', 'food'),
      onHand: 10,
      reserved: 4,
      available: 6,
      version: 7,
    };
    const after: StockBalance = { ...before, onHand: 2, available: -2, version: 8, updatedAt: at };

    it('is guarded by the version read (or by the row being absent, at version 0)', () => {
      const update = versionedUpdate(before, after);
      expect(update.ConditionExpression).toBe(balanceGuards.unchangedSinceRead);
      expect(update.ExpressionAttributeValues).toMatchObject({ ':seen': 7, ':next': 8 });
      const first = versionedUpdate(emptyBalance('shelter-a', 'rice', 'food'), { ...after, version: 1 });
      expect(first.ExpressionAttributeValues).toMatchObject({ ':seen': 0, ':next': 1 });
    });

    it('writes onHand and available, and never touches reserved that exists', () => {
      const update = versionedUpdate(before, after);
      expect(update.ExpressionAttributeValues).toMatchObject({ ':onHand': 2, ':available': -2 });
      expect(update.UpdateExpression).toContain('reserved = if_not_exists(reserved, :zero)');
    });
  });
});
