// What is a person's (GET /v1/people/{id}): their keys (a phone, a laptop: one lost is revoked
// alone, after a check), the phones their keys registered, and their latest invitations (one not
// used yet can be withdrawn). Never a secret: the API keeps none to show.
import { apiCall, newIdempotencyKey } from '../common/api.js';
import { formatTime } from '../common/i18n.js';
import { at } from './admin-i18n.js';
import { confirmStep, problemErrors } from './form.js';
import { button, el, fillList, recordItem, said } from './ui.js';
import { pointWithShelter } from './words.js';

/** @typedef {import('./admin.js').AdminContext} AdminContext */
/** @typedef {import('./admin-types.js').Person} Person */
/** @typedef {import('./admin-types.js').PersonDetail} PersonDetail */
/** @typedef {import('./admin-types.js').PersonKey} PersonKey */
/** @typedef {import('./admin-types.js').Invitation} Invitation */

/** @param {string} status */
export function deviceStatusLabel(status) {
  if (status === 'active') return at('device.active');
  if (status === 'signed-off') return at('device.signedOff');
  if (status === 'revoked') return at('device.revokedStatus');
  return status;
}

/** @param {Invitation['status']} status */
function invitationStatusLabel(status) {
  if (status === 'pending') return at('invitation.pending');
  if (status === 'used') return at('invitation.used');
  if (status === 'expired') return at('invitation.expired');
  return at('invitation.revoked');
}

/**
 * The person's keys, phones and invitations. `changed(message)` is told after a key is revoked or
 * an invitation withdrawn: the caller reads the person again and says what happened.
 * @param {{
 *   person: Person,
 *   detail: PersonDetail,
 *   context: AdminContext,
 *   changed: (message: string) => void,
 * }} options
 */
export function detailPanel({ person, detail, context, changed }) {
  const error = el('p', { class: 'error', role: 'alert' });
  const say = (/** @type {unknown} */ err) => {
    error.textContent = problemErrors(err)
      .map((problem) => problem.message)
      .join(' ');
  };

  const keys = detail.keys.map((key) => {
    const actions = el('div', { class: 'row actions' });
    if (key.revokedAt === undefined && person.status !== 'revoked') {
      const revoke = button('personKey.revokeNamed', { name: key.label });
      revoke.addEventListener('click', () => confirmKeyRevoke(actions, key));
      actions.append(revoke);
    }
    return recordItem({
      title: key.label,
      lines: [
        ['list.created', formatTime(key.createdAt)],
        ['person.lastSeen', key.lastSeenAt ? formatTime(key.lastSeenAt) : at('device.never')],
        ['key.revokedAt', key.revokedAt ? formatTime(key.revokedAt) : undefined],
      ],
      extra: [actions],
    });
  });

  /**
   * @param {HTMLElement} host
   * @param {PersonKey} key
   */
  function confirmKeyRevoke(host, key) {
    const saved = [...host.childNodes];
    const phones = detail.devices.filter((device) => device.status !== 'revoked');
    confirmStep({
      host,
      heading: at('personKey.checkRevoke'),
      facts: [
        [at('person.name'), person.displayName],
        [at('personKey.label'), key.label],
        [at('person.lastSeen'), key.lastSeenAt ? formatTime(key.lastSeenAt) : at('device.never')],
      ],
      warning: at('personKey.revokeWarning', { n: phones.length }),
      action: at('personKey.revokeNamed', { name: key.label }),
      async run(idempotencyKey) {
        await apiCall(context.state.key, 'POST', '/v1/people/{id}/keys/{keyId}/revoke', {
          path: { id: person.id, keyId: key.id },
          headers: { 'idempotency-key': idempotencyKey },
        });
        return at('personKey.revoked', { name: key.label, person: person.displayName });
      },
      onDone: changed,
      onCancel: () => host.replaceChildren(...saved),
    });
  }

  const devices = detail.devices.map((device) =>
    recordItem({
      title: device.label,
      lines: [
        ['device.point', pointWithShelter(context.state, device.pickupPointId)],
        ['device.status', deviceStatusLabel(device.status)],
        ['device.lastSync', device.lastSyncAt ? formatTime(device.lastSyncAt) : at('device.never')],
        ['device.revokedAt', device.revokedAt ? formatTime(device.revokedAt) : undefined],
      ],
    }),
  );

  const invitations = detail.invitations.map((invitation) => {
    const actions = el('div', { class: 'row actions' });
    if (invitation.status === 'pending') {
      const withdraw = button('invitation.withdrawNamed', { time: formatTime(invitation.createdAt) });
      withdraw.addEventListener('click', async () => {
        withdraw.disabled = true;
        error.textContent = '';
        try {
          await apiCall(context.state.key, 'POST', '/v1/people/{id}/invitations/{invitationId}/revoke', {
            path: { id: person.id, invitationId: invitation.id },
            headers: { 'idempotency-key': newIdempotencyKey() },
          });
          changed(at('invitation.withdrawnOne', { name: person.displayName }));
        } catch (err) {
          withdraw.disabled = false;
          say(err);
        }
      });
      actions.append(withdraw);
    }
    return recordItem({
      title: at('invitation.made', { time: formatTime(invitation.createdAt) }),
      lines: [
        ['invitation.status', invitationStatusLabel(invitation.status)],
        ['invitation.worksUntil', formatTime(invitation.expiresAt)],
        ['invitation.by', invitation.invitedBy.displayName],
        ['invitation.usedAt', invitation.usedAt ? formatTime(invitation.usedAt) : undefined],
      ],
      extra: [actions],
    });
  });

  /**
   * @param {import('./admin-i18n.js').AdminKey} title
   * @param {HTMLElement[]} items
   */
  const part = (title, items) => {
    const list = el('ul', { class: 'records' });
    fillList(list, items);
    return el('div', { class: 'stack' }, [said('h5', title), list]);
  };
  return el('div', { class: 'person-detail stack' }, [
    error,
    part('person.keys', keys),
    part('person.devices', devices),
    part('person.invitations', invitations),
  ]);
}
