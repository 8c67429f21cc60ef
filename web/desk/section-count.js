// Section 2 of the desk (issue 23): counting a shelter's shelves. A lead starts a count session
// (every item, or the ones chosen), blind by default: while it is counted nothing on screen, on
// the printed sheet or in the API's answers says what the books hold. On a phone one item per
// screen (previous, next, a big number field); on a laptop a table; on paper an A4 sheet with
// blank boxes. Each line entered is kept on the device first (count-draft.js) and sent when
// online, so a reload or a dropped network loses nothing; the session goes on from any device
// at /desk#count=<id>. Submitting shows the differences; one beyond its item's tolerance needs a
// reason and a second person's approval, a button on this same page for someone else (the API
// refuses the counter, and the page says so plainly).
import './count-messages.js';
import { ApiError, NetworkError } from '../common/api.js';
import { el, said } from '../common/elements.js';
import { choiceGroup, field, problemErrors, writeForm } from '../common/form.js';
import { formatAmount, formatNumber, formatTime, t } from '../common/i18n.js';
import { dropDraft, keepLine, markSent, readDraft, waitingLines } from './count-draft.js';
import { nameOf } from './names.js';

/** @typedef {import('../common/api-contract.js').Schema<'CountSession'>} Session */
/** @typedef {import('../common/api-contract.js').Schema<'CountLine'>} Line */
/** @typedef {import('../common/form.js').FormError} FormError */
/** @typedef {import('./desk-types.js').DeskContext} DeskContext */
/** @typedef {import('./desk-types.js').DeskSection} DeskSection */

/** @type {DeskContext} */
let desk;
/** The session on screen. @type {Session | undefined} */
let session;
/** On a phone, the line on screen. */
let current = 0;
/** Each load's number: an answer to an older load is dropped. */
let loads = 0;

const view = {
  done: el('p', { class: 'done', role: 'status', tabindex: '-1' }),
  error: el('p', { class: 'error', role: 'alert' }),
  body: el('div', { class: 'stack count-body' }),
};

function shelterName() {
  const shelter = desk.shelter();
  return nameOf(shelter, shelter.id);
}

/** @param {Line} line */
function itemName(line) {
  return nameOf(line, line.itemId);
}

/** @param {{ name?: string | undefined, personId?: string | undefined, keyId: string } | undefined} who */
function personName(who) {
  if (!who) return '';
  if (who.personId !== undefined && who.personId === desk.me.personId) return t('count.you');
  return who.name ?? t('count.machineKey', { key: who.keyId });
}

/** @param {ReadonlyArray<[string, string | undefined]>} facts */
function factList(facts) {
  return el(
    'dl',
    { class: 'facts' },
    facts
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([term, value]) => el('div', {}, [el('dt', { text: term }), el('dd', { text: value })])),
  );
}

function showError(/** @type {unknown} */ err) {
  view.error.textContent = problemErrors(err)
    .map((problem) => problem.message)
    .join(' ');
}

// ---- Starting a count, and the counts in progress ------------------------------------------

