// The admin page's forms (STYLE 21, 22): labels above fields, hints under labels, an error beside
// each field and a summary at the top linking to them; what was typed is kept when the server
// refuses. Each write carries an Idempotency-Key made once per intended change: a double tap or a
// retry sends the same key; editing the form makes it another change, with a new key.
import { ApiError, NetworkError, newIdempotencyKey } from '../common/api.js';
import { at } from './admin-i18n.js';
import { el, said } from './ui.js';

/** @typedef {import('./admin-i18n.js').AdminKey} AdminKey */

/**
 * One field. `name` is the API's field path ("scope.shelterIds"): the server's field errors name
 * it, so each error lands beside its own field.
 * @typedef {{
 *   name: string,
 *   label: AdminKey,
 *   hint?: AdminKey,
 *   kind?: 'text' | 'number' | 'integer' | 'checkbox' | 'select' | 'choices' | 'url',
 *   required?: boolean,
 *   options?: () => Array<{ value: string, label: string }>,
 *   lang?: string,
 *   autocomplete?: string,
 *   value?: string | boolean,
 * }} Field
 */

let formCount = 0;

/** @param {string} name */
function idPart(name) {
  return name.replace(/[^a-zA-Z0-9]+/g, '-');
}

/**
 * The markup of one field: label, hint, error, control.
 * @param {string} formId
 * @param {Field} field
 */
