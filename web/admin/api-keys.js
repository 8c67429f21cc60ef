// Partner API keys: the machine keys of partner systems and scripts, listed per organisation
// (GET /v1/api-keys?kind=machine; never a secret: the API keeps only a hash of each), created with
// the secret shown once, revoked after a check. People get keys of their own from an invitation
// (the People section), not here.
import { apiCall, listAll } from '../common/api.js';
import { formatNumber, formatTime } from '../common/i18n.js';
import { at } from './admin-i18n.js';
import { confirmStep, problemErrors, writeForm } from './form.js';
import { showSecretOnce } from './secret.js';
import { button, el, fillList, nameOf, recordItem, said } from './ui.js';
import { orgName, roleLabel, whereWords } from './words.js';

/** @typedef {import('./admin.js').AdminContext} AdminContext */
/** @typedef {import('./admin-types.js').ApiKey} ApiKey */

/** @type {AdminContext | undefined} */
let context;
const list = el('ul', { class: 'records', 'aria-labelledby': 'keys-list-title' });
const secretHost = el('div');
const status = el('p', { class: 'done', role: 'status' });
const error = el('p', { class: 'error', role: 'alert' });
const shown = el('p', { class: 'muted' });
const showRevoked = el('input', { type: 'checkbox', id: 'keys-show-revoked' });
/** @type {ApiKey[]} */
let keys = [];
/** @type {import('./form.js').WriteForm | undefined} */
let create;

/**
 * A scope list as the API takes it: every one ("*") when "all" is ticked.
 * @param {unknown} chosen
 */
function scopeList(chosen) {
  if (!Array.isArray(chosen)) return undefined;
  return chosen.includes('*') ? '*' : chosen.map(String);
}

/**
 * Shows only the half of the scope the chosen role acts through (as the server asks it).
 * @param {HTMLFormElement} form
 */
function showScopeFor(form) {
  const role = /** @type {HTMLSelectElement} */ (form.elements.namedItem('role')).value;
  const shelters = form.querySelector('[data-field="scope.shelterIds"]');
  const points = form.querySelector('[data-field="scope.pickupPointIds"]');
  shelters?.toggleAttribute('hidden', !(role === 'coordinator' || role === 'logistics'));
  points?.toggleAttribute('hidden', role !== 'volunteer');
}

/** Every organisation's machine keys, revoked ones included (the page hides them unless asked). */
async function load() {
  if (!context) return;
  const given = context;
  error.textContent = '';
  try {
    const orgIds = given.state.organisations.map((org) => org.id);
    const lists = await Promise.all(
      (orgIds.length > 0 ? orgIds : [given.state.me.orgId]).map((orgId) =>
        listAll(given.state.key, '/v1/api-keys', { query: { orgId, kind: 'machine' } }),
      ),
    );
    keys = lists.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  } catch (err) {
    error.textContent = problemErrors(err)
      .map((problem) => problem.message)
      .join(' ');
  }
  renderList();
}

/**
 * The check before a revoke, in the host of the key's record.
 * @param {AdminContext} given
 * @param {HTMLElement} host
 * @param {ApiKey} key
 */
function confirmRevoke(given, host, key) {
  const saved = [...host.childNodes];
  confirmStep({
    host,
    heading: at('key.checkRevoke'),
    facts: [
      [at('key.label'), key.label],
      [at('key.id'), key.id],
      [at('key.role'), roleLabel(key.role)],
      [at('key.org'), orgName(given.state, key.orgId)],
      [at('key.where'), whereWords(given.state, key.role, key.scope)],
    ],
    warning: at('key.revokeWarning'),
    action: at('key.revokeNamed', { name: key.label }),
    async run() {
      const revoked = await apiCall(given.state.key, 'DELETE', '/v1/api-keys/{id}', { path: { id: key.id } });
      return at('key.revoked', { name: revoked.label, id: revoked.id });
    },
    async onDone(message) {
      status.textContent = message;
      await load();
      /** @type {HTMLElement | null} */ (
        list.querySelector(`[data-key="${CSS.escape(key.id)}"] h4`)
      )?.focus();
    },
    onCancel() {
      host.replaceChildren(...saved);
    },
  });
}

