// A secret the server shows once (an API key, a webhook's signing secret): on screen with a copy
// button and a plain warning, until the person says they have it. It is never stored by the page.
import { at } from './admin-i18n.js';
import { el, said } from './ui.js';

/**
 * Shows `secret` in `host` until "I have copied it".
 * @param {HTMLElement} host
 * @param {{ heading: string, secret: string }} shown
 */
export function showSecretOnce(host, { heading, secret }) {
  const field = el('input', {
    type: 'text',
    readonly: true,
    class: 'secret-value',
    spellcheck: 'false',
    'aria-label': heading,
  });
  field.value = secret;
  const copied = el('p', { class: 'done', role: 'status' });
  const copy = el('button', { type: 'button', class: 'primary', text: at('secret.copy') });
  const close = el('button', { type: 'button', class: 'secondary', text: at('secret.close') });
  const title = el('h4', { text: heading, tabindex: '-1' });
  const panel = el('section', { class: 'secret stack', 'aria-label': heading }, [
    title,
    said('p', 'secret.once', { class: 'warning' }),
    field,
    el('div', { class: 'row actions' }, [copy, close]),
    copied,
  ]);
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(secret);
      copied.textContent = at('secret.copied');
    } catch {
      // No clipboard (a plain-HTTP address, a refused permission): select it for the person to copy.
      field.focus();
      field.select();
      copied.textContent = at('secret.selectIt');
    }
  });
  close.addEventListener('click', () => {
    field.value = '';
    panel.remove();
  });
  host.replaceChildren(panel);
  title.focus();
}
