// Forms that write, for every page that has them (the logistics desk first), GOV.UK's way
// (STYLE 20-22): a label above each field, its hint under the label, an error beside the field
// and a summary at the top that links to it; what was typed is kept when the server refuses.
//
// One Idempotency-Key per intended change: it is made when the form is first submitted and kept
// for every retry of that change (a double tap, a press again after "no connection", going back
// from the check-your-answers step and on again), so the server books it once. Typing in the form
// makes it another change, with a new key; a change that succeeded drops its key.
//
// The page builds its form (field() and choiceGroup() below, or any box marked data-field="<the
// API's field path>" holding a .field-error) and hands it to writeForm() with what to send.
import { ApiError, NetworkError, newIdempotencyKey } from './api.js';
import { el, said } from './elements.js';
import './form-messages.js';
import { t } from './i18n.js';

/** @typedef {import('./i18n.js').MessageKey} MessageKey */
/**
 * What is wrong, and where: `field` is the API's path of the field (`note`, `lines.0.quantity`;
 * a server's `body.note` names the same), absent for what concerns the whole form.
 * @typedef {{ field?: string, message: string }} FormError
 */
/**
 * A check-your-answers step (STYLE 20): what will change, in the person's words, then one button
 * that says what it does.
 * @typedef {{
 *   heading: string,
 *   facts: Array<[term: string, value: string]>,
 *   effect: string,
 *   action: string,
 * }} Confirmation
 */
/**
 * @typedef {{
 *   retranslate: () => void,
 *   reset: () => void,
 *   showErrors: (errors: FormError[]) => void,
 * }} WriteForm
 */

let made = 0;

/** @param {string} prefix */
function freshId(prefix) {
  made++;
  return `${prefix}-${made}`;
}

/**
 * One field: its label, hint, error and control, wired together by ids (the hint and the error
 * describe the control). `name` is the API's field path.
 * @param {{
 *   name: string,
 *   label: MessageKey,
 *   hint?: MessageKey,
 *   control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
 * }} spec
 */
export function field({ name, label, hint, control }) {
  control.id ||= freshId('field');
  control.name ||= name;
  const id = control.id;
  const hintText = hint ? said('p', hint, { class: 'hint', id: `${id}-hint` }) : undefined;
  const error = el('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  control.setAttribute('aria-describedby', [hintText?.id, error.id].filter(Boolean).join(' '));
  return el('div', { class: 'field', 'data-field': name }, [
    said('label', label, { for: id }),
    hintText,
    error,
    control,
  ]);
}

/**
 * One choice among a few, as radio buttons under a legend; each choice may say what it means
 * under its label.
 * @param {{
 *   name: string,
 *   legend: MessageKey,
 *   hint?: MessageKey,
 *   choices: Array<{ value: string, label: MessageKey, hint?: MessageKey }>,
 * }} spec
 */
export function choiceGroup({ name, legend, hint, choices }) {
  const id = freshId('choice');
  const hintText = hint ? said('p', hint, { class: 'hint', id: `${id}-hint` }) : undefined;
  const error = el('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const options = choices.map((choice, index) => {
    const inputId = `${id}-${index}`;
    const choiceHint = choice.hint
      ? said('p', choice.hint, { class: 'hint', id: `${inputId}-hint` })
      : undefined;
    const input = el('input', {
      type: 'radio',
      id: inputId,
      name,
      value: choice.value,
      'aria-describedby': choiceHint?.id,
    });
    return el('div', { class: 'choice' }, [input, said('label', choice.label, { for: inputId }), choiceHint]);
  });
  return el(
    'fieldset',
    {
      class: 'field choices',
      'data-field': name,
      'aria-describedby': [hintText?.id, error.id].filter(Boolean).join(' '),
    },
    [said('legend', legend), hintText, error, ...options],
  );
}

/**
 * The box of the field an error names: the field itself, or the nearest parent path
 * (`lines.0.quantity` -> `lines.0` -> `lines`). Hidden fields are not looked at.
 * @param {HTMLElement} form
 * @param {string} path
 * @returns {HTMLElement | undefined}
 */
function boxOf(form, path) {
  const boxes = /** @type {HTMLElement[]} */ ([...form.querySelectorAll('[data-field]')]).filter(
    (box) => box.closest('[hidden]') === null,
  );
  for (let name = path; name !== ''; name = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '') {
    const box = boxes.find((candidate) => candidate.dataset.field === name);
    if (box) return box;
  }
  return undefined;
}

