// Webhooks: subscribe a partner's URL (the signing secret shown once), follow its deliveries,
// send one again, turn a disabled subscription back on, end one after a check.
import { formatNumber, formatTime } from '../common/i18n.js';
import { at } from './admin-i18n.js';
import { confirmStep, problemErrors, writeForm } from './form.js';
import { showSecretOnce } from './secret.js';
import { button, el, fillList, nameOf, recordItem, said } from './ui.js';

/** @typedef {import('./admin.js').AdminContext} AdminContext */
/** @typedef {import('./admin-types.js').WebhookView} WebhookView */
/** @typedef {import('./admin-types.js').CreatedWebhook} CreatedWebhook */
/** @typedef {import('./admin-types.js').Delivery} Delivery */

/** @type {AdminContext | undefined} */
let context;
const list = el('ul', { class: 'records' });
const secretHost = el('div');
const status = el('p', { class: 'done', role: 'status' });
const error = el('p', { class: 'error', role: 'alert' });
/** @type {WebhookView[]} */
let webhooks = [];
/** @type {import('./form.js').WriteForm | undefined} */
let create;
/** Deliveries shown, by subscription. @type {Map<string, Delivery[]>} */
const shown = new Map();

async function load() {
  if (!context) return;
  error.textContent = '';
  try {
    /** @type {{ items: WebhookView[] }} */
    const page = await context.call('GET', '/v1/webhooks?limit=200');
    webhooks = page.items;
  } catch (err) {
    error.textContent = problemErrors(err)
      .map((problem) => problem.message)
      .join(' ');
  }
  renderList();
}

/** @param {string} id */
async function loadDeliveries(id) {
  if (!context) return;
  const given = context;
  const path = `/v1/webhooks/${encodeURIComponent(id)}/deliveries?limit=50&state=`;
  // Those waiting their turn (or their next retry) first, then those delivered or abandoned.
  /** @type {Array<{ items: Delivery[] }>} */
  const [queued, past] = await Promise.all([
    given.call('GET', `${path}queued`),
    given.call('GET', `${path}past`),
  ]);
  shown.set(id, [...(queued?.items ?? []), ...(past?.items ?? [])]);
}

/** @param {string} deliveryStatus */
function deliveryStatusLabel(deliveryStatus) {
  if (deliveryStatus === 'pending') return at('delivery.pending');
  if (deliveryStatus === 'delivered') return at('delivery.delivered');
  if (deliveryStatus === 'abandoned') return at('delivery.abandoned');
  return deliveryStatus;
}

/**
 * @param {WebhookView} webhook
 * @param {Delivery[]} deliveries
 */
function deliveryList(webhook, deliveries) {
  const items = deliveries.map((delivery) => {
    const last = delivery.attemptLog[delivery.attemptLog.length - 1];
    const outcome = el('p', { class: 'done', role: 'status' });
    const again = button('delivery.redeliver', { event: delivery.eventType });
    again.addEventListener('click', async () => {
      if (!context) return;
      again.disabled = true;
      again.textContent = at('form.busy');
      try {
        /** @type {Delivery} */
        const after = await context.call(
          'POST',
          `/v1/webhooks/${encodeURIComponent(webhook.id)}/deliveries/${encodeURIComponent(delivery.id)}/redeliver`,
          {},
        );
        await loadDeliveries(webhook.id);
        renderList();
        status.textContent = at('delivery.sent', {
          event: after.eventType,
          status: deliveryStatusLabel(after.status),
        });
      } catch (err) {
        outcome.textContent = problemErrors(err)
          .map((problem) => problem.message)
          .join(' ');
        again.disabled = false;
        again.textContent = at('delivery.redeliver', { event: delivery.eventType });
      }
    });
    return recordItem({
      title: `${delivery.eventType} · ${deliveryStatusLabel(delivery.status)}`,
      lines: [
        ['delivery.created', formatTime(delivery.createdAt)],
        ['delivery.attempts', formatNumber(delivery.attempts)],
        [
          'delivery.lastAnswer',
          last
            ? `${last.responseStatus ?? last.error ?? '—'} · ${at('delivery.ms', { n: formatNumber(last.latencyMs) })} · ${formatTime(last.at)}`
            : undefined,
        ],
        ['delivery.next', delivery.nextAttemptAt ? formatTime(delivery.nextAttemptAt) : undefined],
        ['delivery.deliveredAt', delivery.deliveredAt ? formatTime(delivery.deliveredAt) : undefined],
      ],
      extra: [el('div', { class: 'row actions' }, [again]), outcome],
    });
  });
  const box = el('ul', {
    class: 'records deliveries',
    'aria-label': at('delivery.of', { url: webhook.url }),
  });
  fillList(box, items);
  return box;
}

/**
 * @param {WebhookView} webhook
 * @param {HTMLElement} host
 */
