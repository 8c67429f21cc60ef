// Adding a person (POST /v1/people): what colleagues call them, their role, organisation (an
// admin's choice; a coordinator adds to its own) and where they work. Staff only, and nothing
// else about them. Their invitation comes next (`onAdded`).
import { apiCall } from '../common/api.js';
import { at } from './admin-i18n.js';
import { writeForm } from './form.js';
import { reachFields, scopeList, showReachFor } from './person-fields.js';
import { orgName, roleLabel } from './words.js';

/** @typedef {import('./admin.js').AdminContext} AdminContext */
/** @typedef {import('./admin-types.js').Person} Person */
/** @typedef {import('../common/api-types.js').Role} Role */

/**
 * The form, folded under its title; `onAdded(person)` runs once the person is added, before the
 * form says so.
 * @param {AdminContext} given
 * @param {(person: Person) => Promise<void>} onAdded
 */
export function addPersonForm(given, onAdded) {
  const { state } = given;
  const [role, ...scope] = reachFields(state);
  const form = writeForm({
    title: 'person.new',
    folded: true,
    fields: [
      { name: 'displayName', label: 'person.name', hint: 'person.nameHint', required: true },
      ...(role ? [role] : []),
      ...(state.me.role === 'admin'
        ? [
            /** @type {import('./form.js').Field} */ ({
              name: 'orgId',
              label: 'person.org',
              kind: 'select',
              options: () =>
                state.organisations.map((org) => ({ value: org.id, label: orgName(state, org.id) })),
            }),
          ]
        : []),
      ...scope,
    ],
    submitLabel: (values) =>
      typeof values.displayName === 'string'
        ? at('person.createNamed', { name: values.displayName, role: roleLabel(String(values.role ?? '')) })
        : at('person.create'),
    async send(values, idempotencyKey) {
      const chosen = /** @type {{ shelterIds?: unknown, pickupPointIds?: unknown } | undefined} */ (
        values.scope
      );
      const asRole = /** @type {Role} */ (values.role);
      const person = await apiCall(state.key, 'POST', '/v1/people', {
        body: {
          displayName: String(values.displayName ?? ''),
          role: asRole,
          ...(typeof values.orgId === 'string' ? { orgId: values.orgId } : {}),
          ...(asRole === 'admin'
            ? {}
            : {
                scope: {
                  shelterIds: scopeList(chosen?.shelterIds),
                  pickupPointIds: scopeList(chosen?.pickupPointIds),
                },
              }),
        },
        headers: { 'idempotency-key': idempotencyKey },
      });
      await onAdded(person);
      return at('person.added', { name: person.displayName });
    },
  });
  return { form, showReach: showReachFor(form.form, 'volunteer') };
}
