// Inviting a person (issue 22 §2): the admin chooses how long the code works (15 minutes for a QR
// code scanned now on this screen, up to 7 days for a link sent to them), the page makes the
// invitation and withdraws their earlier ones not used yet (so only the newest works: a re-invite),
// then shows the QR code large in a dialog, with the link to copy and when it stops working.
// Neither the code nor the link can be read back once the dialog is closed.
import { ApiError, apiCall, newIdempotencyKey } from '../common/api.js';
import { formatTime } from '../common/i18n.js';
import { at } from './admin-i18n.js';
import { problemErrors } from './form.js';
import { el, said } from './ui.js';

/** @typedef {import('./admin.js').AdminContext} AdminContext */
/** @typedef {import('./admin-types.js').Person} Person */
/** @typedef {import('./admin-types.js').PersonDetail} PersonDetail */
/** @typedef {import('./admin-types.js').CreatedInvitation} CreatedInvitation */

/** How long an invitation may work, in minutes: the first is the default, for a code on screen. */
const DURATIONS = /** @type {const} */ ([
  { minutes: 15, label: 'invite.for15m' },
  { minutes: 60, label: 'invite.for1h' },
  { minutes: 24 * 60, label: 'invite.for1d' },
  { minutes: 3 * 24 * 60, label: 'invite.for3d' },
  { minutes: 7 * 24 * 60, label: 'invite.for7d' },
]);

let panels = 0;

/**
 * The invitation form for `person`, in `host` (replacing what it shows) until it is sent or the
 * admin goes back.
 * @param {{
 *   host: HTMLElement,
 *   person: Person,
 *   detail: PersonDetail,
 *   context: AdminContext,
 *   onDone: (message: string) => void,
 *   onCancel: () => void,
 *   onClosed: () => void,
 * }} options `onDone` once the invitation is made (the dialog is then open), `onClosed` once the
 *   dialog is closed (to put the focus back where the admin was)
 */