function renderList() {
  if (!context) return;
  const given = context;
  const chosen = keys.filter((key) => showRevoked.checked || key.revokedAt === undefined);
  shown.textContent = at('key.shown', { n: formatNumber(chosen.length), all: formatNumber(keys.length) });
  fillList(
    list,
    chosen.map((key) => {
      const actions = el('div', { class: 'row actions' });
      // The key signed in here is not offered: a key cannot revoke itself (the server refuses it).
      if (key.revokedAt === undefined && key.id !== given.state.me.keyId) {
        const revoke = button('key.revokeNamed', { name: key.label });
        revoke.addEventListener('click', () => confirmRevoke(given, actions, key));
        actions.append(revoke);
      }
      const item = recordItem({
        title: key.label,
        lines: [
          ['key.role', roleLabel(key.role)],
          ['key.org', orgName(given.state, key.orgId)],
          ['key.where', whereWords(given.state, key.role, key.scope)],
          ['key.id', key.id],
          ['list.created', formatTime(key.createdAt)],
          ['key.revokedAt', key.revokedAt ? formatTime(key.revokedAt) : undefined],
        ],
        extra: [actions],
      });
      item.setAttribute('data-key', key.id);
      item.querySelector('h4')?.setAttribute('tabindex', '-1');
      return item;
    }),
  );
}

/** @param {AdminContext} given */
function createForm(given) {
  const shelterChoices = () => [
    { value: '*', label: at('key.allShelters') },
    ...given.state.shelters.map((shelter) => ({ value: shelter.id, label: nameOf(shelter) })),
  ];
  const pointChoices = () => [
    { value: '*', label: at('key.allPoints') },
    ...given.state.shelters.flatMap((shelter) =>
      (given.state.points.get(shelter.id) ?? []).map((point) => ({
        value: point.id,
        label: at('scope.pointAt', { point: nameOf(point), shelter: nameOf(shelter) }),
      })),
    ),
  ];
  const form = writeForm({
    title: 'key.new',
    folded: true,
    fields: [
      { name: 'label', label: 'key.label', hint: 'key.labelHint', required: true },
      {
        name: 'role',
        label: 'key.role',
        kind: 'select',
        options: () =>
          (given.state.document.components.schemas.Role?.enum ?? []).map((role) => ({
            value: role,
            label: roleLabel(role),
          })),
      },
      {
        name: 'orgId',
        label: 'key.org',
        kind: 'select',
        options: () =>
          given.state.organisations.map((org) => ({ value: org.id, label: orgName(given.state, org.id) })),
      },
      {
        name: 'scope.shelterIds',
        label: 'key.shelters',
        kind: 'choices',
        options: shelterChoices,
        hint: 'key.sheltersHint',
      },
      {
        name: 'scope.pickupPointIds',
        label: 'key.points',
        kind: 'choices',
        options: pointChoices,
        hint: 'key.pointsHint',
      },
    ],
    submitLabel: (values) =>
      at('key.createFor', { role: roleLabel(String(values.role ?? '')), org: String(values.orgId ?? '') }),
    // No Idempotency-Key: the answer holds the secret, which the server never stores to replay.
    // The form sends once per press (its button is disabled while it runs).
    async send(values) {
      const scope = /** @type {{ shelterIds?: unknown, pickupPointIds?: unknown } | undefined} */ (
        values.scope
      );
      const role = /** @type {import('../common/api-types.js').Role} */ (values.role);
      const created = await apiCall(given.state.key, 'POST', '/v1/api-keys', {
        body: {
          label: String(values.label ?? ''),
          role,
          orgId: String(values.orgId ?? ''),
          ...(role === 'admin'
            ? {}
            : {
                scope: {
                  shelterIds: scopeList(scope?.shelterIds),
                  pickupPointIds: scopeList(scope?.pickupPointIds),
                },
              }),
        },
      });
      const { apiKey, ...view } = created;
      await load();
      showSecretOnce(secretHost, { heading: at('key.secretHeading', { name: view.label }), secret: apiKey });
      return at('key.created', { name: view.label, role: roleLabel(view.role) });
    },
  });
  const roleSelect = /** @type {HTMLSelectElement} */ (form.form.elements.namedItem('role'));
  roleSelect.addEventListener('change', () => showScopeFor(form.form));
  showScopeFor(form.form);
  return form;
}

/** @type {import('./admin.js').Section} */
export const apiKeysSection = {
  id: 'api-keys',
  title: 'key.title',
  roles: ['admin'],
  mount(host, given) {
    context = given;
    create = createForm(given);
    showRevoked.addEventListener('change', renderList);
    host.append(
      said('p', 'key.intro', { class: 'muted' }),
      secretHost,
      create.box,
      said('h3', 'key.list', { id: 'keys-list-title' }),
      el('div', { class: 'check-row' }, [
        showRevoked,
        said('label', 'key.showRevoked', { for: 'keys-show-revoked' }),
      ]),
      shown,
      status,
      error,
      list,
    );
  },
  render() {
    if (!context) return;
    create?.refresh();
    if (create) showScopeFor(create.form);
    // The organisations arrive after mounting, and grow: each one's keys are read once it is known.
    const orgs = context.state.organisations.map((org) => org.id).join(' ');
    if (orgs !== loadedFor) {
      loadedFor = orgs;
      load();
    } else renderList();
  },
};

/** The organisations whose keys are read. */
let loadedFor = '';
