// People: the volunteers, coordinators and logistics leads who sign in with keys of their own,
// each made by accepting an invitation (a QR code on screen, or a link to send). An admin
// manages everyone; a coordinator its own organisation's volunteers. Shown once this server has
// the people API (read from its own /openapi.json); until then the section says so.
import { formatTime } from '../common/i18n.js';
import { at } from './admin-i18n.js';
import { roleLabel } from './api-keys.js';
import { confirmStep, problemErrors, writeForm } from './form.js';
import { button, el, fillList, nameOf, recordItem, said } from './ui.js';

/** @typedef {import('./admin.js').AdminContext} AdminContext */

/**
 * A person as GET /v1/people lists them (the people API's `Person`; only what this page reads).
 * @typedef {{
 *   id: string, orgId: string, displayName: string, role: string,
 *   scope: { shelterIds: '*' | string[], pickupPointIds: '*' | string[] },
 *   status: 'invited' | 'active' | 'revoked',
 *   createdAt: string, createdByName?: string, lastSeenAt?: string, revokedAt?: string,
 * }} Person
 */

/**
 * GET /v1/people/{id}: the person with their keys, devices and latest invitations.
 * @typedef {Person & {
 *   keys: Array<{ id: string, label: string, createdAt: string, lastSeenAt?: string, revokedAt?: string }>,
 *   devices: Array<{ id: string, label: string, pickupPointId: string, status: string, lastSyncAt?: string }>,
 *   invitations: Array<{ id: string, status: string, createdAt: string, expiresAt: string }>,
 * }} PersonDetail
 */

/** POST /v1/people/{id}/invitations: the one-time link and its QR code, shown once. */
/** @typedef {{ id: string, link: string, expiresAt: string, qr: { svg: string, pngBase64: string } }} CreatedInvitation */

/** @type {AdminContext | undefined} */
let context;
const list = el('ul', { class: 'records' });
const status = el('p', { class: 'done', role: 'status' });
const error = el('p', { class: 'error', role: 'alert' });
/** @type {Person[]} */
let people = [];
/** Details shown, by person. @type {Map<string, PersonDetail>} */
const details = new Map();
/** @type {import('./form.js').WriteForm | undefined} */
let create;

/** Whether this server has the people API. @param {AdminContext} given */
export function peopleAvailable(given) {
  return Object.hasOwn(given.state.document.paths, '/v1/people');
}

/**
 * A pickup point's name in the chosen language, wherever it is; its id if this key cannot see it.
 * @param {AdminContext} given
 * @param {string} id
 */
function pointName(given, id) {
  for (const points of given.state.points.values()) {
    const point = points.find((candidate) => candidate.id === id);
    if (point) return nameOf(point);
  }
  return id;
}

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
    /** @type {{ items: Person[] }} */
    const page = await context.call('GET', '/v1/people?limit=200');
    people = page.items;
  } catch (err) {
    say(err);
  }
  renderList();
}

/**
 * The invitation on screen: its QR code to scan now, its link to copy and send, and when it stops
 * working. Neither can be read back afterwards.
 * @param {HTMLElement} host
 * @param {Person} person
 * @param {CreatedInvitation} invitation
 */
function showInvitation(host, person, invitation) {
  const heading = at('person.invitationFor', { name: person.displayName });
  const link = el('input', {
    type: 'text',
    readonly: true,
    'aria-label': at('person.link'),
    class: 'secret-value',
  });
  link.value = invitation.link;
  const copied = el('p', { class: 'done', role: 'status' });
  const copy = el('button', { type: 'button', class: 'primary', text: at('person.copyLink') });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(invitation.link);
      copied.textContent = at('secret.copied');
    } catch {
      link.focus();
      link.select();
      copied.textContent = at('secret.selectIt');
    }
  });
  const close = el('button', { type: 'button', class: 'secondary', text: at('person.invitationDone') });
  const title = el('h4', { text: heading, tabindex: '-1' });
  const panel = el('section', { class: 'secret stack invitation', 'aria-label': heading }, [
    title,
    el('p', { text: at('person.scanIt', { time: formatTime(invitation.expiresAt) }) }),
    el('img', {
      class: 'qr',
      src: `data:image/png;base64,${invitation.qr.pngBase64}`,
      alt: at('person.qrAlt', { name: person.displayName }),
      width: '240',
      height: '240',
    }),
    said('p', 'person.onceOnly', { class: 'warning' }),
    link,
    el('div', { class: 'row actions' }, [copy, close]),
    copied,
  ]);
  close.addEventListener('click', () => {
    link.value = '';
    panel.remove();
  });
  host.replaceChildren(panel);
  title.focus();
}

