// The words of web/common/form.js, in English and Khmer, added beside the shared table when a
// page that writes loads it (the scanner does not: its first load stays as it is). Khmer wording
// was written for this first version: have a native speaker review it.
import { addMessages } from './i18n.js';

const en = {
  'form.problem': 'There is a problem',
  'form.sending': 'Sending…',
  'form.back': 'Go back, change nothing',
  'form.offline':
    'No connection, so this may not have been saved. Nothing is lost: press the button again when you are online; it will not be done twice.',
  'form.signedOut': 'Your key is no longer accepted. Sign in again.',
  'form.forbidden': 'Your key may not do this.',
  'form.inFlight':
    'The first press is still being saved. Wait a moment, then press again: it will not be done twice.',
  'form.serverBusy': 'The server is busy. Wait a moment, then press again: it will not be done twice.',
  'form.serverError': 'The server could not do this just now. Press again: it will not be done twice.',
};

/** @typedef {keyof typeof en} FormMessageKey */

/**
 * Every message has its Khmer: a key missing here fails the type check.
 * @type {Record<FormMessageKey, string>}
 */
const km = {
  'form.problem': 'មានបញ្ហា',
  'form.sending': 'កំពុងផ្ញើ…',
  'form.back': 'ត្រឡប់ក្រោយ មិនផ្លាស់ប្តូរអ្វីទេ',
  'form.offline':
    'គ្មានអ៊ីនធឺណិត ដូច្នេះប្រហែលជាមិនទាន់បានរក្សាទុកទេ។ គ្មានអ្វីបាត់បង់ទេ៖ សូមចុចប៊ូតុងម្តងទៀតពេលមានអ៊ីនធឺណិត វានឹងមិនធ្វើពីរដងទេ។',
  'form.signedOut': 'សោរបស់អ្នកលែងត្រូវបានទទួលស្គាល់ហើយ។ សូមចូលម្តងទៀត។',
  'form.forbidden': 'សោរបស់អ្នកមិនអាចធ្វើការនេះបានទេ។',
  'form.inFlight': 'ការចុចលើកទីមួយកំពុងរក្សាទុក។ សូមរង់ចាំបន្តិច រួចចុចម្តងទៀត៖ វានឹងមិនធ្វើពីរដងទេ។',
  'form.serverBusy': 'ម៉ាស៊ីនមេរវល់។ សូមរង់ចាំបន្តិច រួចចុចម្តងទៀត៖ វានឹងមិនធ្វើពីរដងទេ។',
  'form.serverError': 'ម៉ាស៊ីនមេមិនអាចធ្វើការនេះបានឥឡូវនេះទេ។ សូមចុចម្តងទៀត៖ វានឹងមិនធ្វើពីរដងទេ។',
};

addMessages({ en, km });
