// Organisations: the partners whose keys, people and vouchers the platform holds apart.
import { formatTime } from '../common/i18n.js';
import { at } from './admin-i18n.js';
import { writeForm } from './form.js';
import { el, fillList, recordItem } from './ui.js';

/** @typedef {import('./admin.js').AdminContext} AdminContext */
/** @typedef {import('./admin-types.js').Organization} Organization */

/** @type {AdminContext | undefined} */
let context;
const list = el('ul', { class: 'records' });

/** @type {import('./admin.js').Section} */
export const organisationsSection = {
  id: 'organisations',
  title: 'org.title',
  roles: ['admin'],
  mount(host, given) {
    context = given;
    const create = writeForm({
      title: 'org.new',
      fields: [
        { name: 'name', label: 'org.name', required: true, autocomplete: 'organization' },
        { name: 'id', label: 'org.id', hint: 'org.idHint', required: true },
      ],
      submitLabel: (values) =>
        typeof values.name === 'string' ? at('org.createNamed', { name: values.name }) : at('org.create'),
      async send(values, idempotencyKey) {
        /** @type {Organization} */
        const org = await given.call('POST', '/v1/organizations', values, idempotencyKey);
        await given.reload('organisations');
        return at('org.created', { name: org.name, id: org.id });
      },
    });
    host.append(list, create.box);
  },
  render() {
    if (!context) return;
    fillList(
      list,
      context.state.organisations.map((org) =>
        recordItem({
          title: org.name,
          lines: [
            ['org.id', org.id],
            ['list.created', formatTime(org.createdAt)],
          ],
        }),
      ),
    );
  },
};