function fieldMarkup(formId, field) {
  const id = `${formId}-${idPart(field.name)}`;
  const hint = field.hint ? said('p', field.hint, { class: 'hint', id: `${id}-hint` }) : undefined;
  const error = el('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const describedBy = [hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
  const kind = field.kind ?? 'text';
  if (kind === 'checkbox') {
    const input = el('input', {
      type: 'checkbox',
      id,
      name: field.name,
      'aria-describedby': describedBy,
      checked: field.value === true,
    });
    return el('div', { class: 'field check', 'data-field': field.name }, [
      el('div', { class: 'check-row' }, [input, said('label', field.label, { for: id })]),
      hint,
      error,
    ]);
  }
  if (kind === 'choices') {
    const group = el('fieldset', { class: 'field choices', 'data-field': field.name, id }, [
      said('legend', field.label),
      hint,
      error,
      el('div', { class: 'choice-list', 'data-choices': field.name }),
    ]);
    group.setAttribute('aria-describedby', describedBy);
    return group;
  }
  /** @type {HTMLInputElement | HTMLSelectElement} */
  const control =
    kind === 'select'
      ? el('select', { id, name: field.name })
      : el('input', {
          id,
          name: field.name,
          type: kind === 'url' ? 'url' : 'text',
          inputmode: kind === 'integer' ? 'numeric' : kind === 'number' ? 'decimal' : undefined,
          autocomplete: field.autocomplete ?? 'off',
          spellcheck: 'false',
          lang: field.lang,
        });
  control.setAttribute('aria-describedby', describedBy);
  if (field.required) control.setAttribute('aria-required', 'true');
  if (typeof field.value === 'string') control.value = field.value;
  return el('div', { class: 'field', 'data-field': field.name }, [
    said('label', field.label, { for: id }),
    hint,
    error,
    control,
  ]);
}

/**
 * Fills a select or a choice group from its field's options, keeping what was chosen.
 * @param {HTMLFormElement} form
 * @param {Field[]} fields
 */
export function refreshOptions(form, fields) {
  for (const field of fields) {
    if (!field.options) continue;
    const options = field.options();
    if (field.kind === 'select') {
      const select = /** @type {HTMLSelectElement} */ (form.elements.namedItem(field.name));
      const chosen = select.value;
      select.replaceChildren(...options.map((option) => new Option(option.label, option.value)));
      if (options.some((option) => option.value === chosen)) select.value = chosen;
    } else if (field.kind === 'choices') {
      const list = /** @type {HTMLElement} */ (form.querySelector(`[data-choices="${field.name}"]`));
      const chosen = new Set(
        [...list.querySelectorAll('input:checked')].map(
          (input) => /** @type {HTMLInputElement} */ (input).value,
        ),
      );
      const groupId = `${form.id}-${idPart(field.name)}`;
      list.replaceChildren(
        ...options.map((option, index) => {
          const id = `${groupId}-${index}`;
          const input = el('input', { type: 'checkbox', id, name: field.name, value: option.value });
          input.checked = chosen.has(option.value);
          return el('div', { class: 'check-row' }, [input, el('label', { for: id, text: option.label })]);
        }),
      );
    }
  }
}

/**
 * What the form holds, as the API's JSON: numbers as numbers, empty text left out, choice groups
 * as lists, dotted names nested ("scope.shelterIds" -> { scope: { shelterIds } }).
 * @param {HTMLFormElement} form
 * @param {Field[]} fields
 * @returns {Record<string, unknown>}
 */
export function valuesOf(form, fields) {
  /** @type {Record<string, unknown>} */
  const values = {};
  for (const field of fields) {
    const value = fieldValue(form, field);
    if (value === undefined) continue;
    const path = field.name.split('.');
    /** @type {Record<string, unknown>} */
    let target = values;
    for (const part of path.slice(0, -1)) {
      target[part] ??= {};
      target = /** @type {Record<string, unknown>} */ (target[part]);
    }
    target[path[path.length - 1] ?? field.name] = value;
  }
  return values;
}

/**
 * Whether a field is left out by its own form (a field the chosen role does not use). A form in a
 * section not shown is hidden too, but its fields still hold what will be sent: its button is
 * labelled from them before the section is opened.
 * @param {HTMLFormElement} form
 * @param {Element | null} element
 */
function hiddenInForm(form, element) {
  const hidden = element?.closest('[hidden]');
  return hidden !== null && hidden !== undefined && form.contains(hidden);
}

/**
 * @param {HTMLFormElement} form
 * @param {Field} field
 * @returns {unknown}
 */
function fieldValue(form, field) {
  const kind = field.kind ?? 'text';
  if (kind === 'choices') {
    if (hiddenInForm(form, form.querySelector(`[data-field="${field.name}"]`))) return undefined;
    const chosen = [...form.querySelectorAll(`[data-choices="${field.name}"] input:checked`)].map(
      (input) => /** @type {HTMLInputElement} */ (input).value,
    );
    return chosen.length === 0 ? undefined : chosen;
  }
  const control = /** @type {HTMLInputElement | HTMLSelectElement | null} */ (
    form.elements.namedItem(field.name)
  );
  if (control === null || hiddenInForm(form, control)) return undefined;
  if (kind === 'checkbox') return /** @type {HTMLInputElement} */ (control).checked;
  const text = control.value.trim();
  if (text === '') return undefined;
  if (kind === 'number' || kind === 'integer') {
    // Khmer digits typed on a Khmer keyboard are the same numbers.
    const western = text.replace(/[០-៩]/g, (digit) => String(digit.charCodeAt(0) - 0x17e0)).replace(',', '.');
    const number = Number(western);
    return Number.isFinite(number) ? number : text;
  }
  return text;
}

/**
 * @typedef {{
 *   form: HTMLFormElement,
 *   box: HTMLElement,
 *   fields: Field[],
 *   submit: HTMLButtonElement,
 *   status: HTMLElement,
 *   setErrors: (errors: Array<{ field: string, message: string }>, local?: boolean) => void,
 *   clearErrors: () => void,
 *   refresh: () => void,
 *   reset: () => void,
 * }} WriteForm
 */

/**
 * A form that writes once per intended change.
 * `send(values, idempotencyKey)` makes the call and answers what happened, in words.
 * `submitLabel(values)` says what the button will do with what is typed now.
 * @param {{
 *   title: AdminKey,
 *   fields: Field[],
 *   submitLabel: (values: Record<string, unknown>) => string,
 *   busyLabel?: AdminKey,
 *   send: (values: Record<string, unknown>, idempotencyKey: string) => Promise<string>,
 *   check?: (values: Record<string, unknown>) => Array<{ field: string, message: string }>,
 *   after?: HTMLElement,
 *   keepValues?: boolean,
 *   folded?: boolean,
 * }} options
 * @returns {WriteForm}
 */
export function writeForm({
  title,
  fields,
  submitLabel,
  busyLabel = 'form.busy',
  send,
  check,
  after,
  keepValues,
  folded,
}) {
  formCount++;
  const formId = `form-${formCount}`;
  const summaryList = el('ul');
  const summary = el('div', { class: 'error-summary', tabindex: '-1', hidden: true, role: 'alert' }, [
    said('h4', 'form.problem'),
    summaryList,
  ]);
  const submit = el('button', { type: 'submit', class: 'primary' });
  const status = el('p', { class: 'done', role: 'status' });
  const form = el('form', { class: 'stack write', id: formId, novalidate: true }, [
    folded ? undefined : said('h3', title),
    summary,
    ...fields.map((field) => fieldMarkup(formId, field)),
    submit,
    status,
    after,
  ]);
  refreshOptions(form, fields);
  // A form folded under its title: the section shows its records first, a form when asked.
  const box = folded
    ? el('details', { class: 'fold' }, [el('summary', {}, [said('h3', title)]), form])
    : form;

  /** The key of the change being made: kept across retries, dropped when the change is another. */
  /** @type {string | undefined} */
  let idempotencyKey;
  let sending = false;

  const label = () => {
    if (!sending) submit.textContent = submitLabel(valuesOf(form, fields));
  };

  const clearErrors = () => {
    summary.hidden = true;
    summaryList.replaceChildren();
    for (const error of form.querySelectorAll('.field-error')) {
      error.textContent = '';
      error.setAttribute('hidden', '');
    }
    for (const field of form.querySelectorAll('.field.invalid')) field.classList.remove('invalid');
    for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  };

  /**
   * @param {Array<{ field: string, message: string }>} errors
   * @param {boolean} [local] the page's own messages, which name their field already
   */
  const setErrors = (errors, local = false) => {
    clearErrors();
    summaryList.replaceChildren(
      ...errors.map(({ field, message }) => {
        const box = findField(form, field);
        const target = box?.querySelector('input, select, textarea');
        if (box) {
          box.classList.add('invalid');
          const beside = box.querySelector('.field-error');
          if (beside) {
            beside.textContent = message;
            beside.removeAttribute('hidden');
          }
          target?.setAttribute('aria-invalid', 'true');
        }
        // The summary names the field, as the person reads it, before the server's reason.
        const label = box?.querySelector('label, legend')?.textContent;
        const text = label && !message.startsWith(label) && !local ? `${label}: ${message}` : message;
        const link = el('a', { href: `#${target?.id ?? box?.id ?? formId}`, text });
        link.addEventListener('click', (event) => {
          event.preventDefault();
          /** @type {HTMLElement | null | undefined} */ (target)?.focus();
        });
        return el('li', {}, [link]);
      }),
    );
    summary.hidden = errors.length === 0;
    if (errors.length > 0) summary.focus();
  };

  form.addEventListener('input', () => {
    // What is typed now is another change: it gets its own key.
    idempotencyKey = undefined;
    status.textContent = '';
    label();
  });
  form.addEventListener('change', label);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    const values = valuesOf(form, fields);
    const local = [...requiredErrors(form, fields), ...(check?.(values) ?? [])];
    if (local.length > 0) return setErrors(local, true);
    clearErrors();
    idempotencyKey ??= newIdempotencyKey();
    sending = true;
    submit.disabled = true;
    submit.textContent = at(busyLabel);
    status.textContent = '';
    try {
      const done = await send(values, idempotencyKey);
      idempotencyKey = undefined;
      if (!keepValues) resetControls(form);
      status.textContent = done;
    } catch (err) {
      setErrors(problemErrors(err));
    } finally {
      sending = false;
      submit.disabled = false;
      label();
    }
  });
  label();
  return {
    form,
    box,
    fields,
    submit,
    status,
    setErrors,
    clearErrors,
    refresh: () => {
      refreshOptions(form, fields);
      label();
    },
    reset: () => {
      resetControls(form);
      clearErrors();
      status.textContent = '';
      idempotencyKey = undefined;
      label();
    },
  };
}

