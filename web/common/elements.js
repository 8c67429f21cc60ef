// Building the pages' markup in script: elements with attributes and children, text always as
// text (never HTML), and translated text that follows the language button.
import { t } from './i18n.js';

/** @typedef {import('./i18n.js').MessageKey} MessageKey */

/**
 * An element with attributes and children. `text` is set as text content; an attribute that is
 * undefined or false is left out, true is written as an empty attribute.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | boolean | undefined>} [attributes]
 * @param {Array<Node | string | undefined | false>} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name === 'text') element.textContent = String(value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== undefined && child !== false) element.append(child);
  return element;
}

/**
 * An element whose text is one message without parameters, marked `data-i18n` so that
 * translatePage() puts it in the other language when the language button is pressed.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {MessageKey} key
 * @param {Record<string, string | boolean | undefined>} [attributes]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function said(tag, key, attributes = {}) {
  return el(tag, { ...attributes, 'data-i18n': key, text: t(key) });
}
