// Devices: which phone, of whom, holds how many of a shelter's vouchers for offline handovers, and
// when it last synced; hand a silent phone's vouchers back to the pool (POST .../release), or
// revoke a lost one. Shelters are those this key manages.
import { apiCall, listAll } from '../common/api.js';
import { formatNumber, formatTime } from '../common/i18n.js';
import { at } from './admin-i18n.js';
import { confirmStep, problemErrors } from './form.js';
import { deviceStatusLabel } from './person-detail.js';
import { button, el, fillList, nameOf, recordItem, said } from './ui.js';
import { orgName } from './words.js';

/** @typedef {import('./admin.js').AdminContext} AdminContext */
/** @typedef {import('./admin-types.js').Device} Device */

/** @type {AdminContext | undefined} */
let context;
const list = el('ul', { class: 'records', 'aria-labelledby': 'devices-list-title' });
const picker = el('select', { id: 'devices-shelter' });
const status = el('p', { class: 'done', role: 'status' });
const error = el('p', { class: 'error', role: 'alert' });
/** @type {Device[]} */
let devices = [];
/** @type {string | undefined} */
let loadedFor;
/** Display names of the people this key manages, by id: who uses each phone. */
let names = new Map();

/** @param {unknown} err */
function say(err) {
  error.textContent = problemErrors(err)
    .map((problem) => problem.message)
    .join(' ');
}

/** The shelters whose devices this key may list: an admin's every one, others' their scope. */
function shelters() {
  if (!context) return [];
  const scope = context.state.me.role === 'admin' ? '*' : context.state.me.scope.shelterIds;
  return context.state.shelters.filter((shelter) => scope === '*' || scope.includes(shelter.id));
}

async function load() {
  if (!context || picker.value === '') return;
  const given = context;
  const shelterId = picker.value;
  error.textContent = '';
  try {
    const [found, people] = await Promise.all([
      listAll(given.state.key, '/v1/devices', { query: { shelterId } }),
      listAll(given.state.key, '/v1/people'),
    ]);
    devices = found;
    names = new Map(people.map((person) => [person.id, person.displayName]));
    loadedFor = shelterId;
  } catch (err) {
    say(err);
  }
  renderList();
}

/** @param {Device} device */
function pointName(device) {
  const points = context?.state.points.get(device.shelterId) ?? [];
  return nameOf(
    points.find((point) => point.id === device.pickupPointId),
    device.pickupPointId,
  );
}

/** @param {Device} device */
function holds(device) {
  return at(device.poolSize === 1 ? 'device.voucher' : 'device.vouchers', {
    n: formatNumber(device.poolSize),
  });
}

/**
 * @param {Device} device
 * @param {HTMLElement} host
 * @param {'revoke' | 'release'} action
 */
function confirmAction(device, host, action) {
  if (!context) return;
  const given = context;
  const saved = [...host.childNodes];
  confirmStep({
    host,
    heading: at(action === 'revoke' ? 'device.checkRevoke' : 'device.checkRelease'),
    facts: [
      [at('device.label'), device.label],
      [at('device.point'), pointName(device)],
      [at('device.usedBy'), usedBy(device)],
      [at('device.holds'), holds(device)],
      [at('device.lastSync'), device.lastSyncAt ? formatTime(device.lastSyncAt) : at('device.never')],
    ],
    warning: at(action === 'revoke' ? 'device.revokeWarning' : 'device.releaseWarning'),
    action: at(action === 'revoke' ? 'device.revokeNamed' : 'device.releaseNamed', { name: device.label }),
    async run(idempotencyKey) {
      const request = { path: { id: device.id }, headers: { 'idempotency-key': idempotencyKey } };
      if (action === 'revoke') {
        const revoked = await apiCall(given.state.key, 'POST', '/v1/devices/{id}/revoke', request);
        return at('device.revoked', { name: revoked.label });
      }
      const result = await apiCall(given.state.key, 'POST', '/v1/devices/{id}/release', request);
      return at('device.released', { name: device.label, n: formatNumber(result.released) });
    },
    async onDone(message) {
      status.textContent = message;
      await load();
      /** @type {HTMLElement | null} */ (
        list.querySelector(`[data-device="${CSS.escape(device.id)}"] h4`)
      )?.focus();
    },
    onCancel() {
      host.replaceChildren(...saved);
    },
  });
}

/** @param {Device} device */
function usedBy(device) {
  if (device.personId === undefined) return at('device.machineKey');
  return names.get(device.personId) ?? at('device.someoneElse');
}

function renderList() {
  if (!context) return;
  if (loadedFor !== picker.value) {
    list.replaceChildren();
    return;
  }
  fillList(
    list,
    devices.map((device) => {
      const actions = el('div', { class: 'row actions' });
      if (device.status !== 'revoked') {
        if (device.status === 'active' && device.poolSize > 0) {
          const release = button('device.releaseNamed', { name: device.label });
          release.addEventListener('click', () => confirmAction(device, actions, 'release'));
          actions.append(release);
        }
        const revoke = button('device.revokeNamed', { name: device.label });
        revoke.addEventListener('click', () => confirmAction(device, actions, 'revoke'));
        actions.append(revoke);
      }
      const item = recordItem({
        title: device.label,
        lines: [
          ['device.point', pointName(device)],
          ['device.usedBy', usedBy(device)],
          ['device.status', deviceStatusLabel(device.status)],
          ['device.holds', holds(device)],
          ['device.lastSync', device.lastSyncAt ? formatTime(device.lastSyncAt) : at('device.never')],
          ['device.lastSeen', device.lastSeenAt ? formatTime(device.lastSeenAt) : undefined],
          ['device.signedOffAt', device.signedOffAt ? formatTime(device.signedOffAt) : undefined],
          ['device.revokedAt', device.revokedAt ? formatTime(device.revokedAt) : undefined],
          [
            'device.org',
            context?.state.me.role === 'admin' ? orgName(context.state, device.orgId) : undefined,
          ],
        ],
        extra: [actions],
      });
      item.setAttribute('data-device', device.id);
      item.querySelector('h4')?.setAttribute('tabindex', '-1');
      return item;
    }),
  );
}

/** @type {import('./admin.js').Section} */
export const devicesSection = {
  id: 'devices',
  title: 'device.title',
  roles: ['admin', 'coordinator'],
  mount(host, given) {
    context = given;
    const refresh = button('device.show', {}, 'secondary');
    refresh.setAttribute('data-at', 'device.show');
    refresh.addEventListener('click', load);
    picker.addEventListener('change', load);
    host.append(
      said('p', 'device.intro', { class: 'muted' }),
      el('div', { class: 'field' }, [said('label', 'device.shelter', { for: 'devices-shelter' }), picker]),
      refresh,
      said('h3', 'device.list', { id: 'devices-list-title', class: 'visually-hidden' }),
      status,
      error,
      list,
    );
  },
  render() {
    if (!context) return;
    const chosen = picker.value;
    const here = shelters();
    picker.replaceChildren(...here.map((shelter) => new Option(nameOf(shelter), shelter.id)));
    if (here.some((shelter) => shelter.id === chosen)) picker.value = chosen;
    if (loadedFor === undefined && picker.value !== '') load();
    else renderList();
  },
};
