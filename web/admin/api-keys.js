// Partner API keys: created with the secret shown once, revoked after a check. The API keeps
// only a hash of each secret, and has no listing of keys: the keys made here are listed until
// the page is closed, and any key can be revoked by its id.
import { formatTime } from '../common/i18n.js';
import { at } from './admin-i18n.js';
import { confirmStep, writeForm } from './form.js';
import { showSecretOnce } from './secret.js';
import { button, el, fillList, nameOf, recordItem, said } from './ui.js';

/** @typedef {import('./admin.js').AdminContext} AdminContext */
/** @typedef {import('./admin-types.js').ApiKeyView} ApiKeyView */
/** @typedef {import('./admin-types.js').CreatedApiKey} CreatedApiKey */
/** @typedef {import('../common/api-types.js').Role} Role */

/** @type {AdminContext | undefined} */
let context;
const list = el('ul', { class: 'records' });
const secretHost = el('div');
/** What the last revoke did: outside the list, which is drawn again after it. */
const revokedStatus = el('p', { class: 'done', role: 'status' });
/** @type {ApiKeyView[]} */
const made = [];
/** @type {Array<import('./form.js').WriteForm>} */
const forms = [];

/** @param {string} role */
export function roleLabel(role) {
  if (role === 'admin') return at('role.admin');
  if (role === 'coordinator') return at('role.coordinator');
  if (role === 'volunteer') return at('role.volunteer');
  if (role === 'logistics') return at('role.logistics');
  return role;
}

/**
 * A scope list as the API takes it: every one ("*") when "all" is ticked.
 * @param {unknown} chosen
 */
function scopeList(chosen) {
  if (!Array.isArray(chosen)) return undefined;
  return chosen.includes('*') ? '*' : chosen;
}

/** @param {ApiKeyView['scope']['shelterIds']} list */
function scopeText(list, /** @type {(id: string) => string} */ name) {
  if (list === '*') return at('key.everywhere');
  return list.map(name).join(', ');
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

/**
 * The check before a revoke, in the host of the key's record.
 * @param {AdminContext} given
 * @param {HTMLElement} host
 * @param {{ id: string, label?: string, role?: string, orgId?: string }} key
 * @param {() => void} done
 */
function confirmRevoke(given, host, key, done) {
  const saved = [...host.childNodes];
  confirmStep({
    host,
    heading: at('key.checkRevoke'),
    facts: [
      [at('key.id'), key.id],
      ...(key.label ? [/** @type {[string, string]} */ ([at('key.label'), key.label])] : []),
      ...(key.role ? [/** @type {[string, string]} */ ([at('key.role'), roleLabel(key.role)])] : []),
      ...(key.orgId ? [/** @type {[string, string]} */ ([at('key.org'), key.orgId])] : []),
    ],
    warning: at('key.revokeWarning'),
    action: at('key.revokeNamed', { name: key.label ?? key.id }),
    async run() {
      /** @type {ApiKeyView} */
      const revoked = await given.call('DELETE', `/v1/api-keys/${encodeURIComponent(key.id)}`);
      const index = made.findIndex((candidate) => candidate.id === revoked.id);
      if (index >= 0) made[index] = revoked;
      return at('key.revoked', { name: revoked.label, id: revoked.id });
    },
    onDone(message) {
      host.replaceChildren();
      revokedStatus.textContent = message;
      done();
    },
    onCancel() {
      host.replaceChildren(...saved);
    },
  });
}

/** @type {import('./admin.js').Section} */
export const apiKeysSection = {
  id: 'api-keys',
  title: 'key.title',
  roles: ['admin'],
  mount(host, given) {
    context = given;
    const shelterChoices = () => [
      { value: '*', label: at('key.allShelters') },
      ...given.state.shelters.map((shelter) => ({ value: shelter.id, label: nameOf(shelter) })),
    ];
    const pointChoices = () => [
      { value: '*', label: at('key.allPoints') },
      ...given.state.shelters.flatMap((shelter) =>
        (given.state.points.get(shelter.id) ?? []).map((point) => ({
          value: point.id,
          label: `${nameOf(point)} (${nameOf(shelter)})`,
        })),
      ),
    ];
    const create = writeForm({
      title: 'key.new',
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
            given.state.organisations.map((org) => ({ value: org.id, label: `${org.name} (${org.id})` })),
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
        at('key.createFor', {
          role: roleLabel(String(values.role ?? '')),
          org: String(values.orgId ?? ''),
        }),
      async send(values, idempotencyKey) {
        const scope = /** @type {{ shelterIds?: unknown, pickupPointIds?: unknown } | undefined} */ (
          values.scope
        );
        const body = {
          ...values,
          scope:
            values.role === 'admin'
              ? undefined
              : {
                  shelterIds: scopeList(scope?.shelterIds),
                  pickupPointIds: scopeList(scope?.pickupPointIds),
                },
        };
        /** @type {CreatedApiKey} */
        const created = await given.call('POST', '/v1/api-keys', body, idempotencyKey);
        const { apiKey, ...view } = created;
        made.unshift(view);
        showSecretOnce(secretHost, {
          heading: at('key.secretHeading', { name: view.label }),
          secret: apiKey,
        });
        apiKeysSection.render();
        return at('key.created', { name: view.label, role: roleLabel(view.role) });
      },
    });
    const roleSelect = /** @type {HTMLSelectElement} */ (create.form.elements.namedItem('role'));
    roleSelect.addEventListener('change', () => showScopeFor(create.form));
    showScopeFor(create.form);

    const revokeHost = el('div');
    const revoke = writeForm({
      title: 'key.revokeById',
      fields: [{ name: 'id', label: 'key.id', hint: 'key.idHint', required: true }],
      keepValues: true,
      submitLabel: () => at('key.revokeNext'),
      busyLabel: 'key.revokeNext',
      async send(values) {
        const id = String(values.id);
        confirmRevoke(given, revokeHost, { id }, () => revoke.reset());
        return '';
      },
      after: revokeHost,
    });
    forms.push(create, revoke);
    host.append(secretHost, said('h3', 'key.made'), revokedStatus, list, create.box, revoke.box);
  },
  render() {
    if (!context) return;
    const given = context;
    for (const form of forms) form.refresh();
    if (forms[0]) showScopeFor(forms[0].form);
    fillList(
      list,
      made.map((key) => {
        const actions = el('div');
        const item = recordItem({
          title: key.label,
          lines: [
            ['key.id', key.id],
            ['key.role', roleLabel(key.role)],
            ['key.org', key.orgId],
            [
              'key.shelters',
              key.role === 'coordinator' || key.role === 'logistics'
                ? scopeText(key.scope.shelterIds, (id) =>
                    nameOf(
                      given.state.shelters.find((s) => s.id === id),
                      id,
                    ),
                  )
                : undefined,
            ],
            [
              'key.points',
              key.role === 'volunteer' ? scopeText(key.scope.pickupPointIds, (id) => id) : undefined,
            ],
            ['list.created', formatTime(key.createdAt)],
            ['key.revokedAt', key.revokedAt ? formatTime(key.revokedAt) : undefined],
          ],
          extra: [actions],
        });
        if (!key.revokedAt) {
          const revokeButton = button('key.revokeNamed', { name: key.label });
          revokeButton.addEventListener('click', () =>
            confirmRevoke(given, actions, key, () => apiKeysSection.render()),
          );
          actions.append(revokeButton);
        }
        return item;
      }),
    );
  },
};
