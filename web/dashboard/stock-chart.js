// Stock over time for one shelter and item, drawn as inline SVG from the ledger.
import { formatAmount, formatClock, formatDayMonth, formatNumber } from '../common/i18n.js';

/** @typedef {import('../common/api-types.js').Movement} Movement */
/** @typedef {import('../common/api-types.js').ItemUnit} ItemUnit */
/** @typedef {{ at: number, balance: number }} Point */

const SVG = 'http://www.w3.org/2000/svg';
const HEIGHT = 220;
const MARGIN = { left: 56, right: 16, top: 16, bottom: 32 };

/**
 * On-hand balance after each movement of `itemId`, from the signed deltas of an oldest-first
 * ledger. Computed rather than read: distributions carry no balanceAfter (they never read the
 * balance, so that redemptions do not wait on each other).
 * @param {Movement[]} movements
 * @param {string} itemId
 * @returns {Point[]}
 */
export function runningBalance(movements, itemId) {
  /** @type {Point[]} */
  const points = [];
  let balance = 0;
  for (const movement of movements) {
    for (const line of movement.lines) {
      if (line.itemId !== itemId) continue;
      balance = Math.round((balance + line.quantity) * 1000) / 1000;
      points.push({ at: Date.parse(movement.at), balance });
    }
  }
  return points;
}

/**
 * @param {string} tag
 * @param {Record<string, string | number>} attributes
 * @param {string} [text]
 */
function node(tag, attributes, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * Axis labels, in the chosen language and the shelter's time zone: dates for a long history,
 * times of day for a short one.
 * @param {number} ms
 * @param {number} spanMs
 */
function axisLabel(ms, spanMs) {
  return spanMs < 2 * 86_400_000 ? formatClock(ms) : formatDayMonth(ms);
}

/**
 * A step line (stock changes at an instant and stays), from the first movement to now.
 * @param {HTMLElement} container
 * @param {Point[]} points
 * @param {{ unit: ItemUnit, label: string, now?: number }} options
 */
export function drawChart(container, points, { unit, label, now = Date.now() }) {
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined) {
    container.replaceChildren();
    return;
  }
  // Drawn at the container's own width, so that labels keep their size on a phone and a laptop.
  const WIDTH = Math.max(280, Math.round(container.clientWidth || 640));
  const start = first.at;
  const end = Math.max(now, last.at, start + 60_000);
  const low = Math.min(0, ...points.map((p) => p.balance));
  const high = Math.max(1, ...points.map((p) => p.balance)) * 1.1;
  /** @param {number} ms */
  const x = (ms) => MARGIN.left + ((ms - start) / (end - start)) * (WIDTH - MARGIN.left - MARGIN.right);
  /** @param {number} value */
  const y = (value) => MARGIN.top + ((high - value) / (high - low)) * (HEIGHT - MARGIN.top - MARGIN.bottom);

  let path = `M${x(start).toFixed(1)},${y(first.balance).toFixed(1)}`;
  for (const point of points.slice(1)) path += `H${x(point.at).toFixed(1)}V${y(point.balance).toFixed(1)}`;
  path += `H${x(end).toFixed(1)}`;

  const svg = node('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', class: 'chart-svg' });
  const latest = last.balance;
  svg.append(node('title', {}, `${label}: ${formatAmount(latest, unit)}`));
  for (const tick of [low, (low + high / 1.1) / 2, high / 1.1]) {
    svg.append(
      node('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(tick), y2: y(tick), class: 'grid' }),
      node(
        'text',
        { x: MARGIN.left - 6, y: y(tick) + 4, class: 'axis', 'text-anchor': 'end' },
        formatNumber(tick),
      ),
    );
  }
  const baseline = y(Math.max(low, 0));
  svg.append(
    node('path', { d: `${path}V${baseline.toFixed(1)}H${x(start).toFixed(1)}Z`, class: 'area' }),
    node('path', { d: path, class: 'line' }),
    node('text', { x: MARGIN.left, y: HEIGHT - 8, class: 'axis' }, axisLabel(start, end - start)),
    node(
      'text',
      { x: WIDTH - MARGIN.right, y: HEIGHT - 8, class: 'axis', 'text-anchor': 'end' },
      axisLabel(end, end - start),
    ),
    node(
      'text',
      {
        x: WIDTH - MARGIN.right,
        y: Math.max(MARGIN.top + 12, y(latest) - 8),
        class: 'latest',
        'text-anchor': 'end',
      },
      formatAmount(latest, unit),
    ),
  );
  container.replaceChildren(svg);
}
