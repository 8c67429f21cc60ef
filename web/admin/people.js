// People: the volunteers, coordinators, logistics leads and admins who sign in with keys of their
// own, each key made by accepting an invitation (a QR code on screen, or a link to send). An admin
// manages everyone; a coordinator the volunteers of its organisation at its shelters (the API
// lists and answers only those, so the page shows what it is given).
import { apiCall, listAll } from '../common/api.js';
import { formatNumber, formatTime } from '../common/i18n.js';
import { at } from './admin-i18n.js';
import { confirmStep, problemErrors } from './form.js';
import { addPersonForm } from './person-add.js';
import { detailPanel } from './person-detail.js';
import { openEdit } from './person-edit.js';
import { openInvite } from './person-invite.js';
import { button, el, fillList, recordItem, said } from './ui.js';
import { orgName, roleLabel, whereWords } from './words.js';

/** @typedef {import('./admin.js').AdminContext} AdminContext */
/** @typedef {import('./admin-types.js').Person} Person */
/** @typedef {import('./admin-types.js').PersonDetail} PersonDetail */

/** @type {AdminContext | undefined} */
let context;
const list = el('ul', { class: 'records people', 'aria-labelledby': 'people-list-title' });
const status = el('p', { class: 'done', role: 'status' });
const error = el('p', { class: 'error', role: 'alert' });
const shown = el('p', { class: 'muted', id: 'people-shown' });
const show = el('select', { id: 'people-show' });
const find = el('input', { id: 'people-find', type: 'search', autocomplete: 'off', spellcheck: 'false' });
/** @type {Person[]} */
let people = [];
/** The details open, by person: kept open when the list is drawn again. @type {Map<string, PersonDetail>} */
const details = new Map();
/** @type {import('./form.js').WriteForm | undefined} */
let create;

/** Which people the list shows: those not revoked unless asked. */
const FILTERS = /** @type {const} */ (['current', 'active', 'invited', 'revoked', 'all']);

/** @param {string} personStatus */
function statusLabel(personStatus) {
  if (personStatus === 'invited') return at('person.invited');
  if (personStatus === 'active') return at('person.active');
  if (personStatus === 'revoked') return at('person.revoked');
  return personStatus;
}

/** @param {unknown} err */
function say(err) {
  error.textContent = problemErrors(err)
    .map((problem) => problem.message)
    .join(' ');
}

async function load() {
  if (!context) return;
  error.textContent = '';
  try {
    people = await listAll(context.state.key, '/v1/people');
  } catch (err) {
    say(err);
  }
  renderList();
}

/**
 * The person's record again, focused, after an action drew the list again (or a dialog closed).
 * @param {string} personId
 */
function focusPerson(personId) {
  const heading = /** @type {HTMLElement | null} */ (
    list.querySelector(`[data-person="${CSS.escape(personId)}"] h4`)
  );
  heading?.focus();
}

/** @param {string} personId */
async function readPerson(personId) {
  if (!context) throw new Error('not signed in');
  return apiCall(context.state.key, 'GET', '/v1/people/{id}', { path: { id: personId } });
}

/**
 * @param {Person} person
 * @param {HTMLElement} host the record's actions, replaced by the form until it is done
 */
async function startInvite(person, host) {
  if (!context) return;
  const given = context;
  error.textContent = '';
  let detail;
  try {
    detail = await readPerson(person.id);
  } catch (err) {
    return say(err);
  }
  const saved = [...host.childNodes];
  openInvite({
    host,
    person,
    detail,
    context: given,
    onDone(message) {
      status.textContent = message;
      if (details.has(person.id)) details.delete(person.id);
      host.replaceChildren(...saved);
    },
    onCancel() {
      host.replaceChildren(...saved);
      focusPerson(person.id);
    },
    onClosed() {
      load().then(() => focusPerson(person.id));
    },
  });
}

/**
 * The check before a person is revoked: what they hold, and what revoking does to it.
 * @param {Person} person
 * @param {HTMLElement} host
 */
async function confirmRevoke(person, host) {
  if (!context) return;
  const given = context;
  error.textContent = '';
  let detail;
  try {
    detail = await readPerson(person.id);
  } catch (err) {
    return say(err);
  }
  const keys = detail.keys.filter((key) => key.revokedAt === undefined);
  const phones = detail.devices.filter((device) => device.status !== 'revoked');
  const pending = detail.invitations.filter((invitation) => invitation.status === 'pending');
  const saved = [...host.childNodes];
  confirmStep({
    host,
    heading: at('person.checkRevoke'),
    facts: [
      [at('person.name'), person.displayName],
      [at('person.role'), roleLabel(person.role)],
      [at('person.where'), whereWords(given.state, person.role, person.scope)],
      [at('person.keys'), keys.length === 0 ? at('person.none') : keys.map((key) => key.label).join(', ')],
      [
        at('person.devices'),
        phones.length === 0 ? at('person.none') : phones.map((device) => device.label).join(', '),
      ],
      [at('person.invitations'), at('person.pendingCount', { n: formatNumber(pending.length) })],
    ],
    warning: at('person.revokeWarning'),
    action: at('person.revokeNamed', { name: person.displayName }),
    async run(idempotencyKey) {
      await apiCall(given.state.key, 'POST', '/v1/people/{id}/revoke', {
        path: { id: person.id },
        headers: { 'idempotency-key': idempotencyKey },
      });
      return at('person.revokedDone', {
        name: person.displayName,
        keys: formatNumber(keys.length),
        phones: formatNumber(phones.length),
      });
    },
    async onDone(message) {
      status.textContent = message;
      details.delete(person.id);
      await load();
      focusPerson(person.id);
    },
    onCancel() {
      host.replaceChildren(...saved);
      focusPerson(person.id);
    },
  });
}