/** The form that starts a session: every item or the ones ticked, blind unless said otherwise. */
function startForm() {
  const scope = choiceGroup({
    name: 'scope',
    legend: 'count.scope',
    choices: [
      { value: 'all', label: 'count.scopeAll' },
      { value: 'chosen', label: 'count.scopeChosen' },
    ],
  });
  const all = /** @type {HTMLInputElement} */ (scope.querySelector('input[value=all]'));
  all.checked = true;
  const boxes = desk.items.map((item) => {
    const id = `count-item-${item.id}`;
    const input = el('input', { type: 'checkbox', id, value: item.id });
    return {
      input,
      row: el('div', { class: 'choice' }, [input, el('label', { for: id, text: nameOf(item, item.id) })]),
    };
  });
  const itemsBox = el('fieldset', { class: 'field choices', 'data-field': 'itemIds', hidden: true }, [
    said('legend', 'count.items'),
    el('p', { class: 'field-error', hidden: true }),
    ...boxes.map((b) => b.row),
  ]);
  scope.addEventListener('change', () => {
    itemsBox.hidden = all.checked;
  });
  const open = el('input', { type: 'checkbox', id: 'count-open-figures' });
  const figures = el('div', { class: 'choice' }, [
    open,
    said('label', 'count.showFigures', { for: 'count-open-figures' }),
    said('p', 'count.showFiguresHint', { class: 'hint' }),
  ]);
  const form = el('form', { class: 'stack count-start' }, [
    said('h3', 'count.start'),
    said('p', 'count.blindHint', { class: 'hint' }),
    scope,
    itemsBox,
    figures,
    el('div', { class: 'row' }, [said('button', 'count.startButton', { type: 'submit', class: 'primary' })]),
  ]);
  const chosen = () => boxes.filter((b) => b.input.checked).map((b) => b.input.value);
  writeForm(form, {
    check: () =>
      !all.checked && chosen().length === 0 ? [{ field: 'itemIds', message: t('count.chooseItems') }] : [],
    send: async (idempotencyKey) => {
      const created = await desk.call('POST', '/v1/shelters/{id}/count-sessions', {
        path: { id: desk.shelter().id },
        body: { ...(all.checked ? {} : { itemIds: chosen() }), blind: !open.checked },
        headers: { 'idempotency-key': idempotencyKey },
      });
      desk.go('count', created.id);
      return t('count.started');
    },
  });
  return form;
}

/** The shelter's sessions in progress or waiting for approval, each a link to go on with it. */
async function showStart() {
  const mine = ++loads;
  session = undefined;
  const shelterId = desk.shelter().id;
  const [counting, submitted] = await Promise.all([
    desk.list('/v1/shelters/{id}/count-sessions', { path: { id: shelterId }, query: { status: 'counting' } }),
    desk.list('/v1/shelters/{id}/count-sessions', {
      path: { id: shelterId },
      query: { status: 'submitted' },
    }),
  ]);
  if (mine !== loads) return;
  desk.count('count', submitted.length || undefined);
  const link = (/** @type {typeof counting[number]} */ s) =>
    el('li', {}, [
      el('a', {
        href: `#count=${s.id}`,
        text: t(s.status === 'counting' ? 'count.goOn' : 'count.review', {
          when: formatTime(s.created.at),
          who: personName(s.created),
          done: formatNumber(s.countedCount),
          total: formatNumber(s.itemCount),
        }),
      }),
    ]);
  view.body.replaceChildren(
    said('h3', 'count.inProgress'),
    counting.length + submitted.length === 0
      ? el('p', { text: t('count.noneInProgress', { shelter: shelterName() }) })
      : el('ul', { class: 'count-sessions' }, [...submitted.map(link), ...counting.map(link)]),
    startForm(),
  );
}

// ---- Counting: the lines, the draft, the sheet ----------------------------------------------

/**
 * The value typed, or why it will not do.
 * @param {string} raw
 * @param {Line} line
 * @returns {number | string}
 */
function parseCounted(raw, line) {
  const value = Number(raw.replace(',', '.'));
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0) return t('count.enterNumber');
  if (line.wholeNumbers && !Number.isInteger(value)) return t('count.wholeNumber');
  return value;
}

/** What the device holds for a line, else what the server has. @param {Line} line */
function countedNow(line) {
  if (!session) return line.counted;
  return readDraft(session.id)[line.itemId]?.counted ?? line.counted;
}

/** Sends every line waiting on this device; a dropped network leaves them waiting. */
async function sendWaiting() {
  if (session?.status !== 'counting') return;
  const id = session.id;
  for (const [itemId, line] of waitingLines(id)) {
    const body = { counted: line.counted, countedAt: line.countedAt };
    try {
      try {
        await desk.call('PUT', '/v1/count-sessions/{id}/lines/{itemId}', { path: { id, itemId }, body });
      } catch (err) {
        // A device clock before the session's start or ahead of the server's: the arrival time will do.
        if (!(err instanceof ApiError) || err.status !== 400) throw err;
        await desk.call('PUT', '/v1/count-sessions/{id}/lines/{itemId}', {
          path: { id, itemId },
          body: { counted: line.counted },
        });
      }
      markSent(id, itemId, line);
    } catch (err) {
      if (!(err instanceof NetworkError)) showError(err);
      break;
    }
  }
  if (session?.id === id) paintProgress();
}