/** @param {HTMLFormElement} form */
function resetControls(form) {
  for (const control of form.querySelectorAll('input')) {
    if (control.type === 'checkbox') control.checked = control.defaultChecked;
    else control.value = control.defaultValue;
  }
}

/**
 * The box of the field an error names: the field itself, or the nearest parent path
 * ("scope.shelterIds.0" -> "scope.shelterIds").
 * @param {HTMLFormElement} form
 * @param {string} name
 * @returns {HTMLElement | undefined}
 */
function findField(form, name) {
  const boxes = [...form.querySelectorAll('[data-field]')].filter(
    (box) => !hiddenInForm(form, box) && box.getAttribute('data-field') !== null,
  );
  // The server names a body's fields from the body ("body.scope.shelterIds").
  let path = name.startsWith('body.') ? name.slice('body.'.length) : name;
  const whole = path;
  while (path !== '') {
    const box = boxes.find((candidate) => candidate.getAttribute('data-field') === path);
    if (box) return /** @type {HTMLElement} */ (box);
    path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
  }
  // An error about the whole scope lands on the first visible field below it.
  const below = boxes.find((candidate) => candidate.getAttribute('data-field')?.startsWith(`${whole}.`));
  return below ? /** @type {HTMLElement} */ (below) : undefined;
}

