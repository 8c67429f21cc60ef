// Shelters and their pickup points: every field the API takes, names in English and Khmer.
// Fields this server does not have yet (read from its own /openapi.json) are not offered.
import { formatNumber, formatTime } from '../common/i18n.js';
import { at } from './admin-i18n.js';
import { writeForm } from './form.js';
import { el, fillList, nameOf, recordItem } from './ui.js';

/** @typedef {import('./admin.js').AdminContext} AdminContext */
/** @typedef {import('./admin-types.js').ShelterView} ShelterView */
/** @typedef {import('./admin-types.js').PickupPointView} PickupPointView */
/** @typedef {import('./form.js').Field} Field */
/** @typedef {ShelterView & { nameKm?: string, silentPhoneMinutes?: number }} ShelterRecord */

/** @type {AdminContext | undefined} */
let context;
const list = el('ul', { class: 'records' });
/** @type {Array<import('./form.js').WriteForm>} */
const forms = [];

/**
 * Whether this server's schema `name` has the property `field`.
 * @param {AdminContext} given
 * @param {string} name
 * @param {string} field
 */
export function schemaHas(given, name, field) {
  return Object.hasOwn(given.state.document.components.schemas[name]?.properties ?? {}, field);
}

/** @param {AdminContext} given */
function shelterOptions(given) {
  return () => given.state.shelters.map((shelter) => ({ value: shelter.id, label: nameOf(shelter) }));
}

/**
 * The fields both forms share.
 * @param {AdminContext} given
 * @param {'CreateShelter' | 'UpdateShelter'} schema
 * @returns {Field[]}
 */
function shelterFields(given, schema) {
  const required = schema === 'CreateShelter';
  /** @type {Array<Field | false>} */
  const fields = [
    { name: 'name', label: 'shelter.name', hint: 'shelter.nameHint', required },
    schemaHas(given, schema, 'nameKm') && { name: 'nameKm', label: 'shelter.nameKm', lang: 'km' },
    { name: 'province', label: 'shelter.province', required },
    { name: 'provinceCode', label: 'shelter.provinceCode', hint: 'shelter.provinceCodeHint' },
    { name: 'address', label: 'shelter.address' },
    { name: 'latitude', label: 'shelter.latitude', kind: 'number', hint: 'shelter.latitudeHint' },
    { name: 'longitude', label: 'shelter.longitude', kind: 'number' },
    { name: 'capacity', label: 'shelter.capacity', kind: 'integer', required },
    {
      name: 'population',
      label: 'shelter.population',
      kind: 'integer',
      required,
      hint: 'shelter.populationHint',
    },
    {
      name: 'confidential',
      label: 'shelter.confidential',
      kind: 'checkbox',
      hint: 'shelter.confidentialHint',
    },
    {
      name: 'coverWarningDays',
      label: 'shelter.coverWarningDays',
      kind: 'number',
      hint: 'shelter.coverWarningHint',
    },
  ];
  if (schema === 'UpdateShelter') {
    fields.push(
      {
        name: 'offlineMode',
        label: 'shelter.offlineMode',
        kind: 'select',
        hint: 'shelter.offlineModeHint',
        options: () =>
          (given.state.document.components.schemas.OfflineMode?.enum ?? ['pools', 'detect', 'online']).map(
            (mode) => ({ value: mode, label: offlineModeLabel(mode) }),
          ),
      },
      {
        name: 'offlineWindowHours',
        label: 'shelter.offlineWindowHours',
        kind: 'integer',
        hint: 'shelter.offlineWindowHint',
      },
      schemaHas(given, schema, 'silentPhoneMinutes') && {
        name: 'silentPhoneMinutes',
        label: 'shelter.silentPhoneMinutes',
        kind: 'integer',
        hint: 'shelter.silentPhoneHint',
      },
    );
  } else {
    fields.push({ name: 'id', label: 'shelter.id', hint: 'shelter.idHint' });
  }
  return fields.filter((field) => field !== false);
}

/** @param {string} mode */
function offlineModeLabel(mode) {
  if (mode === 'pools') return at('offline.pools');
  if (mode === 'detect') return at('offline.detect');
  if (mode === 'online') return at('offline.online');
  return mode;
}

/**
 * Puts a shelter's values into the change form, to be edited.
 * @param {HTMLFormElement} form
 * @param {Field[]} fields
 * @param {ShelterRecord | undefined} shelter
 */
function fillFrom(form, fields, shelter) {
  for (const field of fields) {
    if (field.name === 'shelterId') continue;
    const control = /** @type {HTMLInputElement | HTMLSelectElement | null} */ (
      form.elements.namedItem(field.name)
    );
    if (control === null) continue;
    const value = shelter ? /** @type {Record<string, unknown>} */ (shelter)[field.name] : undefined;
    if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = value === true;
    else control.value = value === undefined || value === null ? '' : String(value);
  }
}

