// Changing a person (PATCH /v1/people/{id}): what colleagues call them, and (an admin's choice, or
// a coordinator's for its volunteers) where they work, or their role. Every key of theirs follows
// at once. Only what was changed is sent; nobody changes their own role or scope (the server
// refuses it), so those fields are not offered on one's own record.
import { apiCall } from '../common/api.js';
import { at } from './admin-i18n.js';
import { writeForm } from './form.js';
import { reachFields, scopeList, showReachFor } from './person-fields.js';
import { button } from './ui.js';

/** @typedef {import('./admin.js').AdminContext} AdminContext */
/** @typedef {import('./admin-types.js').Person} Person */
/** @typedef {import('../common/api-types.js').Role} Role */
/** @typedef {import('../common/api-types.js').KeyScope} KeyScope */

/**
 * @param {'*' | string[]} a
 * @param {'*' | string[]} b
 */
function sameList(a, b) {
  if (a === '*' || b === '*') return a === b;
  return a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');
}

/**
 * The form in `host` (replacing what it shows) until it is saved or the admin goes back.
 * @param {{
 *   host: HTMLElement,
 *   person: Person,
 *   context: AdminContext,
 *   onDone: (message: string) => void,
 *   onCancel: () => void,
 * }} options
 */
export function openEdit({ host, person, context, onDone, onCancel }) {
  const { state } = context;
  const own = person.id === state.me.personId;
  // Nobody changes their own role or scope: one's own record offers the name only.
  const reach = own ? [] : reachFields(state);
  const form = writeForm({
    title: 'person.change',
    fields: [
      {
        name: 'displayName',
        label: 'person.name',
        hint: 'person.nameHint',
        required: true,
        value: person.displayName,
      },
      ...reach,
    ],
    submitLabel: () => at('person.saveNamed', { name: person.displayName }),
    async send(values) {
      const role = /** @type {Role} */ (typeof values.role === 'string' ? values.role : person.role);
      const scope = /** @type {{ shelterIds?: unknown, pickupPointIds?: unknown } | undefined} */ (
        values.scope
      );
      const displayName = String(values.displayName ?? '');
      /** @type {{ displayName?: string, role?: Role, scope?: Partial<KeyScope> }} */
      const change = {};
      if (displayName !== person.displayName) change.displayName = displayName;
      if (!own) {
        if (role !== person.role) change.role = role;
        const shelters = scopeList(scope?.shelterIds) ?? [];
        const points = scopeList(scope?.pickupPointIds) ?? [];
        if (role === 'volunteer' && (change.role || !sameList(points, person.scope.pickupPointIds)))
          change.scope = { pickupPointIds: points };
        if (
          (role === 'coordinator' || role === 'logistics') &&
          (change.role || !sameList(shelters, person.scope.shelterIds))
        )
          change.scope = { shelterIds: shelters };
      }
      if (Object.keys(change).length === 0) return at('person.unchanged');
      const changed = await apiCall(state.key, 'PATCH', '/v1/people/{id}', {
        path: { id: person.id },
        body: change,
      });
      onDone(at('person.saved', { name: changed.displayName }));
      return '';
    },
    keepValues: true,
  });
  // What they have now, ticked and chosen.
  const role = /** @type {HTMLSelectElement | null} */ (form.form.elements.namedItem('role'));
  if (role) role.value = person.role;
  for (const [field, list] of /** @type {const} */ ([
    ['scope.shelterIds', person.scope.shelterIds],
    ['scope.pickupPointIds', person.scope.pickupPointIds],
  ])) {
    for (const box of form.form.querySelectorAll(`[data-choices="${field}"] input`)) {
      const input = /** @type {HTMLInputElement} */ (box);
      input.checked = list === '*' ? input.value === '*' : list.includes(input.value);
    }
  }
  showReachFor(form.form, person.role);
  form.refresh();
  const back = button('confirm.back');
  back.addEventListener('click', onCancel);
  form.form.classList.add('invite');
  form.form.setAttribute('aria-label', at('person.change'));
  form.form.append(back);
  host.replaceChildren(form.form);
  /** @type {HTMLElement | null} */ (form.form.querySelector('input'))?.focus();
}