/**
 * @param {Person} person
 * @param {HTMLElement} host
 * @param {number} minutes how long the code works: 15 for a code scanned now, 7 days for a link sent
 */
async function invite(person, host, minutes) {
  if (!context) return;
  error.textContent = '';
  try {
    /** @type {CreatedInvitation} */
    const invitation = await context.call('POST', `/v1/people/${encodeURIComponent(person.id)}/invitations`, {
      expiresInMinutes: minutes,
    });
    showInvitation(host, person, invitation);
    details.delete(person.id);
  } catch (err) {
    say(err);
  }
}

/**
 * @param {Person} person
 * @param {HTMLElement} host
 */
function confirmRevoke(person, host) {
  if (!context) return;
  const given = context;
  const saved = [...host.childNodes];
  confirmStep({
    host,
    heading: at('person.checkRevoke'),
    facts: [
      [at('person.name'), person.displayName],
      [at('person.role'), roleLabel(person.role)],
      [at('person.org'), person.orgId],
    ],
    warning: at('person.revokeWarning'),
    action: at('person.revokeNamed', { name: person.displayName }),
    async run(idempotencyKey) {
      await given.call('POST', `/v1/people/${encodeURIComponent(person.id)}/revoke`, {}, idempotencyKey);
      return at('person.revokedDone', { name: person.displayName });
    },
    onDone(message) {
      status.textContent = message;
      details.delete(person.id);
      load();
    },
    onCancel() {
      host.replaceChildren(...saved);
    },
  });
}

/** @param {PersonDetail} detail */
function detailList(detail) {
  const keys = detail.keys.map((key) =>
    recordItem({
      title: key.label,
      lines: [
        ['list.created', formatTime(key.createdAt)],
        ['person.lastSeen', key.lastSeenAt ? formatTime(key.lastSeenAt) : at('device.never')],
        ['key.revokedAt', key.revokedAt ? formatTime(key.revokedAt) : undefined],
      ],
    }),
  );
  const devices = detail.devices.map((device) =>
    recordItem({
      title: device.label,
      lines: [
        ['device.status', device.status],
        ['device.lastSync', device.lastSyncAt ? formatTime(device.lastSyncAt) : at('device.never')],
      ],
    }),
  );
  const invitations = detail.invitations.map((invitation) =>
    recordItem({
      title: `${formatTime(invitation.createdAt)} · ${invitation.status}`,
      lines: [['person.expires', formatTime(invitation.expiresAt)]],
    }),
  );
  const part = (
    /** @type {import('./admin-i18n.js').AdminKey} */ title,
    /** @type {HTMLElement[]} */ items,
  ) => {
    const box = el('ul', { class: 'records' });
    fillList(box, items);
    return el('div', {}, [said('h5', title), box]);
  };
  return el('div', { class: 'person-detail stack' }, [
    part('person.keys', keys),
    part('person.devices', devices),
    part('person.invitations', invitations),
  ]);
}

function renderList() {
  if (!context) return;
  const given = context;
  fillList(
    list,
    people.map((person) => {
      const actions = el('div', { class: 'row actions' });
      const shownHere = el('div');
      const detail = details.get(person.id);
      const more = button(detail ? 'person.hideDetails' : 'person.showDetails', { name: person.displayName });
      more.setAttribute('aria-expanded', String(detail !== undefined));
      more.addEventListener('click', async () => {
        if (details.has(person.id)) details.delete(person.id);
        else {
          try {
            details.set(person.id, await given.call('GET', `/v1/people/${encodeURIComponent(person.id)}`));
          } catch (err) {
            say(err);
          }
        }
        renderList();
      });
      actions.append(more);
      if (person.status !== 'revoked') {
        const again = person.status === 'active';
        const qr = button(again ? 'person.reinviteQr' : 'person.inviteQr', { name: person.displayName });
        qr.addEventListener('click', () => invite(person, shownHere, 15));
        const link = button('person.inviteLink', { name: person.displayName });
        link.addEventListener('click', () => invite(person, shownHere, 7 * 24 * 60));
        const revoke = button('person.revokeNamed', { name: person.displayName });
        revoke.addEventListener('click', () => confirmRevoke(person, actions));
        actions.append(qr, link, revoke);
      }
      return recordItem({
        title: person.displayName,
        lines: [
          ['person.role', roleLabel(person.role)],
          ['person.status', statusLabel(person.status)],
          ['person.org', person.orgId],
          [
            'key.shelters',
            Array.isArray(person.scope.shelterIds)
              ? person.scope.shelterIds
                  .map((id) =>
                    nameOf(
                      given.state.shelters.find((shelter) => shelter.id === id),
                      id,
                    ),
                  )
                  .join(', ')
              : person.scope.shelterIds === '*' && person.role !== 'volunteer'
                ? at('key.everywhere')
                : undefined,
          ],
          [
            'key.points',
            person.role === 'volunteer'
              ? person.scope.pickupPointIds === '*'
                ? at('key.everywhere')
                : person.scope.pickupPointIds.map((id) => pointName(given, id)).join(', ')
              : undefined,
          ],
          ['person.lastSeen', person.lastSeenAt ? formatTime(person.lastSeenAt) : at('device.never')],
          ['person.addedBy', person.createdByName],
          ['list.created', formatTime(person.createdAt)],
          ['key.revokedAt', person.revokedAt ? formatTime(person.revokedAt) : undefined],
        ],
        extra: [actions, shownHere, ...(detail ? [detailList(detail)] : [])],
      });
    }),
  );
}

