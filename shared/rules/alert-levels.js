// @ts-check
// The stock alert levels a logistics lead sets (an item's low-stock threshold, its own cover
// warning days, a shelter's cover warning days): their bounds, for the API's schemas and for the
// desk's Thresholds section, which checks what is typed before it asks the server. One file for both.

/** The largest low-stock threshold, in the item's unit. */
export const LOW_STOCK_THRESHOLD_MAX = 10_000_000;

/** The most cover warning days an item or a shelter may have. */
export const COVER_WARNING_DAYS_MAX = 90;

/** The cover warning days where neither the item at the shelter nor the shelter sets its own. */
export const DEFAULT_COVER_WARNING_DAYS = 3;

/**
 * Whether the server takes this as a low-stock threshold.
 * @param {number} value
 * @returns {boolean}
 */
export function isLowStockThreshold(value) {
  return Number.isFinite(value) && value >= 0 && value <= LOW_STOCK_THRESHOLD_MAX;
}

/**
 * Whether the server takes this as cover warning days (an item's or a shelter's).
 * @param {number} value
 * @returns {boolean}
 */
export function isCoverWarningDays(value) {
  return Number.isFinite(value) && value >= 0 && value <= COVER_WARNING_DAYS_MAX;
}
