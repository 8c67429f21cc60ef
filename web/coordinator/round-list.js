// The rounds already made, newest first. Each is a link to the page's own address with the round
// in it (#round=<id>), so a round is reopened from the list, after a reload, or from a bookmark.
import './coordinator-messages.js';
import { api } from '../common/api.js';
import { $ } from '../common/dom.js';
import { formatDate, t } from '../common/i18n.js';

/** @typedef {import('../common/api-types.js').Round} Round */
/** @typedef {import('../common/api-types.js').Listing<Round>} RoundPage */

const PER_PAGE = 20;

/**
 * @param {string} key
 * @param {string | null} [cursor]
 * @returns {Promise<RoundPage>}
 */
export function fetchRounds(key, cursor) {
  const query = new URLSearchParams({ limit: String(PER_PAGE) });
  if (cursor) query.set('cursor', cursor);
  return api(key, 'GET', `/v1/rounds?${query}`);
}

/** The round the page's address names, if any. */
export function roundInAddress() {
  const match = /^#round=(.+)$/.exec(location.hash);
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
}

/** @param {string} roundId */
export function roundAddress(roundId) {
  return `#round=${encodeURIComponent(roundId)}`;
}

/** @param {Round} round */
export function statusOf(round) {
  return t(`round.${round.status}`);
}

/** "7 Dec 2026 to 20 Dec 2026", in the chosen language. @param {Round} round */
export function validityOf(round) {
  return t('coord.validity', { from: formatDate(round.validFrom), until: formatDate(round.validUntil) });
}

/**
 * @param {Round[]} rounds
 * @param {boolean} more whether the server has older rounds
 * @param {(shelterId: string) => string} shelterName
 */
export function renderRoundList(rounds, more, shelterName) {
  $('no-rounds').hidden = rounds.length > 0;
  $('more-rounds').hidden = !more;
  $('rounds').replaceChildren(
    ...rounds.map((round) => {
      const li = document.createElement('li');
      li.dataset.round = round.id;
      li.dataset.status = round.status;
      const link = document.createElement('a');
      link.href = roundAddress(round.id);
      link.textContent = round.name;
      // The coordinator's own words, shown as typed in either language.
      link.setAttribute('translate', 'no');
      const status = document.createElement('span');
      status.className = `chip status-${round.status}`;
      status.textContent = statusOf(round);
      const details = document.createElement('p');
      details.className = 'muted';
      details.textContent = `${validityOf(round)} · ${round.shelterIds.map(shelterName).join(', ')}`;
      li.append(link, ' ', status, details);
      return li;
    }),
  );
}
