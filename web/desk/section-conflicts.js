// Section 5 of the desk (issue 23): the offline conflicts at the lead's shelter. Each shows both
// sides: what the phone recorded (which phone, at which pickup point, when by its clock, the
// goods) and what the server had (the voucher's state: handed over where and when, cancelled,
// held by another phone...). The lead resolves it as "goods were handed out" (the stock on
// record goes down by them, as a duplicate-handover adjustment) or "nothing was handed out"
// (no stock moves), after a check-your-answers step that says which. Resolved conflicts leave
// the open list; "Resolved" lists them with who resolved them, when and why.
// No beneficiary data: a conflict holds none (a voucher id, phones, points, times, goods), and
// this section asks for none (the note's hint says so).
import './conflicts-messages.js';
import { ApiError } from '../common/api.js';
import { el, said } from '../common/elements.js';
import { choiceGroup, field, problemErrors, writeForm } from '../common/form.js';
import { formatTime, t } from '../common/i18n.js';
import { linesText, nameOf } from './names.js';

/** @typedef {import('../common/api-contract.js').Schema<'Conflict'>} Conflict */
/** @typedef {import('../common/api-contract.js').Schema<'ConflictOutcome'>} Outcome */
/** @typedef {import('../common/api-types.js').PickupPoint} PickupPoint */
/** @typedef {import('../common/form.js').FormError} FormError */
/** @typedef {import('../common/form.js').WriteForm} WriteForm */
/** @typedef {import('./desk-types.js').DeskContext} DeskContext */
/** @typedef {import('./desk-types.js').DeskSection} DeskSection */

/** What the server takes as a note (resolveConflictSchema): at most 500 characters. */
const NOTE_MAX = 500;

/** @type {DeskContext} */
let desk;
/** @type {'open' | 'resolved'} */
let status = 'open';
/** The conflicts listed now, in the order shown. @type {Conflict[] | undefined} */
let listed;
/** Names of the pickup points and phones the conflicts name, as far as this key may read them. */
const pointNames = new Map(/** @type {Array<[string, PickupPoint]>} */ ([]));
const phoneLabels = new Map(/** @type {Array<[string, string]>} */ ([]));
/** Shelters whose pickup points were read (or refused): read once per sign-in. */
const pointsRead = new Set(/** @type {string[]} */ ([]));
/**
 * The resolve forms built, by conflict: kept across reloads and language changes, so what was
 * typed and the step reached stay as they are.
 * @type {Map<string, { area: HTMLElement, writer: WriteForm }>}
 */
const resolving = new Map();
/** Each load's number: an answer to an older load (another shelter, another filter) is dropped. */
let loads = 0;

const view = {
  list: el('ul', { class: 'conflicts' }),
  summary: el('p', { class: 'summary', 'aria-live': 'polite' }),
  error: el('p', { class: 'error', role: 'alert' }),
  done: el('p', { class: 'done', role: 'status', tabindex: '-1' }),
};

function shelterName() {
  const shelter = desk.shelter();
  return nameOf(shelter, shelter.id);
}

/** @param {string} id */
function pointName(id) {
  return nameOf(pointNames.get(id), id);
}

/** @param {string} id */
function phoneLabel(id) {
  return phoneLabels.get(id) ?? id;
}

/** @param {Conflict} conflict */
function goodsOf(conflict) {
  return linesText(conflict.offline.lines, desk.items);
}

/**
 * The pickup points of these shelters, where not read yet; a shelter this key may not read (a
 * voucher's, elsewhere) leaves its points named by id.
 * @param {string[]} shelterIds
 */
async function readPoints(shelterIds) {
  const unread = [...new Set(shelterIds)].filter((id) => !pointsRead.has(id));
  await Promise.all(
    unread.map(async (shelterId) => {
      try {
        const points = await desk.list('/v1/shelters/{id}/pickup-points', { path: { id: shelterId } });
        for (const point of points) pointNames.set(point.id, point);
        pointsRead.add(shelterId);
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) pointsRead.add(shelterId);
      }
    }),
  );
}

/** The labels of the shelter's phones, read again at each load (phones register all day). */
async function readPhones(/** @type {string} */ shelterId) {
  const devices = await desk.list('/v1/devices', { query: { shelterId } });
  for (const device of devices) phoneLabels.set(device.id, device.label);
}