/** @type {import('./admin.js').Section} */
export const sheltersSection = {
  id: 'shelters',
  title: 'shelter.title',
  roles: ['admin'],
  mount(host, given) {
    context = given;
    const create = writeForm({
      title: 'shelter.new',
      folded: true,
      fields: shelterFields(given, 'CreateShelter'),
      submitLabel: (values) =>
        typeof values.name === 'string'
          ? at('shelter.createNamed', { name: values.name })
          : at('shelter.create'),
      async send(values, idempotencyKey) {
        /** @type {ShelterView} */
        const shelter = await given.call('POST', '/v1/shelters', values, idempotencyKey);
        await given.reload('shelters');
        return at('shelter.created', { name: nameOf(shelter), id: shelter.id });
      },
    });

    /** @type {Field} */
    const which = {
      name: 'shelterId',
      label: 'shelter.which',
      kind: 'select',
      options: shelterOptions(given),
    };
    const editFields = [which, ...shelterFields(given, 'UpdateShelter')];
    const edit = writeForm({
      title: 'shelter.edit',
      folded: true,
      fields: editFields,
      keepValues: true,
      submitLabel: (values) => {
        const shelter = given.state.shelters.find((candidate) => candidate.id === values.shelterId);
        return shelter ? at('shelter.saveNamed', { name: nameOf(shelter) }) : at('shelter.save');
      },
      async send(values, idempotencyKey) {
        const { shelterId, ...patch } = values;
        /** @type {ShelterView} */
        const shelter = await given.call(
          'PATCH',
          `/v1/shelters/${encodeURIComponent(String(shelterId))}`,
          patch,
          idempotencyKey,
        );
        await given.reload('shelters');
        return at('shelter.saved', { name: nameOf(shelter) });
      },
    });
    const editSelect = () => /** @type {HTMLSelectElement} */ (edit.form.elements.namedItem('shelterId'));
    editSelect().addEventListener('change', () => {
      const shelter = given.state.shelters.find((candidate) => candidate.id === editSelect().value);
      fillFrom(edit.form, editFields, shelter);
      edit.clearErrors();
    });

    const point = writeForm({
      title: 'point.new',
      folded: true,
      fields: [
        { name: 'shelterId', label: 'point.shelter', kind: 'select', options: shelterOptions(given) },
        { name: 'name', label: 'point.name', required: true },
        ...(schemaHas(given, 'CreatePickupPoint', 'nameKm')
          ? [/** @type {Field} */ ({ name: 'nameKm', label: 'point.nameKm', lang: 'km' })]
          : []),
        { name: 'id', label: 'point.id', hint: 'point.idHint' },
      ],
      submitLabel: (values) =>
        typeof values.name === 'string' ? at('point.createNamed', { name: values.name }) : at('point.create'),
      async send(values, idempotencyKey) {
        const { shelterId, ...body } = values;
        /** @type {PickupPointView} */
        const created = await given.call(
          'POST',
          `/v1/shelters/${encodeURIComponent(String(shelterId))}/pickup-points`,
          body,
          idempotencyKey,
        );
        await given.reload('shelters');
        return at('point.created', { name: nameOf(created), id: created.id });
      },
    });
    forms.push(create, edit, point);
    host.append(list, create.box, edit.box, point.box);
    // The change form shows the first shelter's values once shelters have loaded (render()).
    edit.form.dataset.fillFirst = 'yes';
  },
  render() {
    if (!context) return;
    const given = context;
    for (const form of forms) form.refresh();
    const edit = forms[1];
    if (edit && edit.form.dataset.fillFirst === 'yes' && given.state.shelters.length > 0) {
      delete edit.form.dataset.fillFirst;
      const select = /** @type {HTMLSelectElement} */ (edit.form.elements.namedItem('shelterId'));
      fillFrom(
        edit.form,
        edit.fields,
        given.state.shelters.find((shelter) => shelter.id === select.value),
      );
      edit.refresh();
    }
    fillList(
      list,
      given.state.shelters.map((record) => {
        const shelter = /** @type {ShelterRecord} */ (record);
        const points = given.state.points.get(shelter.id) ?? [];
        return recordItem({
          title: nameOf(shelter),
          lines: [
            ['shelter.id', shelter.id],
            [
              'shelter.otherName',
              shelter.nameKm && nameOf(shelter) !== shelter.nameKm ? shelter.nameKm : undefined,
            ],
            ['shelter.province', [shelter.province, shelter.provinceCode].filter(Boolean).join(' · ')],
            ['shelter.address', shelter.address],
            [
              'shelter.location',
              shelter.latitude !== undefined && shelter.longitude !== undefined
                ? `${shelter.latitude}, ${shelter.longitude}`
                : undefined,
            ],
            [
              'shelter.people',
              at('shelter.peopleValue', {
                population: formatNumber(shelter.population),
                capacity: formatNumber(shelter.capacity),
              }),
            ],
            ['shelter.confidential', shelter.confidential ? at('yes') : at('no')],
            ['shelter.coverWarningDays', at('days', { n: formatNumber(shelter.coverWarningDays ?? 3) })],
            [
              'shelter.offlineMode',
              `${offlineModeLabel(shelter.offlineMode ?? 'pools')} · ${at('hours', { n: formatNumber(shelter.offlineWindowHours) })}`,
            ],
            [
              'shelter.silentPhoneMinutes',
              shelter.silentPhoneMinutes === undefined
                ? undefined
                : at('minutes', { n: formatNumber(shelter.silentPhoneMinutes) }),
            ],
            ['shelter.points', points.map((p) => nameOf(p)).join(', ') || at('shelter.noPoints')],
            ['list.updated', shelter.updatedAt ? formatTime(shelter.updatedAt) : undefined],
          ],
        });
      }),
    );
  },
};