function confirmDelete(webhook, host) {
  if (!context) return;
  const given = context;
  const saved = [...host.childNodes];
  confirmStep({
    host,
    heading: at('webhook.checkDelete'),
    facts: [
      [at('webhook.url'), webhook.url],
      [at('webhook.events'), webhook.eventTypes.join(', ')],
    ],
    warning: at('webhook.deleteWarning'),
    action: at('webhook.deleteNamed', { url: webhook.url }),
    async run() {
      await given.call('DELETE', `/v1/webhooks/${encodeURIComponent(webhook.id)}`);
      return at('webhook.deleted', { url: webhook.url });
    },
    onDone(message) {
      status.textContent = message;
      shown.delete(webhook.id);
      load();
    },
    onCancel() {
      host.replaceChildren(...saved);
    },
  });
}

function renderList() {
  if (!context) return;
  const given = context;
  fillList(
    list,
    webhooks.map((webhook) => {
      const actions = el('div', { class: 'row actions' });
      const deliveries = shown.get(webhook.id);
      const toggle = button(deliveries ? 'webhook.hideDeliveries' : 'webhook.showDeliveries');
      toggle.setAttribute('aria-expanded', String(deliveries !== undefined));
      toggle.addEventListener('click', async () => {
        if (shown.has(webhook.id)) shown.delete(webhook.id);
        else {
          try {
            await loadDeliveries(webhook.id);
          } catch (err) {
            error.textContent = problemErrors(err)
              .map((problem) => problem.message)
              .join(' ');
          }
        }
        renderList();
      });
      actions.append(toggle);
      if (webhook.status === 'disabled') {
        const enable = button('webhook.enableNamed', { url: webhook.url });
        enable.addEventListener('click', async () => {
          enable.disabled = true;
          enable.textContent = at('form.busy');
          try {
            await given.call('POST', `/v1/webhooks/${encodeURIComponent(webhook.id)}/enable`, {});
            status.textContent = at('webhook.enabled', { url: webhook.url });
            await load();
          } catch (err) {
            error.textContent = problemErrors(err)
              .map((problem) => problem.message)
              .join(' ');
            enable.disabled = false;
          }
        });
        actions.append(enable);
      }
      const remove = button('webhook.deleteNamed', { url: webhook.url });
      remove.addEventListener('click', () => confirmDelete(webhook, actions));
      actions.append(remove);
      return recordItem({
        title: webhook.description ? `${webhook.description} · ${webhook.url}` : webhook.url,
        lines: [
          ['webhook.status', webhook.status === 'active' ? at('webhook.active') : at('webhook.disabled')],
          ['webhook.events', webhook.eventTypes.join(', ')],
          [
            'webhook.shelters',
            webhook.shelterIds === '*'
              ? at('key.everywhere')
              : webhook.shelterIds
                  .map((id) =>
                    nameOf(
                      given.state.shelters.find((shelter) => shelter.id === id),
                      id,
                    ),
                  )
                  .join(', '),
          ],
          ['webhook.org', webhook.orgId],
          ['webhook.failingSince', webhook.failingSince ? formatTime(webhook.failingSince) : undefined],
          ['webhook.lastError', webhook.lastError],
          ['webhook.disabledReason', webhook.disabledReason],
          ['list.created', formatTime(webhook.createdAt)],
        ],
        extra: [actions, ...(deliveries ? [deliveryList(webhook, deliveries)] : [])],
      });
    }),
  );
}

/** @type {import('./admin.js').Section} */
export const webhooksSection = {
  id: 'webhooks',
  title: 'webhook.title',
  roles: ['admin', 'coordinator'],
  mount(host, given) {
    context = given;
    create = writeForm({
      title: 'webhook.new',
      folded: true,
      fields: [
        { name: 'url', label: 'webhook.url', kind: 'url', hint: 'webhook.urlHint', required: true },
        { name: 'description', label: 'webhook.description' },
        {
          name: 'eventTypes',
          label: 'webhook.events',
          kind: 'choices',
          required: true,
          options: () =>
            (given.state.document.components.schemas.EventType?.enum ?? []).map((type) => ({
              value: type,
              label: type,
            })),
        },
        {
          name: 'shelterIds',
          label: 'webhook.shelters',
          kind: 'choices',
          hint: 'webhook.sheltersHint',
          options: () =>
            given.state.shelters.map((shelter) => ({ value: shelter.id, label: nameOf(shelter) })),
        },
      ],
      submitLabel: (values) =>
        typeof values.url === 'string' ? at('webhook.createFor', { url: values.url }) : at('webhook.create'),
      async send(values, idempotencyKey) {
        /** @type {CreatedWebhook} */
        const created = await given.call('POST', '/v1/webhooks', values, idempotencyKey);
        showSecretOnce(secretHost, {
          heading: at('webhook.secretHeading', { url: created.url }),
          secret: created.secret,
        });
        await load();
        return at('webhook.created', { url: created.url });
      },
    });
    const refresh = button('webhook.refresh');
    refresh.addEventListener('click', load);
    host.append(secretHost, status, error, refresh, said('h3', 'webhook.list'), list, create.box);
    load();
  },
  render() {
    create?.refresh();
    renderList();
  },
};