/** @param {HTMLElement} box */
function controlOf(box) {
  return /** @type {HTMLElement | null} */ (box.querySelector('input, select, textarea'));
}

/**
 * What a refusal or a failure says, field by field where the server named fields. `explain`
 * words the codes the page knows better (`insufficient-stock`, a `conflict` of its own).
 * @param {unknown} err
 * @param {(err: ApiError) => FormError[] | undefined} [explain]
 * @returns {FormError[]}
 */
export function problemErrors(err, explain) {
  if (err instanceof NetworkError) return [{ message: t('form.offline') }];
  if (!(err instanceof ApiError)) return [{ message: err instanceof Error ? err.message : String(err) }];
  const own = explain?.(err);
  if (own) return own;
  if (err.status === 401) return [{ message: t('form.signedOut') }];
  if (err.status === 403) return [{ message: t('form.forbidden') }];
  if (err.code === 'idempotency-in-flight') return [{ message: t('form.inFlight') }];
  if (err.status === 429 || err.status === 503) return [{ message: t('form.serverBusy') }];
  if (err.status >= 500) return [{ message: t('form.serverError') }];
  const fields = err.problem.errors;
  if (Array.isArray(fields) && fields.length > 0) {
    return fields.map(({ field: name, message }) => ({ field: name.replace(/^body\./, ''), message }));
  }
  return [{ message: err.message }];
}

/**
 * The check-your-answers step in place of the form.
 * @param {Confirmation} spec
 * @param {'h3' | 'h4'} level
 * @param {{ go: () => void, back: () => void }} on
 */
function confirmPanel(spec, level, on) {
  const heading = el(level, { id: freshId('confirm'), tabindex: '-1', text: spec.heading });
  const error = el('p', { class: 'error', role: 'alert' });
  const go = el('button', { type: 'button', class: 'primary', text: spec.action });
  const back = said('button', 'form.back', { type: 'button', class: 'secondary' });
  const box = el('div', { class: 'confirm stack', role: 'group', 'aria-labelledby': heading.id }, [
    heading,
    el(
      'dl',
      { class: 'facts' },
      spec.facts.map(([term, value]) => el('div', {}, [el('dt', { text: term }), el('dd', { text: value })])),
    ),
    el('p', { class: 'effect', text: spec.effect }),
    error,
    el('div', { class: 'row actions' }, [go, back]),
  ]);
  go.addEventListener('click', on.go);
  back.addEventListener('click', on.back);
  return { box, heading, error, go, action: spec.action };
}

/**
 * A form that writes once per intended change.
 * @param {HTMLFormElement} form
 * @param {{
 *   send: (idempotencyKey: string) => Promise<string>,
 *   check?: () => FormError[],
 *   confirm?: () => Confirmation,
 *   done?: (message: string) => void,
 *   explain?: (err: ApiError) => FormError[] | undefined,
 *   confirmLevel?: 'h3' | 'h4',
 * }} options `send` makes the write with the change's key and answers what happened, in words;
 *   `check` is the page's own checks before anything is sent; `confirm`, when given, is shown
 *   (check your answers) before `send`; `done` takes the answer's words (else they show under the form).
 * @returns {WriteForm}
 */
