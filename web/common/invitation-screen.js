// The screen an invitation lands on: "Signing you in…", then, when no key came, which of the
// refusals it was and whom to ask, or what to do about the network. Built here, not in each
// page's HTML, so that a page opened without an invitation carries none of it.
import { formatClock, formatTime, t } from './i18n.js';

/** @typedef {import('./api-contract.js').Schema<'Inviter'>} Inviter */
/** @typedef {import('./i18n.js').MessageKey} MessageKey */

/**
 * Where the landing stands. `at`: when a used code was used, or an expired one ended; `until`:
 * when a rate-limited network may try again (ms since the epoch); `invitedBy`: whom to ask.
 * @typedef {{
 *   kind: 'exchanging' | 'offline' | 'busy' | 'rate-limited' | 'used' | 'expired' | 'revoked' | 'invalid'
 *     | 'handovers-waiting',
 *   at?: string,
 *   until?: number,
 *   count?: number,
 *   invitedBy?: Inviter,
 * }} Outcome
 */

/** Outcomes after which the same code may still give a key: the page offers to try again. */
const RETRYABLE = new Set(['offline', 'busy', 'rate-limited']);

/** @type {Record<Outcome['kind'], MessageKey>} */
const TITLES = {
  exchanging: 'invite.exchanging',
  offline: 'invite.offline',
  busy: 'invite.busy',
  'rate-limited': 'invite.rateLimited',
  used: 'invite.used',
  expired: 'invite.expired',
  revoked: 'invite.revoked',
  invalid: 'invite.invalid',
  'handovers-waiting': 'invite.waiting',
};

/** @param {Outcome} outcome */
function detailOf(outcome) {
  switch (outcome.kind) {
    case 'rate-limited': {
      const until = outcome.until ?? Date.now();
      const seconds = Math.ceil((until - Date.now()) / 1000);
      return seconds > 0
        ? t('invite.rateLimited.detail', { seconds, time: formatClock(until) })
        : t('invite.rateLimited.now');
    }
    case 'used':
    case 'expired':
      return t(`invite.${outcome.kind}.detail`, { time: outcome.at ? formatTime(outcome.at) : '…' });
    case 'handovers-waiting':
      return t(outcome.count === 1 ? 'invite.waiting.detail.one' : 'invite.waiting.detail', {
        count: outcome.count ?? 0,
      });
    default:
      return t(/** @type {MessageKey} */ (`${TITLES[outcome.kind]}.detail`));
  }
}

/** Whom to ask, when the server named who sent the code. @param {Outcome} outcome */
function askOf({ kind, invitedBy }) {
  if (invitedBy === undefined) return '';
  const who = { name: invitedBy.displayName, org: invitedBy.organization.name };
  return t(kind === 'revoked' ? 'invite.askAccess' : 'invite.askNew', who);
}

/**
 * @template {keyof HTMLElementTagNameMap} Tag
 * @param {Tag} tag
 * @param {Record<string, string>} attributes
 */
function element(tag, attributes) {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  return made;
}

/**
 * The landing's screen, first in the page's <main>, until the person is signed in or leaves it.
 * @param {{ onRetry: () => void, onLeave: () => void, signedInHere: () => boolean }} actions
 */
export function invitationScreen({ onRetry, onLeave, signedInHere }) {
  const section = element('section', { id: 'view-invitation', class: 'card stack invitation' });
  section.setAttribute('aria-labelledby', 'invitation-title');
  const title = element('h2', { id: 'invitation-title', tabindex: '-1' });
  const detail = element('p', { id: 'invitation-detail' });
  const ask = element('p', { id: 'invitation-ask', class: 'ask' });
  const retry = element('button', { type: 'button', class: 'primary' });
  const leave = element('button', { type: 'button', class: 'secondary' });
  section.append(title, detail, ask, retry, leave);
  const styles = element('link', {
    rel: 'stylesheet',
    href: new URL('invitation.css', import.meta.url).pathname,
  });
  document.head.append(styles);
  retry.addEventListener('click', onRetry);
  leave.addEventListener('click', onLeave);
  document.querySelector('main')?.prepend(section);

  /** @type {Outcome} */
  let shown = { kind: 'exchanging' };
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let waitOver;

  function render() {
    section.dataset.state = shown.kind;
    title.textContent = t(TITLES[shown.kind]);
    detail.textContent = detailOf(shown);
    ask.textContent = askOf(shown);
    ask.hidden = ask.textContent === '';
    retry.textContent = t('invite.retry');
    retry.hidden = !RETRYABLE.has(shown.kind);
    retry.disabled = shown.kind === 'rate-limited' && (shown.until ?? 0) > Date.now();
    leave.textContent = t(signedInHere() ? 'invite.continue' : 'invite.otherWay');
    leave.hidden = shown.kind === 'exchanging';
  }

  // The page's own language toggle has switched the language by the time this runs.
  const lang = document.getElementById('lang');
  lang?.addEventListener('click', render);

  return {
    /** @param {Outcome} outcome */
    show(outcome) {
      clearTimeout(waitOver);
      shown = outcome;
      render();
      // Once a rate-limited network may try again, the button says so.
      if (outcome.until !== undefined) waitOver = setTimeout(render, Math.max(0, outcome.until - Date.now()));
      // Read out at once by a screen reader; the buttons follow it in the tab order.
      if (outcome.kind !== 'exchanging') title.focus();
    },
    remove() {
      clearTimeout(waitOver);
      lang?.removeEventListener('click', render);
      section.remove();
    },
  };
}