/**
 * @param {HTMLFormElement} form
 * @param {Field[]} fields
 */
function requiredErrors(form, fields) {
  return fields
    .filter((field) => field.required && findField(form, field.name) !== undefined)
    .filter((field) => {
      const value = fieldValue(form, field);
      return value === undefined || value === '';
    })
    .map((field) => ({ field: field.name, message: at('form.required', { field: at(field.label) }) }));
}

/**
 * What a refusal says, field by field where the server named fields.
 * @param {unknown} err
 * @returns {Array<{ field: string, message: string }>}
 */
export function problemErrors(err) {
  if (err instanceof NetworkError) return [{ field: '', message: at('form.offline') }];
  if (err instanceof ApiError) {
    if (err.status === 401) return [{ field: '', message: at('form.signedOut') }];
    if (err.status === 403) return [{ field: '', message: at('form.forbidden') }];
    const fields = /** @type {Array<{ field: string, message: string }> | undefined} */ (err.problem.errors);
    if (fields && fields.length > 0) return fields;
    return [{ field: '', message: err.message }];
  }
  return [{ field: '', message: err instanceof Error ? err.message : String(err) }];
}

/**
 * A check-your-answers step before a write that cannot be undone (STYLE 20): what will change,
 * then one button that says it, and one that goes back. Replaces `host`'s content until done.
 * @param {{
 *   host: HTMLElement,
 *   heading: string,
 *   facts: Array<[string, string]>,
 *   warning: string,
 *   action: string,
 *   run: (idempotencyKey: string) => Promise<string>,
 *   onDone: (message: string) => void,
 *   onCancel: () => void,
 * }} options
 */
export function confirmStep({ host, heading, facts, warning, action, run, onDone, onCancel }) {
  const idempotencyKey = newIdempotencyKey();
  const error = el('p', { class: 'error', role: 'alert' });
  const go = el('button', { type: 'button', class: 'danger', text: action });
  const back = el('button', { type: 'button', class: 'secondary', text: at('confirm.back') });
  const title = el('h4', { text: heading, tabindex: '-1' });
  const panel = el('div', { class: 'confirm stack', role: 'group', 'aria-label': heading }, [
    title,
    el(
      'dl',
      { class: 'facts' },
      facts.map(([term, value]) => el('div', {}, [el('dt', { text: term }), el('dd', { text: value })])),
    ),
    el('p', { class: 'warning', text: warning }),
    error,
    el('div', { class: 'row actions' }, [go, back]),
  ]);
  host.replaceChildren(panel);
  title.focus();
  back.addEventListener('click', onCancel);
  go.addEventListener('click', async () => {
    go.disabled = true;
    back.disabled = true;
    go.textContent = at('form.busy');
    try {
      onDone(await run(idempotencyKey));
    } catch (err) {
      error.textContent = problemErrors(err)
        .map((problem) => problem.message)
        .join(' ');
      go.disabled = false;
      back.disabled = false;
      go.textContent = action;
    }
  });
}
