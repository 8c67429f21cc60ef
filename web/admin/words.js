// Records in words, in the chosen language: roles; where a person or a key works (the names of its
// pickup points with their shelters, or of its shelters, Khmer names where Khmer is chosen and the
// record has one); organisations. An id this key cannot see is shown as it is.
import { at } from './admin-i18n.js';
import { nameOf } from './ui.js';

/** @typedef {import('./admin.js').AdminState} AdminState */
/** @typedef {import('../common/api-types.js').KeyScope} KeyScope */

/** @param {string} role */
export function roleLabel(role) {
  if (role === 'admin') return at('role.admin');
  if (role === 'coordinator') return at('role.coordinator');
  if (role === 'volunteer') return at('role.volunteer');
  if (role === 'logistics') return at('role.logistics');
  return role;
}

/**
 * "Main gate (Phnom Penh Central Shelter)", or the id when the point is out of this key's sight.
 * @param {AdminState} state
 * @param {string} pointId
 */
export function pointWithShelter(state, pointId) {
  for (const shelter of state.shelters) {
    const point = (state.points.get(shelter.id) ?? []).find((candidate) => candidate.id === pointId);
    if (point) return at('scope.pointAt', { point: nameOf(point), shelter: nameOf(shelter) });
  }
  return pointId;
}

/**
 * @param {AdminState} state
 * @param {string} shelterId
 */
export function shelterName(state, shelterId) {
  return nameOf(
    state.shelters.find((shelter) => shelter.id === shelterId),
    shelterId,
  );
}

/**
 * Where someone of `role` with `scope` works, as one line: an admin everywhere, a volunteer at its
 * pickup points, a coordinator or logistics lead at its shelters.
 * @param {AdminState} state
 * @param {string} role
 * @param {KeyScope} scope
 */
export function whereWords(state, role, scope) {
  if (role === 'admin') return at('scope.everywhere');
  if (role === 'volunteer') {
    const points = scope.pickupPointIds;
    if (points === '*') return at('scope.everyPoint');
    return points.map((id) => pointWithShelter(state, id)).join('; ') || at('scope.nowhere');
  }
  const shelters = scope.shelterIds;
  if (shelters === '*') return at('scope.everyShelter');
  return shelters.map((id) => shelterName(state, id)).join('; ') || at('scope.nowhere');
}

/**
 * An organisation's name and id, where this key can read the organisations (an admin's); else its id.
 * @param {AdminState} state
 * @param {string} orgId
 */
export function orgName(state, orgId) {
  const org = state.organisations.find((candidate) => candidate.id === orgId);
  return org === undefined ? orgId : `${org.name} (${org.id})`;
}