const progress = el('p', { class: 'summary', 'aria-live': 'polite' });

function paintProgress() {
  if (!session) return;
  const id = session.id;
  const counted = session.lines.filter((line) => countedNow(line) !== null).length;
  const waiting = waitingLines(id).length;
  progress.textContent = [
    t('count.progress', { done: formatNumber(counted), total: formatNumber(session.lines.length) }),
    waiting > 0 ? t('count.waiting', { count: formatNumber(waiting) }) : t('count.allSent'),
  ].join(' ');
  for (const row of document.querySelectorAll('tr[data-item]')) {
    const itemId = /** @type {HTMLElement} */ (row).dataset.item ?? '';
    const state = row.querySelector('.line-state');
    const kept = readDraft(id)[itemId];
    const line = session.lines.find((l) => l.itemId === itemId);
    if (state)
      state.textContent = kept
        ? t(kept.sent ? 'count.sent' : 'count.kept')
        : line?.counted !== null && line?.counted !== undefined
          ? t('count.sent')
          : t('count.notCounted');
  }
}

/** On a phone: the line on screen, and where it is in the list. */
function paintCurrent() {
  const rows = /** @type {HTMLElement[]} */ ([...document.querySelectorAll('tr[data-item]')]);
  for (const [index, row] of rows.entries()) row.classList.toggle('current', index === current);
  const where = document.getElementById('count-where');
  if (where)
    where.textContent = t('count.where', { at: formatNumber(current + 1), total: formatNumber(rows.length) });
}

/** @param {number} to */
function goTo(to) {
  const rows = document.querySelectorAll('tr[data-item]');
  current = Math.max(0, Math.min(rows.length - 1, to));
  paintCurrent();
  /** @type {HTMLInputElement | null} */ (rows[current]?.querySelector('input') ?? null)?.focus();
}

/** @param {Line} line @param {number} index */
function countRow(line, index) {
  const errorId = `count-error-${line.itemId}`;
  const nameId = `count-name-${line.itemId}`;
  const unit = t(`count.unit.${line.unit}`);
  const counted = countedNow(line);
  const input = el('input', {
    type: 'text',
    inputmode: line.wholeNumbers ? 'numeric' : 'decimal',
    autocomplete: 'off',
    class: 'count-input',
    id: `count-input-${line.itemId}`,
    'aria-labelledby': nameId,
    'aria-describedby': errorId,
  });
  input.value = counted === null ? '' : String(counted);
  const error = el('p', { class: 'field-error', id: errorId, hidden: true });
  /** Keeps what was typed, if it is a count: answers whether it is. */
  const commit = () => {
    if (!session || input.value.trim() === '') return false;
    const value = parseCounted(input.value, line);
    error.hidden = typeof value !== 'string';
    if (typeof value === 'string') {
      error.textContent = value;
      input.setAttribute('aria-invalid', 'true');
      return false;
    }
    input.removeAttribute('aria-invalid');
    if (value === countedNow(line)) return true;
    keepLine(session.id, line.itemId, value);
    paintProgress();
    void sendWaiting();
    return true;
  };
  input.addEventListener('change', () => void commit());
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    // On a phone Enter moves on to the next item, once this one is a count.
    if (commit() && window.matchMedia('(max-width: 47.99rem)').matches) goTo(index + 1);
  });
  const showFigure = line.recorded !== undefined;
  return el('tr', { 'data-item': line.itemId }, [
    el('th', { scope: 'row', id: nameId }, [
      el('span', { class: 'item-name', text: itemName(line) }),
      el('span', { class: 'item-unit', text: ` (${unit})` }),
    ]),
    showFigure ? el('td', { text: formatAmount(line.recorded ?? 0, line.unit) }) : undefined,
    el('td', { class: 'field' }, [error, input]),
    el('td', { class: 'line-state' }),
  ]);
}

