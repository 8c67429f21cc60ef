// Small builders for the admin page's markup: translated text and record lists (elements are
// built by the pages' shared el(), re-exported here for the admin's modules).
import { el } from '../common/elements.js';
import { lang } from '../common/i18n.js';
import { at } from './admin-i18n.js';

export { el };

/** @typedef {import('./admin-i18n.js').AdminKey} AdminKey */

/**
 * An element whose text is an admin message, kept in the chosen language by translateAdmin().
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {AdminKey} key
 * @param {Record<string, string | undefined>} [attributes]
 */
export function said(tag, key, attributes = {}) {
  return el(tag, { ...attributes, 'data-at': key, text: at(key) });
}

/**
 * A record's name in the chosen language: its Khmer name where Khmer is chosen and it has one.
 * @param {{ name: string, nameKm?: string | undefined } | undefined} record
 * @param {string} [fallback]
 */
export function nameOf(record, fallback = '') {
  if (record === undefined) return fallback;
  return lang() === 'km' && record.nameKm ? record.nameKm : record.name;
}

/**
 * One record as a card in a list: a heading and lines of "term: value", then its actions.
 * @param {{ title: string, lang?: string, lines: Array<[AdminKey, string | undefined]>, actions?: Node[], extra?: Array<Node | undefined> }} record
 */
export function recordItem({ title, lines, actions = [], extra = [] }) {
  const list = el(
    'dl',
    { class: 'facts' },
    lines
      .filter(([, value]) => value !== undefined && value !== '')
      .flatMap(([term, value]) => [el('div', {}, [said('dt', term), el('dd', { text: value ?? '' })])]),
  );
  return el('li', { class: 'record' }, [
    el('h4', { text: title }),
    list,
    actions.length > 0 ? el('div', { class: 'row actions' }, actions) : undefined,
    ...extra,
  ]);
}

/**
 * Replaces a list's records, or says there are none.
 * @param {HTMLElement} list
 * @param {HTMLElement[]} items
 */
export function fillList(list, items) {
  list.replaceChildren(
    ...(items.length > 0 ? items : [el('li', { class: 'muted', text: at('list.empty') })]),
  );
}

/**
 * A button whose text is an admin message.
 * @param {AdminKey} key
 * @param {Record<string, string | number>} [params]
 * @param {string} [className]
 */
export function button(key, params = {}, className = 'secondary') {
  const element = el('button', { type: 'button', class: className, text: at(key, params) });
  return element;
}