export function writeForm(form, options) {
  form.noValidate = true;
  const summaryList = el('ul');
  const summary = el('div', { class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true }, [
    said('p', 'form.problem', { class: 'summary-title' }),
    summaryList,
  ]);
  const status = el('p', { class: 'done', role: 'status' });
  form.prepend(summary);
  form.append(status);

  /** The key of the change being made: kept across its retries, dropped when the change is another. */
  /** @type {string | undefined} */
  let idempotencyKey;
  let sending = false;
  /** How to word the errors on screen now, again when the language changes. @type {(() => FormError[]) | undefined} */
  let shown;
  /** @type {ReturnType<typeof confirmPanel> | undefined} */
  let panel;
  /** @type {(() => FormError[]) | undefined} */
  let panelFailure;

  const submits = () =>
    /** @type {HTMLButtonElement[]} */ ([...form.querySelectorAll('button:not([type=button])')]);

  const clear = () => {
    shown = undefined;
    summary.hidden = true;
    summaryList.replaceChildren();
    for (const box of form.querySelectorAll('[data-field].invalid')) box.classList.remove('invalid');
    for (const error of form.querySelectorAll('.field-error')) {
      error.textContent = '';
      error.setAttribute('hidden', '');
    }
    for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  };

  /**
   * @param {() => FormError[]} errorsNow
   * @param {boolean} [focus] move the focus to the summary, so a keyboard or a screen reader meets it
   */
  const paint = (errorsNow, focus = true) => {
    clear();
    shown = errorsNow;
    const errors = errorsNow();
    summaryList.replaceChildren(
      ...errors.map(({ field: name, message }) => {
        const box = name === undefined ? undefined : boxOf(form, name);
        if (box === undefined) return el('li', { text: message });
        box.classList.add('invalid');
        const beside = box.querySelector('.field-error');
        beside?.removeAttribute('hidden');
        if (beside) beside.textContent = message;
        const control = controlOf(box);
        control?.setAttribute('aria-invalid', 'true');
        // The link focuses the field without touching the address, whose #fragment is the page's.
        const link = el('a', { href: `#${control?.id ?? ''}`, text: message });
        link.addEventListener('click', (event) => {
          event.preventDefault();
          control?.focus();
        });
        return el('li', {}, [link]);
      }),
    );
    summary.hidden = errors.length === 0;
    if (errors.length > 0 && focus) summary.focus();
  };

  /** @param {boolean} on */
  const busy = (on) => {
    // aria-disabled, not disabled: the button keeps the keyboard's focus while it works.
    const buttons = panel ? [panel.go] : submits();
    for (const button of buttons) {
      if (on) {
        button.dataset.label = button.textContent ?? '';
        button.textContent = t('form.sending');
        button.setAttribute('aria-disabled', 'true');
      } else {
        button.textContent = button.dataset.label ?? button.textContent;
        button.removeAttribute('aria-disabled');
      }
    }
  };

  /** @param {boolean} focusForm */
  const closePanel = (focusForm) => {
    if (!panel) return;
    panel.box.remove();
    panel = undefined;
    panelFailure = undefined;
    form.hidden = false;
    if (focusForm) submits()[0]?.focus();
  };

  const openPanel = () => {
    const spec = options.confirm?.();
    if (!spec) return;
    const level = options.confirmLevel ?? 'h3';
    const opened = confirmPanel(spec, level, { go: () => void run(), back: () => closePanel(true) });
    if (panel) panel.box.replaceWith(opened.box);
    else form.after(opened.box);
    panel = opened;
    form.hidden = true;
    if (panelFailure)
      panel.error.textContent = panelFailure()
        .map((error) => error.message)
        .join(' ');
  };

  const run = async () => {
    if (sending) return;
    sending = true;
    idempotencyKey ??= newIdempotencyKey();
    busy(true);
    try {
      const message = await options.send(idempotencyKey);
      idempotencyKey = undefined;
      busy(false);
      closePanel(false);
      clear();
      if (options.done) options.done(message);
      else status.textContent = message;
    } catch (err) {
      busy(false);
      const errorsNow = () => problemErrors(err, options.explain);
      const aboutFields = errorsNow().some((error) => error.field && boxOf(form, error.field));
      if (panel && !aboutFields) {
        panelFailure = errorsNow;
        panel.error.textContent = errorsNow()
          .map((error) => error.message)
          .join(' ');
      } else {
        closePanel(false);
        paint(errorsNow);
      }
    } finally {
      sending = false;
    }
  };

  form.addEventListener('input', () => {
    // What is typed now is another change: it gets its own key.
    idempotencyKey = undefined;
    status.textContent = '';
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sending) return;
    status.textContent = '';
    const local = options.check?.() ?? [];
    if (local.length > 0) return paint(() => options.check?.() ?? []);
    clear();
    idempotencyKey ??= newIdempotencyKey();
    if (options.confirm) {
      openPanel();
      panel?.heading.focus();
    } else void run();
  });

  return {
    retranslate: () => {
      if (shown) paint(shown, false);
      if (panel && !sending) openPanel();
    },
    reset: () => {
      closePanel(false);
      clear();
      status.textContent = '';
      idempotencyKey = undefined;
      form.reset();
    },
    showErrors: (errors) => paint(() => errors),
  };
}