/** The A4 sheet for counting on paper: blank boxes, never a figure from the books. @param {Session} s */
function sheet(s) {
  return el('div', { class: 'count-sheet', 'aria-hidden': 'true' }, [
    el('h2', { text: t('count.sheetTitle', { shelter: shelterName() }) }),
    el('p', { text: t('count.sheetFacts', { id: s.id, when: formatTime(s.created.at) }) }),
    el('table', {}, [
      el('thead', {}, [
        el('tr', {}, [
          said('th', 'count.item'),
          said('th', 'count.unitHeading'),
          said('th', 'count.counted'),
          said('th', 'count.note'),
        ]),
      ]),
      el(
        'tbody',
        {},
        s.lines.map((line) =>
          el('tr', {}, [
            el('td', { text: itemName(line) }),
            el('td', { text: t(`count.unit.${line.unit}`) }),
            el('td', { class: 'box' }),
            el('td', { class: 'box' }),
          ]),
        ),
      ),
    ]),
    said('p', 'count.sheetSign', { class: 'sign' }),
  ]);
}

/** The form that submits the count, after its check-your-answers step. @param {Session} s */
function submitForm(s) {
  const form = el('form', { class: 'stack' }, [
    el('div', { class: 'row' }, [said('button', 'count.submit', { type: 'submit', class: 'primary' })]),
  ]);
  writeForm(form, {
    check: () => {
      const missing = s.lines.filter((line) => countedNow(line) === null).map(itemName);
      if (missing.length > 0) return [{ message: t('count.missing', { items: missing.join(', ') }) }];
      if (waitingLines(s.id).length > 0) return [{ message: t('count.notSentYet') }];
      return [];
    },
    confirm: () => ({
      heading: t('count.checkSubmit'),
      facts: [
        [t('count.at'), shelterName()],
        [t('count.itemsCounted'), formatNumber(s.lines.length)],
      ],
      effect: t('count.submitEffect'),
      action: t('count.submitAction'),
    }),
    send: async (idempotencyKey) => {
      const answer = await desk.call('POST', '/v1/count-sessions/{id}/submit', {
        path: { id: s.id },
        headers: { 'idempotency-key': idempotencyKey },
      });
      dropDraft(s.id);
      return t(answer.status === 'posted' ? 'count.postedAtSubmit' : 'count.submitted');
    },
    done: (message) => void reopen(s.id, message),
    explain: (err) =>
      err.code === 'count-incomplete' ? [{ message: t('count.incompleteOnServer') }] : undefined,
  });
  return form;
}

/** @param {Session} s */
function countingView(s) {
  const rows = s.lines.map(countRow);
  const figures = s.lines.some((line) => line.recorded !== undefined);
  const previous = said('button', 'count.previous', { type: 'button', class: 'secondary' });
  const next = said('button', 'count.next', { type: 'button', class: 'secondary' });
  previous.addEventListener('click', () => goTo(current - 1));
  next.addEventListener('click', () => goTo(current + 1));
  const print = said('button', 'count.print', { type: 'button', class: 'secondary' });
  print.addEventListener('click', () => window.print());
  return [
    el('h3', {
      id: 'count-heading',
      tabindex: '-1',
      text: t('count.countingAt', { shelter: shelterName() }),
    }),
    factList([
      [t('count.startedBy'), `${personName(s.created)}, ${formatTime(s.created.at)}`],
      [t('count.noteTerm'), s.note],
      [t('count.rejectedNote'), s.rejections.at(-1)?.note],
    ]),
    said('p', s.blind ? 'count.blindNow' : 'count.openNow', { class: 'hint' }),
    progress,
    el('div', { class: 'row toolbar' }, [print]),
    el('p', { class: 'phone-only', id: 'count-where', 'aria-live': 'polite' }),
    el('table', { class: 'count-lines' }, [
      el('thead', {}, [
        el('tr', {}, [
          said('th', 'count.item', { scope: 'col' }),
          figures ? said('th', 'count.recorded', { scope: 'col' }) : undefined,
          said('th', 'count.counted', { scope: 'col' }),
          said('th', 'count.state', { scope: 'col' }),
        ]),
      ]),
      el('tbody', {}, rows),
    ]),
    el('div', { class: 'row phone-only count-steps' }, [previous, next]),
    submitForm(s),
    sheet(s),
  ];
}

