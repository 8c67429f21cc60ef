// Devices: which phone holds how many of a shelter's vouchers for offline handovers, when it last
// synced; revoke a lost phone, or take a silent phone's vouchers back so other desks can hand them.
import { formatNumber, formatTime } from '../common/i18n.js';
import { at } from './admin-i18n.js';
import { confirmStep, problemErrors } from './form.js';
import { button, el, fillList, nameOf, recordItem, said } from './ui.js';

/** @typedef {import('./admin.js').AdminContext} AdminContext */
/** @typedef {import('./admin-types.js').DeviceView} DeviceView */

/** @type {AdminContext | undefined} */
let context;
const list = el('ul', { class: 'records' });
const picker = el('select', { id: 'devices-shelter' });
const status = el('p', { class: 'done', role: 'status' });
const error = el('p', { class: 'error', role: 'alert' });
/** @type {DeviceView[]} */
let devices = [];
/** @type {string | undefined} */
let loadedFor;

/** Whether this server lets an admin or coordinator take a device's vouchers back. */
function canTakeBack() {
  return context !== undefined && Object.hasOwn(context.state.document.paths, '/v1/devices/{id}/release');
}

/** @param {string} deviceStatus */
function statusLabel(deviceStatus) {
  if (deviceStatus === 'active') return at('device.active');
  if (deviceStatus === 'signed-off') return at('device.signedOff');
  if (deviceStatus === 'revoked') return at('device.revokedStatus');
  return deviceStatus;
}

async function load() {
  if (!context || picker.value === '') return;
  const shelterId = picker.value;
  error.textContent = '';
  try {
    /** @type {{ items: DeviceView[] }} */
    const page = await context.call(
      'GET',
      `/v1/devices?shelterId=${encodeURIComponent(shelterId)}&limit=200`,
    );
    devices = page.items;
    loadedFor = shelterId;
  } catch (err) {
    error.textContent = problemErrors(err)
      .map((problem) => problem.message)
      .join(' ');
  }
  renderList();
}

/**
 * @param {DeviceView} device
 * @param {HTMLElement} host
 * @param {'revoke' | 'release'} action
 */
function confirmAction(device, host, action) {
  if (!context) return;
  const given = context;
  const saved = [...host.childNodes];
  const point = pointName(device);
  confirmStep({
    host,
    heading: at(action === 'revoke' ? 'device.checkRevoke' : 'device.checkRelease'),
    facts: [
      [at('device.label'), device.label],
      [at('device.point'), point],
      [at('device.holds'), at('device.vouchers', { n: formatNumber(device.poolSize) })],
      [at('device.lastSync'), device.lastSyncAt ? formatTime(device.lastSyncAt) : at('device.never')],
    ],
    warning: at(action === 'revoke' ? 'device.revokeWarning' : 'device.releaseWarning'),
    action: at(action === 'revoke' ? 'device.revokeNamed' : 'device.releaseNamed', { name: device.label }),
    async run(idempotencyKey) {
      if (action === 'revoke') {
        /** @type {DeviceView} */
        const revoked = await given.call('POST', `/v1/devices/${device.id}/revoke`, {}, idempotencyKey);
        return at('device.revoked', { name: revoked.label });
      }
      /** @type {{ released: number }} */
      const result = await given.call('POST', `/v1/devices/${device.id}/release`, {}, idempotencyKey);
      return at('device.released', { name: device.label, n: formatNumber(result.released) });
    },
    onDone(message) {
      status.textContent = message;
      load();
    },
    onCancel() {
      host.replaceChildren(...saved);
    },
  });
}

/** @param {DeviceView} device */
function pointName(device) {
  const points = context?.state.points.get(device.shelterId) ?? [];
  return nameOf(
    points.find((point) => point.id === device.pickupPointId),
    device.pickupPointId,
  );
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
        if (canTakeBack() && device.poolSize > 0) {
          const release = button('device.releaseNamed', { name: device.label });
          release.addEventListener('click', () => confirmAction(device, actions, 'release'));
          actions.append(release);
        }
        const revoke = button('device.revokeNamed', { name: device.label });
        revoke.addEventListener('click', () => confirmAction(device, actions, 'revoke'));
        actions.append(revoke);
      }
      return recordItem({
        title: device.label,
        lines: [
          ['device.point', pointName(device)],
          ['device.status', statusLabel(device.status)],
          ['device.holds', at('device.vouchers', { n: formatNumber(device.poolSize) })],
          ['device.lastSync', device.lastSyncAt ? formatTime(device.lastSyncAt) : at('device.never')],
          ['device.lastSeen', device.lastSeenAt ? formatTime(device.lastSeenAt) : undefined],
          ['device.signedOffAt', device.signedOffAt ? formatTime(device.signedOffAt) : undefined],
          ['device.revokedAt', device.revokedAt ? formatTime(device.revokedAt) : undefined],
          ['device.org', device.orgId],
        ],
        extra: [actions],
      });
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
    const show = button('device.show', {}, 'secondary');
    show.setAttribute('data-at', 'device.show');
    show.addEventListener('click', load);
    picker.addEventListener('change', load);
    host.append(
      said('p', 'device.intro', { class: 'muted' }),
      el('div', { class: 'field' }, [said('label', 'device.shelter', { for: 'devices-shelter' }), picker]),
      show,
      status,
      error,
      list,
    );
  },
  render() {
    if (!context) return;
    const chosen = picker.value;
    picker.replaceChildren(
      ...context.state.shelters.map((shelter) => new Option(nameOf(shelter), shelter.id)),
    );
    if (context.state.shelters.some((shelter) => shelter.id === chosen)) picker.value = chosen;
    if (loadedFor === undefined && picker.value !== '') load();
    else renderList();
  },
};
