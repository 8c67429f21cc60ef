// What went wrong, GOV.UK's way: a summary at the top that links to each field, and the same
// message beside the field. Nothing typed is cleared; the page only points at what to change.
import { $ } from '../common/dom.js';

/**
 * `field` is the page's name for a field (its error paragraph is `<field>-error`); an error
 * without one (the network, the server) is listed in the summary only.
 * @typedef {{ field?: PageField, message: string }} PageError
 * @typedef {'round-name' | 'round-from' | 'round-until' | 'templates' | 'csv'} PageField
 */

/** @type {readonly PageField[]} */
const FIELDS = ['round-name', 'round-from', 'round-until', 'templates', 'csv'];

/** Where a link in the summary takes the keyboard: the input itself, or the first box of a group. */
function focusTarget(/** @type {PageField} */ field) {
  if (field === 'templates') return document.querySelector('#templates input');
  return document.getElementById(field);
}

export function clearErrors() {
  for (const field of FIELDS) {
    const beside = $(`${field}-error`);
    beside.textContent = '';
    beside.hidden = true;
    beside.closest('.field')?.classList.remove('has-error');
  }
  $('error-list').replaceChildren();
  $('error-summary').hidden = true;
}

/**
 * Shows the errors and moves the focus to the summary, so a keyboard or a screen reader meets it.
 * @param {PageError[]} errors
 */
export function showErrors(errors) {
  clearErrors();
  const items = errors.map(({ field, message }) => {
    const li = document.createElement('li');
    if (field === undefined) {
      li.textContent = message;
      return li;
    }
    const beside = $(`${field}-error`);
    beside.textContent = message;
    beside.hidden = false;
    beside.closest('.field')?.classList.add('has-error');
    const link = document.createElement('a');
    link.href = `#${field}`;
    link.textContent = message;
    // The page's own address holds the round shown: a link to a field must not replace it.
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const target = focusTarget(field);
      if (target instanceof HTMLElement) target.focus();
    });
    li.append(link);
    return li;
  });
  $('error-list').replaceChildren(...items);
  const summary = $('error-summary');
  summary.hidden = false;
  summary.focus();
}