// ---- Submitted: the differences, their reasons, the second person's approval --------------

/** @param {Line} line */
function differenceText(line) {
  const difference = line.difference ?? 0;
  const sign = difference > 0 ? '+' : difference < 0 ? '−' : '';
  return `${sign}${formatAmount(Math.abs(difference), line.unit)}`;
}

/** A reason for a line beyond tolerance, given or changed (idempotent by nature). @param {Session} s @param {Line} line */
function reasonForm(s, line) {
  const text = el('textarea', { rows: '2', autocomplete: 'off' });
  text.value = line.reason?.text ?? '';
  const form = el('form', { class: 'stack reason-form' }, [
    field({ name: 'reason', label: 'count.reason', hint: 'count.reasonHint', control: text }),
    el('div', { class: 'row' }, [
      el('button', {
        type: 'submit',
        class: 'secondary',
        text: t('count.saveReason', { item: itemName(line) }),
      }),
    ]),
  ]);
  writeForm(form, {
    check: () => (text.value.trim() === '' ? [{ field: 'reason', message: t('count.enterReason') }] : []),
    send: async () => {
      await desk.call('PUT', '/v1/count-sessions/{id}/lines/{itemId}/reason', {
        path: { id: s.id, itemId: line.itemId },
        body: { reason: text.value.trim() },
      });
      return t('count.reasonSaved', { item: itemName(line) });
    },
    done: (message) => void reopen(s.id, message),
  });
  return form;
}

/** @param {Session} s */
function approveForm(s) {
  const note = el('textarea', { rows: '2', autocomplete: 'off' });
  const form = el('form', { class: 'stack' }, [
    field({ name: 'note', label: 'count.approveNote', control: note }),
    el('div', { class: 'row' }, [said('button', 'count.approve', { type: 'submit', class: 'primary' })]),
  ]);
  const beyond = s.lines.filter((line) => line.needsApproval);
  writeForm(form, {
    confirm: () => ({
      heading: t('count.checkApprove'),
      facts: [
        [t('count.at'), shelterName()],
        ...beyond.map(
          (line) =>
            /** @type {[string, string]} */ ([
              itemName(line),
              `${differenceText(line)} · ${line.reason?.text ?? ''}`,
            ]),
        ),
      ],
      effect: t('count.approveEffect', { shelter: shelterName() }),
      action: t('count.approveAction'),
    }),
    send: async (idempotencyKey) => {
      const text = note.value.trim();
      await desk.call('POST', '/v1/count-sessions/{id}/approve', {
        path: { id: s.id },
        body: text === '' ? {} : { note: text },
        headers: { 'idempotency-key': idempotencyKey },
      });
      return t('count.approved');
    },
    done: (message) => void reopen(s.id, message),
    explain: (err) => {
      if (err.code === 'count-needs-second-person') return [{ message: t('count.notYou') }];
      if (err.code === 'count-reasons-missing') return [{ message: t('count.reasonsMissing') }];
      return undefined;
    },
  });
  return form;
}

/** @param {Session} s */
function reviewTable(s) {
  const posted = s.status === 'posted';
  return el('table', { class: 'count-review' }, [
    el('thead', {}, [
      el('tr', {}, [
        said('th', 'count.item', { scope: 'col' }),
        said('th', 'count.counted', { scope: 'col' }),
        said('th', 'count.recorded', { scope: 'col' }),
        said('th', 'count.difference', { scope: 'col' }),
        said('th', posted ? 'count.balanceAfter' : 'count.allowed', { scope: 'col' }),
        said('th', 'count.reason', { scope: 'col' }),
      ]),
    ]),
    el(
      'tbody',
      {},
      s.lines.map((line) =>
        el('tr', { class: line.needsApproval ? 'beyond' : undefined }, [
          el('th', { scope: 'row', text: itemName(line) }),
          // Each cell names its column: on a phone the table is a list of cards, without its head.
          el('td', { 'data-label': t('count.counted'), text: formatAmount(line.counted ?? 0, line.unit) }),
          el('td', { 'data-label': t('count.recorded'), text: formatAmount(line.recorded ?? 0, line.unit) }),
          el('td', {
            'data-label': t('count.difference'),
            text: `${differenceText(line)}${line.needsApproval ? ` · ${t('count.beyond')}` : ''}`,
          }),
          el('td', {
            'data-label': t(posted ? 'count.balanceAfter' : 'count.allowed'),
            text: posted
              ? line.posted?.balanceAfter === undefined
                ? ''
                : formatAmount(line.posted.balanceAfter, line.unit)
              : formatAmount(line.allowed ?? 0, line.unit),
          }),
          el('td', { 'data-label': t('count.reason'), translate: 'no', text: line.reason?.text ?? '' }),
        ]),
      ),
    ),
  ]);
}

