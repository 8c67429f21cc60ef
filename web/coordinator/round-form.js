// The new round's form: its name, shelter, the days it runs, and the rations the coordinator ticks
// from the templates. Checked here first so that the messages are in the chosen language; the
// server checks again and its field errors land beside the same fields.
import './coordinator-messages.js';
import { $ } from '../common/dom.js';
import { formatDate, t } from '../common/i18n.js';
import { availableTemplates, describeRule } from './rule-templates.js';

/** @typedef {import('../common/api-types.js').Item} Item */
/** @typedef {import('./error-summary.js').PageError} PageError */
/** @typedef {import('./error-summary.js').PageField} PageField */

/** A date input's day, as an instant in Phnom Penh time (UTC+7). */
function phnomPenhInstant(/** @type {string} */ day, /** @type {string} */ time) {
  return `${day}T${time}+07:00`;
}

/** The day an instant falls on in Phnom Penh, as a date input holds it (2026-12-07). @param {Date} date */
export function phnomPenhDay(date) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Phnom_Penh', dateStyle: 'short' }).format(date);
}

/**
 * One box per template the catalogue allows, described from the rule itself; none ticked but the
 * ones the coordinator ticked before (a language change redraws them).
 * @param {Item[]} items
 * @param {(item: Item) => string} nameOf
 */
export function renderTemplates(items, nameOf) {
  const ticked = new Set(
    [...document.querySelectorAll('#template-boxes input:checked')].map((input) =>
      input.getAttribute('value'),
    ),
  );
  const catalogue = new Map(items.map((item) => [item.id, item]));
  const boxes = availableTemplates(items).map((template) => {
    const label = document.createElement('label');
    label.className = 'check';
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.value = template.id;
    input.checked = ticked.has(template.id);
    const words = describeRule(template.rule, catalogue.get(template.rule.itemId), nameOf);
    const text = document.createElement('span');
    text.textContent = template.note === undefined ? words : `${words} (${t(template.note)})`;
    label.append(input, text);
    return label;
  });
  $('template-boxes').replaceChildren(...boxes);
}

/** Under each date input, its day in words in the chosen language (the input shows the browser's). */
export function showChosenDays() {
  for (const id of ['round-from', 'round-until']) {
    const day = $(id, HTMLInputElement).value;
    $(`${id}-shown`).textContent = day === '' ? '' : formatDate(phnomPenhInstant(day, '12:00:00'));
  }
}

/** @param {Date} today */
export function resetRoundForm(today) {
  $('round-name', HTMLInputElement).value = '';
  $('round-from', HTMLInputElement).value = phnomPenhDay(today);
  $('round-until', HTMLInputElement).value = phnomPenhDay(new Date(today.getTime() + 13 * 86_400_000));
  for (const box of document.querySelectorAll('#template-boxes input')) {
    if (box instanceof HTMLInputElement) box.checked = false;
  }
  showChosenDays();
}

/**
 * The round the form describes, as POST /v1/rounds takes it, or what to change first.
 * @param {Item[]} items
 * @returns {{ body: Record<string, unknown> } | { errors: PageError[] }}
 */
export function readRoundForm(items) {
  const name = $('round-name', HTMLInputElement).value.trim();
  const from = $('round-from', HTMLInputElement).value;
  const until = $('round-until', HTMLInputElement).value;
  const chosen = new Set(
    [...document.querySelectorAll('#template-boxes input:checked')].map((input) =>
      input.getAttribute('value'),
    ),
  );
  /** @type {PageError[]} */
  const errors = [];
  if (name === '') errors.push({ field: 'round-name', message: t('coord.err.name') });
  if (from === '') errors.push({ field: 'round-from', message: t('coord.err.date') });
  if (until === '') errors.push({ field: 'round-until', message: t('coord.err.date') });
  else if (from !== '' && until < from) errors.push({ field: 'round-until', message: t('coord.err.dates') });
  if (chosen.size === 0) errors.push({ field: 'templates', message: t('coord.err.templates') });
  if (errors.length > 0) return { errors };
  const rules = availableTemplates(items)
    .filter((template) => chosen.has(template.id))
    .map((template) => template.rule);
  return {
    body: {
      name,
      shelterIds: [$('round-shelter', HTMLSelectElement).value],
      validFrom: phnomPenhInstant(from, '00:00:00'),
      validUntil: phnomPenhInstant(until, '23:59:00'),
      rules,
    },
  };
}

/**
 * The page's field for one of the server's (`body.name`, `rules.1.max`...), if the form has it.
 * @param {string} serverField
 * @returns {PageField | undefined}
 */
export function formFieldOf(serverField) {
  const name = serverField.replace(/^body\./, '').split('.')[0];
  if (name === 'name') return 'round-name';
  if (name === 'validFrom') return 'round-from';
  if (name === 'validUntil') return 'round-until';
  if (name === 'rules') return 'templates';
  return undefined;
}