/** @param {Person} person */
function addedWords(person) {
  const when = formatTime(person.createdAt);
  return person.createdByName === undefined
    ? at('person.addedByKey', { time: when, key: person.createdBy })
    : at('person.addedByName', { time: when, name: person.createdByName });
}

/** @param {Person} person */
function personItem(person) {
  if (!context) throw new Error('not signed in');
  const given = context;
  const actions = el('div', { class: 'row actions' });
  const detail = details.get(person.id);
  const more = button(detail ? 'person.hideDetails' : 'person.showDetails', { name: person.displayName });
  more.setAttribute('aria-expanded', String(detail !== undefined));
  more.addEventListener('click', async () => {
    if (details.has(person.id)) details.delete(person.id);
    else {
      try {
        details.set(person.id, await readPerson(person.id));
      } catch (err) {
        return say(err);
      }
    }
    renderList();
    focusPerson(person.id);
  });
  if (person.status !== 'revoked') {
    const invite = button(person.status === 'invited' ? 'person.invite' : 'person.inviteAgain', {
      name: person.displayName,
    });
    invite.addEventListener('click', () => startInvite(person, actions));
    const change = button('person.changeNamed', { name: person.displayName });
    change.addEventListener('click', () => {
      const saved = [...actions.childNodes];
      openEdit({
        host: actions,
        person,
        context: given,
        async onDone(message) {
          status.textContent = message;
          details.delete(person.id);
          await load();
          focusPerson(person.id);
        },
        onCancel() {
          actions.replaceChildren(...saved);
          focusPerson(person.id);
        },
      });
    });
    actions.append(invite, change, more);
    // Nobody revokes themselves (the server refuses it: an admin could lock the last admin out).
    if (person.id !== given.state.me.personId) {
      const revoke = button('person.revokeNamed', { name: person.displayName });
      revoke.addEventListener('click', () => confirmRevoke(person, actions));
      actions.append(revoke);
    }
  } else actions.append(more);
  const item = recordItem({
    title: person.displayName,
    lines: [
      ['person.role', roleLabel(person.role)],
      ['person.status', statusLabel(person.status)],
      ['person.where', whereWords(given.state, person.role, person.scope)],
      ['person.org', given.state.me.role === 'admin' ? orgName(given.state, person.orgId) : undefined],
      ['person.lastSeen', person.lastSeenAt ? formatTime(person.lastSeenAt) : at('device.never')],
      ['person.addedWhen', addedWords(person)],
      ['person.revokedAt', person.revokedAt ? formatTime(person.revokedAt) : undefined],
    ],
    extra: [
      actions,
      detail
        ? detailPanel({
            person,
            detail,
            context: given,
            async changed(message) {
              status.textContent = message;
              try {
                details.set(person.id, await readPerson(person.id));
              } catch (err) {
                say(err);
              }
              await load();
              focusPerson(person.id);
            },
          })
        : undefined,
    ],
  });
  item.setAttribute('data-person', person.id);
  item.querySelector('h4')?.setAttribute('tabindex', '-1');
  return item;
}

/** @param {Person} person */
function wanted(person) {
  const filter = show.value;
  const byStatus =
    filter === 'all' || (filter === 'current' ? person.status !== 'revoked' : person.status === filter);
  const text = find.value.trim().toLocaleLowerCase();
  return byStatus && (text === '' || person.displayName.toLocaleLowerCase().includes(text));
}

function renderList() {
  if (!context) return;
  const chosen = people.filter(wanted);
  shown.textContent = at('people.shown', {
    n: formatNumber(chosen.length),
    all: formatNumber(people.length),
  });
  fillList(list, chosen.map(personItem));
}

/** The filter's options, in the chosen language, keeping the choice. */
function fillFilter() {
  const chosen = show.value || 'current';
  show.replaceChildren(
    ...FILTERS.map((filter) => el('option', { value: filter, text: at(`people.show.${filter}`) })),
  );
  show.value = chosen;
}

/** @type {(() => void) | undefined} */
let showScope;

/** @type {import('./admin.js').Section} */
export const peopleSection = {
  id: 'people',
  title: 'people.title',
  roles: ['admin', 'coordinator'],
  mount(host, given) {
    context = given;
    const added = addPersonForm(given, async (person) => {
      show.value = 'current';
      find.value = '';
      await load();
      // Next, their invitation: the form for it opens on their record.
      const actions = /** @type {HTMLElement | null} */ (
        list.querySelector(`[data-person="${CSS.escape(person.id)}"] .actions`)
      );
      if (actions) startInvite(person, actions);
    });
    create = added.form;
    showScope = added.showReach;
    fillFilter();
    show.addEventListener('change', renderList);
    find.addEventListener('input', renderList);
    host.append(
      said('p', given.state.me.role === 'admin' ? 'people.introAdmin' : 'people.introCoordinator', {
        class: 'muted',
      }),
      create.box,
      el('div', { class: 'filters row' }, [
        el('div', { class: 'field' }, [said('label', 'people.show', { for: 'people-show' }), show]),
        el('div', { class: 'field' }, [said('label', 'people.find', { for: 'people-find' }), find]),
      ]),
      said('h3', 'people.list', { id: 'people-list-title' }),
      shown,
      status,
      error,
      list,
    );
    load();
  },
  render() {
    if (!context) return;
    fillFilter();
    create?.refresh();
    showScope?.();
    renderList();
  },
};