export function openInvite({ host, person, detail, context, onDone, onCancel, onClosed }) {
  panels++;
  const id = `invite-${panels}`;
  const pending = detail.invitations.filter((invitation) => invitation.status === 'pending');
  const liveKeys = detail.keys.filter((key) => key.revokedAt === undefined);
  const title = el('h4', {
    id: `${id}-title`,
    tabindex: '-1',
    text: at('invite.heading', { name: person.displayName }),
  });
  const duration = el(
    'select',
    { id: `${id}-minutes`, 'aria-describedby': `${id}-minutes-hint` },
    DURATIONS.map(({ minutes, label }) => el('option', { value: String(minutes), text: at(label) })),
  );
  const withdraw = el('input', { type: 'checkbox', id: `${id}-withdraw`, checked: true });
  const error = el('p', { class: 'error', role: 'alert' });
  const go = el('button', {
    type: 'submit',
    class: 'primary',
    text: at('invite.create', { name: person.displayName }),
  });
  const back = el('button', { type: 'button', class: 'secondary', text: at('confirm.back') });
  const form = el('form', { class: 'stack invite', 'aria-labelledby': `${id}-title`, novalidate: true }, [
    title,
    liveKeys.length > 0
      ? el('p', { text: at('invite.another', { n: liveKeys.length, name: person.displayName }) })
      : undefined,
    el('div', { class: 'field' }, [
      said('label', 'invite.duration', { for: `${id}-minutes` }),
      said('p', 'invite.durationHint', { class: 'hint', id: `${id}-minutes-hint` }),
      duration,
    ]),
    pending.length > 0
      ? el('div', { class: 'field check' }, [
          el('div', { class: 'check-row' }, [
            withdraw,
            el('label', { for: `${id}-withdraw`, text: at('invite.withdraw', { n: pending.length }) }),
          ]),
          said('p', 'invite.withdrawHint', { class: 'hint' }),
        ])
      : undefined,
    error,
    el('div', { class: 'row actions' }, [go, back]),
  ]);
  host.replaceChildren(form);
  title.focus();
  back.addEventListener('click', onCancel);

  let sending = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    sending = true;
    go.disabled = true;
    go.textContent = at('form.busy');
    error.textContent = '';
    const minutes = Number(duration.value);
    try {
      // No Idempotency-Key: the answer holds the code, which the server never stores. The button
      // stays disabled while this runs, so a double tap makes one invitation.
      const invitation = await apiCall(context.state.key, 'POST', '/v1/people/{id}/invitations', {
        path: { id: person.id },
        body: { expiresInMinutes: minutes },
      });
      const { withdrawn, failed } =
        pending.length > 0 && withdraw.checked
          ? await withdrawAll(context, person, pending)
          : { withdrawn: 0, failed: 0 };
      showInvitation(person, invitation, minutes, onClosed);
      onDone(
        [
          at('invite.made', { name: person.displayName, time: formatTime(invitation.expiresAt) }),
          withdrawn > 0 ? at('invite.withdrawn', { n: withdrawn }) : '',
          failed > 0 ? at('invite.notWithdrawn', { n: failed }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
    } catch (err) {
      error.textContent = problemErrors(err)
        .map((problem) => problem.message)
        .join(' ');
      go.disabled = false;
      go.textContent = at('invite.create', { name: person.displayName });
    } finally {
      sending = false;
    }
  });
}

/**
 * Withdraws the person's invitations not used yet: how many were withdrawn, and how many could
 * not be (a dropped connection: the admin withdraws those from the person's details). One used
 * meanwhile is left as it is (the server answers 409: its key is the person's now).
 * @param {AdminContext} context
 * @param {Person} person
 * @param {Array<{ id: string }>} pending
 */
async function withdrawAll(context, person, pending) {
  const results = await Promise.allSettled(
    pending.map((invitation) =>
      apiCall(context.state.key, 'POST', '/v1/people/{id}/invitations/{invitationId}/revoke', {
        path: { id: person.id, invitationId: invitation.id },
        headers: { 'idempotency-key': newIdempotencyKey() },
      }),
    ),
  );
  return {
    withdrawn: results.filter((result) => result.status === 'fulfilled').length,
    failed: results.filter(
      (result) =>
        result.status === 'rejected' && !(result.reason instanceof ApiError && result.reason.status === 409),
    ).length,
  };
}

/**
 * The invitation on screen, in a modal dialog: its QR code large enough for a phone held up to a
 * laptop's screen, when it stops working, and its link to copy and send. Closing it (Done, or
 * Escape) forgets the link; it cannot be shown again.
 * @param {Person} person
 * @param {CreatedInvitation} invitation
 * @param {number} minutes
 * @param {() => void} onClosed
 */
export function showInvitation(person, invitation, minutes, onClosed) {
  panels++;
  const id = `invitation-${panels}`;
  const heading = at('invitation.heading', { name: person.displayName });
  const link = el('input', {
    type: 'text',
    id: `${id}-link`,
    readonly: true,
    spellcheck: 'false',
    class: 'secret-value',
  });
  link.value = invitation.link;
  const copied = el('p', { class: 'done', role: 'status' });
  const copy = el('button', { type: 'button', class: 'secondary', text: at('invitation.copy') });
  const done = el('button', { type: 'button', class: 'primary', text: at('invitation.done') });
  const title = el('h2', { id: `${id}-title`, tabindex: '-1', text: heading });
  const dialog = el('dialog', { class: 'invitation stack', 'aria-labelledby': `${id}-title` }, [
    title,
    el('p', {
      class: 'expiry',
      text: at(minutes <= 60 ? 'invitation.scanNow' : 'invitation.sendIt', {
        time: formatTime(invitation.expiresAt),
      }),
    }),
    el('img', {
      class: 'qr',
      src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(invitation.qr.svg)}`,
      alt: at('invitation.qrAlt', { name: person.displayName }),
    }),
    el('div', { class: 'field' }, [said('label', 'invitation.link', { for: `${id}-link` }), link]),
    said('p', 'invitation.once', { class: 'warning' }),
    el('div', { class: 'row actions' }, [copy, done]),
    copied,
  ]);
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(invitation.link);
      copied.textContent = at('secret.copied');
    } catch {
      // No clipboard (a plain-HTTP address, a refused permission): select it for the person to copy.
      link.focus();
      link.select();
      copied.textContent = at('secret.selectIt');
    }
  });
  done.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    link.value = '';
    dialog.remove();
    onClosed();
  });
  document.body.append(dialog);
  dialog.showModal();
  title.focus();
}