/** @param {Session} s */
function counters(s) {
  const names = new Set(
    s.lines.flatMap((line) => (line.countedBy ? [personName({ ...line.countedBy })] : [])),
  );
  return [...names].join(', ');
}

/** @param {Session} s */
function reviewView(s) {
  const approval = s.approval;
  const heading = el('h3', {
    id: 'count-heading',
    tabindex: '-1',
    text: t(
      s.status === 'posted'
        ? 'count.postedAt'
        : s.status === 'cancelled'
          ? 'count.cancelledAt'
          : 'count.submittedAt',
      {
        shelter: shelterName(),
      },
    ),
  });
  const facts = factList([
    [t('count.countedBy'), counters(s)],
    [t('count.submittedBy'), s.submission && `${personName(s.submission)}, ${formatTime(s.submission.at)}`],
    [t('count.postedBy'), s.posting && `${personName(s.posting)}, ${formatTime(s.posting.at)}`],
    [t('count.approveNote'), s.posting?.note],
  ]);
  if (s.status !== 'submitted' || !approval)
    return [heading, facts, s.status === 'cancelled' ? undefined : reviewTable(s)];
  const notBy = approval.notBy.map((p) =>
    p.personId === desk.me.personId ? t('count.you') : (p.name ?? p.personId),
  );
  const beyond = s.lines.filter((line) => line.needsApproval);
  return [
    heading,
    facts,
    said('p', 'count.differencesIntro', { class: 'intro' }),
    reviewTable(s),
    said('h4', 'count.reasons'),
    ...beyond.map((line) =>
      el('div', { class: 'stack reason' }, [
        el('p', { class: 'item-line', text: `${itemName(line)}: ${differenceText(line)}` }),
        reasonForm(s, line),
      ]),
    ),
    said('h4', 'count.approval'),
    el('p', { text: t('count.approvalHint', { people: notBy.join(', ') }) }),
    approveForm(s),
  ];
}

// ---- Opening a session ----------------------------------------------------------------------

/** @param {string} id @param {string} [message] */
async function reopen(id, message = '') {
  await openSession(id);
  view.done.textContent = message;
  if (message) view.done.focus();
}

/** @param {string} id */
async function openSession(id) {
  const mine = ++loads;
  const opened = await desk.call('GET', '/v1/count-sessions/{id}', { path: { id } });
  if (mine !== loads) return;
  session = opened;
  current = 0;
  if (opened.status !== 'counting') dropDraft(opened.id);
  const parts = opened.status === 'counting' ? countingView(opened) : reviewView(opened);
  view.body.replaceChildren(...parts.filter((part) => part !== undefined));
  if (opened.status === 'counting') {
    paintProgress();
    paintCurrent();
    await sendWaiting();
  }
}

/** @param {import('./desk-types.js').DeskRoute} route */
async function show(route) {
  view.error.textContent = '';
  view.done.textContent = '';
  try {
    if (route.argument) await openSession(route.argument);
    else await showStart();
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) view.error.textContent = t('count.notFound');
    else showError(err);
  }
}

/** @type {DeskSection} */
export const countSection = {
  id: 'count',
  title: 'count.title',
  mount(host, context) {
    desk = context;
    session = undefined;
    host.append(said('p', 'count.intro', { class: 'intro' }), view.done, view.error, view.body);
    // Back online: what waits on this device goes to the server.
    window.addEventListener('online', () => void sendWaiting());
  },
  show,
  render() {
    if (session) void openSession(session.id);
    else void showStart().catch(showError);
  },
};
