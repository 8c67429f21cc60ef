// Draws /coordinator from its state: the list of rounds or the round shown, its forecast, the
// check-your-answers step, the vouchers and the refused rows, the reconciliation.
import './coordinator-messages.js';
import { $ } from '../common/dom.js';
import { t } from '../common/i18n.js';
import { renderCheck } from './issue-check.js';
import { localName, names, state } from './page-state.js';
import { renderRoundList, statusOf, validityOf } from './round-list.js';
import {
  refusalsOf,
  renderForecast,
  renderReconciliation,
  renderRefusals,
  renderResults,
} from './round-tables.js';
import { describeRule } from './rule-templates.js';

function renderRound() {
  const { round } = state;
  $('round-list').hidden = round !== undefined;
  $('round-form').hidden = round !== undefined;
  $('round').hidden = round === undefined;
  const issuing = round !== undefined && (round.status === 'draft' || round.status === 'open');
  $('households').hidden = !issuing;
  $('reconciliation').hidden = round === undefined || round.status === 'draft';
  if (round === undefined) return;
  $('round-title').textContent = round.name;
  $('round-meta').textContent = t('coord.roundMeta', {
    status: statusOf(round),
    version: round.rulesVersion,
  });
  $('round-validity').textContent =
    `${validityOf(round)} · ${round.shelterIds.map(names.shelter).join(', ')}`;
  $('round-rules').replaceChildren(
    ...round.rules.map((rule) => {
      const li = document.createElement('li');
      li.textContent = describeRule(
        rule,
        state.items.find((item) => item.id === rule.itemId),
        localName,
      );
      return li;
    }),
  );
  $('round-closed').hidden = issuing;
  $('round-closed').textContent = issuing ? '' : t('coord.closedNote', { status: statusOf(round) });
  $('issue').textContent = round.status === 'draft' ? t('coord.issue') : t('coord.issueOpen');
}

export function render() {
  renderRoundList(state.rounds, state.roundsCursor !== null, names.shelter);
  renderRound();
  const { forecast, round, issued } = state;
  $('forecast-view').hidden = forecast === undefined;
  if (forecast) {
    renderForecast($('forecast-table', HTMLTableElement), forecast, names);
    $('forecast-refused').hidden = forecast.refusals.length === 0;
    renderRefusals($('forecast-refused-list'), forecast.refusals, names);
  }
  $('check').hidden = state.pending === undefined || forecast === undefined || round === undefined;
  if (state.pending !== undefined && forecast && round) renderCheck(forecast, round, names);
  $('results').hidden = issued === undefined;
  if (issued) {
    renderResults($('results-table', HTMLTableElement), issued);
    const refused = refusalsOf(issued);
    $('refused').hidden = refused.length === 0;
    renderRefusals($('refused-list'), refused, names);
    $('results-summary').textContent = t('coord.summary', {
      issued: issued.issued,
      replayed: issued.replayed,
      refused: issued.refused,
    });
  }
  if (state.reconciliation) {
    renderReconciliation($('reconciliation-table', HTMLTableElement), state.reconciliation, names);
  }
}
