// The catalogue: what is stocked and handed out, named in English and Khmer, with its unit,
// category and what one person needs a day (which gives days of cover).
import { formatAmount, formatTime } from '../common/i18n.js';
import { at } from './admin-i18n.js';
import { writeForm } from './form.js';
import { el, fillList, nameOf, recordItem } from './ui.js';

/** @typedef {import('./admin.js').AdminContext} AdminContext */
/** @typedef {import('../common/api-types.js').Item} Item */

/** @type {AdminContext | undefined} */
let context;
const list = el('ul', { class: 'records' });
/** @type {import('./form.js').WriteForm | undefined} */
let create;

/**
 * The choices of an enum of this server's schema, each in words where we have them.
 * @param {AdminContext} given
 * @param {string} schema
 * @param {(value: string) => string} label
 */
function enumOptions(given, schema, label) {
  return () =>
    (given.state.document.components.schemas[schema]?.enum ?? []).map((value) => ({
      value,
      label: label(value),
    }));
}

/** @param {string} category */
function categoryLabel(category) {
  const key = `category.${category}`;
  return isAdminKey(key) ? at(key) : category;
}

/** @param {string} unit */
function unitLabel(unit) {
  const key = `unitName.${unit}`;
  return isAdminKey(key) ? at(key) : unit;
}

/**
 * @param {string} key
 * @returns {key is import('./admin-i18n.js').AdminKey}
 */
function isAdminKey(key) {
  return at(/** @type {import('./admin-i18n.js').AdminKey} */ (key)) !== key;
}

/** @type {import('./admin.js').Section} */
export const itemsSection = {
  id: 'items',
  title: 'item.title',
  roles: ['admin'],
  mount(host, given) {
    context = given;
    create = writeForm({
      title: 'item.new',
      folded: true,
      fields: [
        { name: 'name', label: 'item.name', required: true },
        { name: 'nameKm', label: 'item.nameKm', hint: 'item.nameKmHint', lang: 'km' },
        { name: 'id', label: 'item.id', hint: 'item.idHint', required: true },
        {
          name: 'category',
          label: 'item.category',
          kind: 'select',
          options: enumOptions(given, 'ItemCategory', categoryLabel),
        },
        {
          name: 'unit',
          label: 'item.unit',
          kind: 'select',
          options: enumOptions(given, 'ItemUnit', unitLabel),
        },
        { name: 'dailyNeedPerPerson', label: 'item.dailyNeed', kind: 'number', hint: 'item.dailyNeedHint' },
      ],
      submitLabel: (values) =>
        typeof values.name === 'string' ? at('item.createNamed', { name: values.name }) : at('item.create'),
      async send(values, idempotencyKey) {
        /** @type {Item} */
        const item = await given.call('POST', '/v1/items', values, idempotencyKey);
        await given.reload('items');
        return at('item.created', { name: nameOf(item), id: item.id });
      },
    });
    host.append(list, create.box);
  },
  render() {
    if (!context) return;
    create?.refresh();
    fillList(
      list,
      context.state.items.map((item) =>
        recordItem({
          title: nameOf(item),
          lines: [
            ['item.id', item.id],
            ['item.otherName', item.nameKm && nameOf(item) === item.nameKm ? item.name : item.nameKm],
            ['item.category', categoryLabel(item.category)],
            ['item.unit', unitLabel(item.unit)],
            [
              'item.dailyNeed',
              item.dailyNeedPerPerson === undefined
                ? undefined
                : at('item.perDay', { amount: formatAmount(item.dailyNeedPerPerson, item.unit) }),
            ],
            ['list.created', formatTime(item.createdAt)],
          ],
        }),
      ),
    );
  },
};
