// The fields a person's role and reach are chosen with, shared by adding and changing a person:
// an admin chooses any role and any shelter or pickup point; a coordinator adds and moves
// volunteers at pickup points of its own shelters only (the server's rule, managesPerson).
import { at } from './admin-i18n.js';
import { nameOf } from './ui.js';
import { roleLabel } from './words.js';

/** @typedef {import('./admin.js').AdminState} AdminState */
/** @typedef {import('./form.js').Field} Field */

/**
 * The role select (admins only: a coordinator's people are volunteers), and the two halves of the
 * scope, of which `showReachFor` shows the one the chosen role acts through.
 * @param {AdminState} state
 * @returns {Field[]}
 */
export function reachFields(state) {
  const isAdmin = state.me.role === 'admin';
  const myShelters = state.me.scope.shelterIds;
  const sheltersHere = () =>
    state.shelters.filter((shelter) => isAdmin || myShelters === '*' || myShelters.includes(shelter.id));
  return [
    {
      name: 'role',
      label: 'person.role',
      kind: 'select',
      options: () =>
        (isAdmin ? (state.document.components.schemas.Role?.enum ?? []) : ['volunteer']).map((role) => ({
          value: role,
          label: roleLabel(role),
        })),
    },
    {
      name: 'scope.shelterIds',
      label: 'key.shelters',
      hint: 'person.sheltersHint',
      kind: 'choices',
      options: () => [
        ...(isAdmin ? [{ value: '*', label: at('key.allShelters') }] : []),
        ...sheltersHere().map((shelter) => ({ value: shelter.id, label: nameOf(shelter) })),
      ],
    },
    {
      name: 'scope.pickupPointIds',
      label: 'key.points',
      hint: 'person.pointsHint',
      kind: 'choices',
      options: () =>
        sheltersHere().flatMap((shelter) =>
          (state.points.get(shelter.id) ?? []).map((point) => ({
            value: point.id,
            label: at('scope.pointAt', { point: nameOf(point), shelter: nameOf(shelter) }),
          })),
        ),
    },
  ];
}

/**
 * Shows the half of the scope `form`'s chosen role acts through (a volunteer its pickup points, a
 * coordinator or logistics lead its shelters, an admin none), now and whenever the role changes.
 * @param {HTMLFormElement} form
 * @param {string} fallbackRole the role when the form offers none to choose
 * @returns {() => void} shows them again (after the form's options are drawn again)
 */
export function showReachFor(form, fallbackRole) {
  const select = /** @type {HTMLSelectElement | null} */ (form.elements.namedItem('role'));
  const show = () => {
    const role = select?.value || fallbackRole;
    form
      .querySelector('[data-field="scope.shelterIds"]')
      ?.toggleAttribute('hidden', !(role === 'coordinator' || role === 'logistics'));
    form
      .querySelector('[data-field="scope.pickupPointIds"]')
      ?.toggleAttribute('hidden', role !== 'volunteer');
  };
  select?.addEventListener('change', show);
  show();
  return show;
}

/**
 * A scope list as the API takes it: every one ("*") when "all" is ticked, none when nothing is.
 * @param {unknown} chosen
 * @returns {'*' | string[] | undefined}
 */
export function scopeList(chosen) {
  if (!Array.isArray(chosen)) return undefined;
  return chosen.includes('*') ? '*' : chosen.map(String);
}