/** @param {ReadonlyArray<[term: string, value: string | undefined, attributes?: Record<string, string>]>} facts */
function factList(facts) {
  return el(
    'dl',
    { class: 'facts' },
    facts
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([term, value, attributes = {}]) =>
        el('div', {}, [el('dt', { text: term }), el('dd', { ...attributes, text: value })]),
      ),
  );
}

/**
 * Who resolved it: their name now, "you", or the machine key's id (names and ids as typed).
 * @param {NonNullable<Conflict['resolution']>} resolution
 * @returns {[string, Record<string, string>]}
 */
function resolverOf(resolution) {
  if (resolution.resolvedByName) return [resolution.resolvedByName, { translate: 'no' }];
  const { me } = desk;
  const mine =
    resolution.resolvedBy === me.keyId ||
    (me.personId !== undefined && resolution.resolvedByPersonId === me.personId);
  if (mine) return [t('conflicts.you'), {}];
  return [t('conflicts.machineKey', { key: resolution.resolvedBy }), { translate: 'no' }];
}

/** Both sides: what the phone recorded, what the server had. @param {Conflict} conflict */
function sides(conflict) {
  const { offline, first, holder } = conflict;
  const voucherShelter = conflict.voucherShelterId
    ? nameOf(
        desk.everyShelter.find((shelter) => shelter.id === conflict.voucherShelterId),
        conflict.voucherShelterId,
      )
    : undefined;
  const phoneId = `conflict-${conflict.id}-phone`;
  const serverId = `conflict-${conflict.id}-server`;
  return el('div', { class: 'sides' }, [
    el('div', { class: 'side', role: 'group', 'aria-labelledby': phoneId }, [
      said('h4', 'conflicts.phoneSide', { id: phoneId }),
      factList([
        // Labels and notes people typed are shown as typed (translate="no"), never translated.
        [t('conflicts.phone'), offline.deviceLabel, { translate: 'no' }],
        [t('conflicts.point'), pointName(offline.pickupPointId)],
        [t('conflicts.handedAt'), formatTime(offline.deviceTime)],
        [t('conflicts.syncedAt'), formatTime(offline.syncedAt)],
      ]),
    ]),
    el('div', { class: 'side', role: 'group', 'aria-labelledby': serverId }, [
      said('h4', 'conflicts.serverSide', { id: serverId }),
      factList([
        [t('conflicts.voucherState'), t(`conflicts.state.${conflict.reason}`)],
        [
          t('conflicts.firstAt'),
          first &&
            t('conflicts.firstWhere', {
              point: pointName(first.pickupPointId),
              time: formatTime(first.redeemedAt),
            }),
        ],
        [t('conflicts.firstPhone'), first?.deviceId && phoneLabel(first.deviceId), { translate: 'no' }],
        [t('conflicts.holder'), holder?.label, { translate: 'no' }],
        [t('conflicts.voucherShelter'), voucherShelter],
        [t('conflicts.voucher'), conflict.voucherId, { translate: 'no' }],
      ]),
    ]),
  ]);
}

/** Who resolved it, how, when and why. @param {Conflict} conflict */
function resolutionFacts(conflict) {
  const { resolution } = conflict;
  if (!resolution) return undefined;
  return factList([
    [t('conflicts.outcomeTerm'), t(`conflicts.outcome.${resolution.outcome}`)],
    [
      t('conflicts.stock'),
      resolution.movementId
        ? t('conflicts.stockDown', { goods: goodsOf(conflict) })
        : t('conflicts.stockSame'),
    ],
    [t('conflicts.note'), resolution.note, { translate: 'no' }],
    [t('conflicts.resolvedBy'), ...resolverOf(resolution)],
    [t('conflicts.resolvedAt'), formatTime(resolution.resolvedAt)],
  ]);
}

/**
 * The resolve form of an open conflict, behind a button: outcome and note, then the
 * check-your-answers step that says what each choice does to stock, then the write.
 * @param {Conflict} conflict
 */