/** @type {import('./admin.js').Section} */
export const peopleSection = {
  id: 'people',
  title: 'people.title',
  roles: ['admin', 'coordinator'],
  mount(host, given) {
    context = given;
    if (!peopleAvailable(given)) {
      host.append(said('p', 'people.unavailable', { class: 'muted' }));
      return;
    }
    const isAdmin = given.state.me.role === 'admin';
    const shelterChoices = () => [
      ...(isAdmin ? [{ value: '*', label: at('key.allShelters') }] : []),
      ...given.state.shelters.map((shelter) => ({ value: shelter.id, label: nameOf(shelter) })),
    ];
    const pointChoices = () =>
      given.state.shelters.flatMap((shelter) =>
        (given.state.points.get(shelter.id) ?? []).map((point) => ({
          value: point.id,
          label: `${nameOf(point)} (${nameOf(shelter)})`,
        })),
      );
    create = writeForm({
      title: 'person.new',
      fields: [
        { name: 'displayName', label: 'person.name', hint: 'person.nameHint', required: true },
        {
          name: 'role',
          label: 'person.role',
          kind: 'select',
          // A coordinator adds volunteers only (the server's rule: managesPerson).
          options: () =>
            (isAdmin ? (given.state.document.components.schemas.Role?.enum ?? []) : ['volunteer']).map(
              (role) => ({
                value: role,
                label: roleLabel(role),
              }),
            ),
        },
        ...(isAdmin
          ? [
              /** @type {import('./form.js').Field} */ ({
                name: 'orgId',
                label: 'person.org',
                kind: 'select',
                options: () =>
                  given.state.organisations.map((org) => ({
                    value: org.id,
                    label: `${org.name} (${org.id})`,
                  })),
              }),
            ]
          : []),
        { name: 'scope.shelterIds', label: 'key.shelters', kind: 'choices', options: shelterChoices },
        { name: 'scope.pickupPointIds', label: 'key.points', kind: 'choices', options: pointChoices },
      ],
      submitLabel: (values) =>
        typeof values.displayName === 'string'
          ? at('person.createNamed', { name: values.displayName, role: roleLabel(String(values.role ?? '')) })
          : at('person.create'),
      async send(values, idempotencyKey) {
        const scope = /** @type {{ shelterIds?: unknown, pickupPointIds?: unknown } | undefined} */ (
          values.scope
        );
        const listOf = (/** @type {unknown} */ chosen) =>
          Array.isArray(chosen) ? (chosen.includes('*') ? '*' : chosen) : undefined;
        const body = {
          ...values,
          scope:
            values.role === 'admin'
              ? undefined
              : { shelterIds: listOf(scope?.shelterIds), pickupPointIds: listOf(scope?.pickupPointIds) },
        };
        /** @type {Person} */
        const person = await given.call('POST', '/v1/people', body, idempotencyKey);
        await load();
        return at('person.added', { name: person.displayName });
      },
    });
    const roleSelect = /** @type {HTMLSelectElement} */ (create.form.elements.namedItem('role'));
    const showScope = () => {
      const role = roleSelect.value;
      create?.form
        .querySelector('[data-field="scope.shelterIds"]')
        ?.toggleAttribute('hidden', !(role === 'coordinator' || role === 'logistics'));
      create?.form
        .querySelector('[data-field="scope.pickupPointIds"]')
        ?.toggleAttribute('hidden', role !== 'volunteer');
    };
    roleSelect.addEventListener('change', showScope);
    showScope();
    host.append(status, error, list, create.box);
    load();
  },
  render() {
    if (!context || !peopleAvailable(context)) return;
    create?.refresh();
    renderList();
  },
};
