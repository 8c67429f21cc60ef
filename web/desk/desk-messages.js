// The desk shell's own words, in English and Khmer, added beside the shared table when the page
// loads. Each section brings its words in a file of its own (conflicts-messages.js...), named in
// DeskMessageKey below. Khmer wording was written for this first version: have a native speaker
// review it.
import { addMessages } from '../common/i18n.js';

const en = {
  'signin.deskKey': 'Logistics or admin key',
  'desk.title': 'Logistics desk',
  'desk.skip': 'Skip to the content',
  'desk.board': 'Stock board',
  'desk.sections': 'Sections',
  'desk.shelter': 'Shelter',
  'desk.role.logistics': 'Logistics lead',
  'desk.role.admin': 'Admin',
  'desk.notDesk': 'This page needs a logistics or admin key.',
  'desk.noShelter': 'This key reaches no shelter. Ask an admin to give it one.',
  'desk.offline': 'No connection: the desk needs the network to load. Try again when you are online.',
  'desk.failed': 'The desk could not load ({reason}). Try again.',
  'desk.retry': 'Try again',
};

/**
 * The shell's keys and every section's (each section's words file adds itself here).
 * @typedef {keyof typeof en
 *   | import('./conflicts-messages.js').ConflictsMessageKey
 *   | import('./receive-messages.js').ReceiveMessageKey
 *   | import('./count-messages.js').CountMessageKey
 *   | import('./thresholds-messages.js').ThresholdsMessageKey
 *   | import('./transfer-messages.js').TransferMessageKey
 *   | import('./plan-messages.js').PlanMessageKey} DeskMessageKey
 */

/**
 * Every message has its Khmer: a key missing here fails the type check.
 * @type {Record<keyof typeof en, string>}
 */
const km = {
  'signin.deskKey': 'សោផ្នែកភស្តុភារ ឬសោអ្នកគ្រប់គ្រង',
  'desk.title': 'តុភស្តុភារ',
  'desk.skip': 'រំលងទៅខ្លឹមសារ',
  'desk.board': 'ផ្ទាំងស្តុក',
  'desk.sections': 'ផ្នែក',
  'desk.shelter': 'ទីជម្រក',
  'desk.role.logistics': 'អ្នកទទួលខុសត្រូវភស្តុភារ',
  'desk.role.admin': 'អ្នកគ្រប់គ្រង',
  'desk.notDesk': 'ទំព័រនេះត្រូវការសោផ្នែកភស្តុភារ ឬសោអ្នកគ្រប់គ្រង។',
  'desk.noShelter': 'សោនេះមិនទៅដល់ទីជម្រកណាទេ។ សូមស្នើអ្នកគ្រប់គ្រងឱ្យផ្តល់ទីជម្រកមួយ។',
  'desk.offline': 'គ្មានអ៊ីនធឺណិត៖ តុនេះត្រូវការបណ្តាញដើម្បីផ្ទុក។ សូមព្យាយាមម្តងទៀតពេលមានអ៊ីនធឺណិត។',
  'desk.failed': 'មិនអាចផ្ទុកតុនេះបានទេ ({reason})។ សូមព្យាយាមម្តងទៀត។',
  'desk.retry': 'ព្យាយាមម្តងទៀត',
};

addMessages({ en, km });