function resolveArea(conflict) {
  const built = resolving.get(conflict.id);
  if (built) {
    built.writer.retranslate();
    return built.area;
  }
  const bodyId = `resolve-${conflict.id}`;
  const toggle = said('button', 'conflicts.resolve', {
    type: 'button',
    class: 'secondary',
    'aria-expanded': 'false',
    'aria-controls': bodyId,
  });
  const note = el('textarea', { rows: '3', autocomplete: 'off' });
  const form = el('form', { class: 'stack' }, [
    choiceGroup({
      name: 'outcome',
      legend: 'conflicts.outcome',
      hint: 'conflicts.outcomeHint',
      choices: [
        { value: 'goods-handed-out', label: 'conflicts.goodsOut', hint: 'conflicts.goodsOutHint' },
        { value: 'no-goods', label: 'conflicts.noGoods', hint: 'conflicts.noGoodsHint' },
      ],
    }),
    field({ name: 'note', label: 'conflicts.note', hint: 'conflicts.noteHint', control: note }),
    el('div', { class: 'row' }, [said('button', 'conflicts.continue', { type: 'submit', class: 'primary' })]),
  ]);
  const body = el('div', { class: 'stack resolve-body', id: bodyId, hidden: true }, [form]);
  toggle.addEventListener('click', () => {
    body.hidden = !body.hidden;
    toggle.setAttribute('aria-expanded', String(!body.hidden));
  });

  /** @returns {Outcome | undefined} */
  const outcome = () => {
    const chosen = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name=outcome]:checked'));
    return chosen?.value === 'goods-handed-out' || chosen?.value === 'no-goods' ? chosen.value : undefined;
  };
  const words = () => ({ shelter: shelterName(), goods: goodsOf(conflict) });

  const writer = writeForm(form, {
    check: () => {
      /** @type {FormError[]} */
      const errors = [];
      if (outcome() === undefined) errors.push({ field: 'outcome', message: t('conflicts.chooseOutcome') });
      const text = note.value.trim();
      if (text === '') errors.push({ field: 'note', message: t('conflicts.enterNote') });
      else if (text.length > NOTE_MAX) errors.push({ field: 'note', message: t('conflicts.noteTooLong') });
      return errors;
    },
    confirm: () => {
      const chosen = outcome() ?? 'no-goods';
      const out = chosen === 'goods-handed-out';
      return {
        heading: t('conflicts.check'),
        facts: [
          [t('conflicts.goods'), goodsOf(conflict)],
          [t('conflicts.at'), shelterName()],
          [t('conflicts.outcomeTerm'), t(`conflicts.outcome.${chosen}`)],
          [t('conflicts.note'), note.value.trim()],
        ],
        effect: t(out ? 'conflicts.effectOut' : 'conflicts.effectNone', words()),
        action: t(out ? 'conflicts.doOut' : 'conflicts.doNone'),
      };
    },
    confirmLevel: 'h4',
    send: async (idempotencyKey) => {
      const chosen = outcome() ?? 'no-goods';
      try {
        const resolved = await desk.call('POST', '/v1/conflicts/{id}/resolve', {
          path: { id: conflict.id },
          body: { outcome: chosen, note: note.value.trim() },
          headers: { 'idempotency-key': idempotencyKey },
        });
        const moved = resolved.resolution?.movementId !== undefined;
        return t(moved ? 'conflicts.doneOut' : 'conflicts.doneNone', words());
      } catch (err) {
        // Resolved by someone else meanwhile: closed either way, and this press changed nothing.
        if (err instanceof ApiError && err.code === 'conflict') return t('conflicts.resolvedMeanwhile');
        throw err;
      }
    },
    done: (message) => {
      resolving.delete(conflict.id);
      view.done.textContent = message;
      // The card leaves the list: the focus goes to what happened, not to the top of the page.
      view.done.focus();
      void load();
    },
    explain: (err) =>
      err.code === 'insufficient-stock'
        ? [{ message: t('conflicts.shortStock', { shelter: shelterName() }) }]
        : undefined,
  });
  const area = el('div', { class: 'resolve-area stack' }, [toggle, body]);
  resolving.set(conflict.id, { area, writer });
  return area;
}

/** @param {Conflict} conflict */
function card(conflict) {
  const titleId = `conflict-${conflict.id}`;
  return el('li', { class: 'conflict', 'data-conflict': conflict.id, 'data-status': conflict.status }, [
    el('article', { class: 'stack', 'aria-labelledby': titleId }, [
      el('h3', { id: titleId, text: t(`conflicts.reason.${conflict.reason}`) }),
      factList([[t('conflicts.goods'), goodsOf(conflict)]]),
      sides(conflict),
      conflict.status === 'open' ? resolveArea(conflict) : resolutionFacts(conflict),
    ]),
  ]);
}

