import { z } from '@hono/zod-openapi';

/**
 * Quantities carry at most three decimals (grams, millilitres). Arithmetic on them is rounded to
 * that precision so that sums of ledger movements equal balances exactly, with no float drift.
 */
const PRECISION = 1000;

export function roundQuantity(value: number): number {
  return Math.round(value * PRECISION) / PRECISION;
}

export function addQuantities(...values: number[]): number {
  return roundQuantity(values.reduce((sum, value) => sum + Math.round(value * PRECISION), 0) / PRECISION);
}

const hasAtMostThreeDecimals = (value: number) =>
  Math.abs(value * PRECISION - Math.round(value * PRECISION)) < 1e-6;

const MAX_QUANTITY = 10_000_000;

export const positiveQuantitySchema = z
  .number()
  .positive()
  .max(MAX_QUANTITY)
  .refine(hasAtMostThreeDecimals, 'at most three decimal places');

export const signedQuantitySchema = z
  .number()
  .min(-MAX_QUANTITY)
  .max(MAX_QUANTITY)
  .refine((value) => value !== 0, 'must not be zero')
  .refine(hasAtMostThreeDecimals, 'at most three decimal places');

export const countedQuantitySchema = z
  .number()
  .min(0)
  .max(MAX_QUANTITY)
  .refine(hasAtMostThreeDecimals, 'at most three decimal places');