function renderList() {
  if (!listed) return;
  const count = listed.length;
  const open = status === 'open';
  view.summary.textContent =
    count === 0
      ? t(open ? 'conflicts.noneOpen' : 'conflicts.noneResolved', { shelter: shelterName() })
      : t(open ? 'conflicts.countOpen' : 'conflicts.countResolved', { shelter: shelterName(), count });
  const shown = new Set(
    listed.filter((conflict) => conflict.status === 'open').map((conflict) => conflict.id),
  );
  for (const id of resolving.keys()) if (!shown.has(id)) resolving.delete(id);
  view.list.replaceChildren(...listed.map(card));
}

/**
 * Open ones oldest first, as a queue to work through; resolved ones latest first.
 * @param {Conflict[]} conflicts
 */
function ordered(conflicts) {
  const when = (/** @type {Conflict} */ conflict) =>
    status === 'open' ? conflict.createdAt : (conflict.resolution?.resolvedAt ?? conflict.createdAt);
  const sorted = [...conflicts].sort((a, b) => when(a).localeCompare(when(b)));
  return status === 'open' ? sorted : sorted.reverse();
}

/** Lists the chosen shelter's conflicts of the chosen status, with the names they need. */
async function load() {
  const mine = ++loads;
  const shelterId = desk.shelter().id;
  view.error.textContent = '';
  view.summary.textContent = t('conflicts.loading');
  try {
    const [conflicts] = await Promise.all([
      desk.list('/v1/conflicts', { query: { shelterId, status } }),
      readPhones(shelterId),
      readPoints([shelterId]),
    ]);
    // A voucher of another shelter names a point there: read if this key may.
    await readPoints(conflicts.flatMap((conflict) => conflict.voucherShelterId ?? []));
    if (mine !== loads) return;
    listed = ordered(conflicts);
    // The number beside the section's name: open conflicts, none shown when there are none.
    if (status === 'open') desk.count('conflicts', conflicts.length || undefined);
    renderList();
  } catch (err) {
    if (mine !== loads) return;
    view.summary.textContent = '';
    view.error.textContent = problemErrors(err)
      .map((problem) => problem.message)
      .join(' ');
  }
}

/** The number of open conflicts beside the section's name, while another section is on screen. */
async function countOpen() {
  const shelterId = desk.shelter().id;
  try {
    const open = await desk.list('/v1/conflicts', { query: { shelterId, status: 'open' } });
    if (desk.shelter().id === shelterId) desk.count('conflicts', open.length || undefined);
  } catch {
    // Only a count: the section says what went wrong when it is opened.
    desk.count('conflicts', undefined);
  }
}

/** @param {'open' | 'resolved'} value */
function filterChoice(value) {
  const id = `conflicts-show-${value}`;
  const input = el('input', { type: 'radio', id, name: 'conflicts-show', value, checked: value === status });
  input.addEventListener('change', () => {
    status = value;
    view.done.textContent = '';
    void load();
  });
  return el('div', { class: 'choice' }, [
    input,
    said('label', value === 'open' ? 'conflicts.open' : 'conflicts.resolved', { for: id }),
  ]);
}

/** @type {DeskSection} */
export const conflictsSection = {
  id: 'conflicts',
  title: 'conflicts.title',
  mount(host, context) {
    desk = context;
    status = 'open';
    listed = undefined;
    resolving.clear();
    pointNames.clear();
    pointsRead.clear();
    phoneLabels.clear();
    const refresh = said('button', 'conflicts.refresh', { type: 'button', class: 'secondary' });
    refresh.addEventListener('click', () => {
      view.done.textContent = '';
      void load();
    });
    const filter = el('fieldset', { class: 'filter' }, [
      said('legend', 'conflicts.show'),
      el('div', { class: 'options' }, [filterChoice('open'), filterChoice('resolved')]),
    ]);
    view.done.textContent = '';
    host.append(
      said('p', 'conflicts.intro', { class: 'intro' }),
      el('div', { class: 'toolbar' }, [filter, refresh]),
      view.done,
      view.error,
      view.summary,
      view.list,
    );
  },
  show(route) {
    if (route.argument === 'open' || route.argument === 'resolved') {
      status = route.argument;
      const radio = document.getElementById(`conflicts-show-${status}`);
      if (radio instanceof HTMLInputElement) radio.checked = true;
    }
    return load();
  },
  render: renderList,
  shelterChanged: () => void countOpen(),
};
