// The words of the desk's Thresholds section, in English and Khmer. Khmer wording was written for
// this first version: have a native speaker review it.
import { addMessages } from '../common/i18n.js';

const en = {
  'thresholds.title': 'Thresholds',
  'thresholds.intro':
    'When an item’s available stock comes to its low-stock threshold, or its days of cover fall under the warning days, the logistics leads get an alert in their digest.',
  'thresholds.loading': 'Loading…',
  'thresholds.items': 'Low-stock thresholds at {shelter}',
  'thresholds.itemsHint': 'In the item’s unit. Leave a field empty for no threshold.',
  'thresholds.now': 'Available now: {available} · {cover}',
  'thresholds.coverDays': '{days} days of cover',
  'thresholds.noCover': 'days of cover unknown',
  'thresholds.save': 'Continue',
  'thresholds.check': 'Check the thresholds before they are saved',
  'thresholds.none': 'no threshold',
  'thresholds.effect': 'Alerts at {shelter} follow these thresholds from now on.',
  'thresholds.doSave': 'Save {count} thresholds',
  'thresholds.nothing': 'Change a threshold first: these are the ones saved.',
  'thresholds.enterNumber': 'Enter a number of 0 or more for {item}, or leave it empty',
  'thresholds.saved': 'Saved: {count} thresholds at {shelter}.',
  'thresholds.cover': 'Cover warning days at {shelter}',
  'thresholds.coverLabel': 'Warning days',
  'thresholds.coverHint': 'An alert when an item’s stock would last fewer days than this (3 when not set).',
  'thresholds.coverAdmin': 'Only an admin key can change this; ask an admin.',
  'thresholds.coverSave': 'Continue',
  'thresholds.coverCheck': 'Check the warning days before they are saved',
  'thresholds.coverEffect': 'Items at {shelter} with fewer days of cover than this raise an alert.',
  'thresholds.coverDo': 'Warn under {days} days',
  'thresholds.coverRange': 'Enter a whole number of days from 0 to 90',
  'thresholds.coverSaved': 'Saved: alerts under {days} days of cover at {shelter}.',
  'thresholds.digests': 'Who receives the digests',
  'thresholds.digestsText':
    'Stock alerts for {shelter} go out as one digest an hour at most, by email, to the logistics leads’ addresses set when Supplyline was deployed (stockAlertEmails). The API does not list these addresses: an admin can tell you who they are and add you.',
};

/** @typedef {keyof typeof en} ThresholdsMessageKey */

/** @type {Record<keyof typeof en, string>} */
const km = {
  'thresholds.title': 'កម្រិតព្រមាន',
  'thresholds.intro':
    'នៅពេលស្តុកដែលអាចប្រើបាននៃទំនិញមួយដល់កម្រិតស្តុកទាប ឬចំនួនថ្ងៃគ្រប់គ្រាន់ធ្លាក់ក្រោមថ្ងៃព្រមាន អ្នកទទួលខុសត្រូវភស្តុភារទទួលបានការជូនដំណឹងក្នុងសេចក្តីសង្ខេបរបស់ពួកគេ។',
  'thresholds.loading': 'កំពុងផ្ទុក…',
  'thresholds.items': 'កម្រិតស្តុកទាបនៅ {shelter}',
  'thresholds.itemsHint': 'ជាឯកតារបស់ទំនិញ។ ទុកចន្លោះទទេ ប្រសិនបើគ្មានកម្រិត។',
  'thresholds.now': 'អាចប្រើបានឥឡូវ៖ {available} · {cover}',
  'thresholds.coverDays': 'គ្រប់គ្រាន់ {days} ថ្ងៃ',
  'thresholds.noCover': 'មិនដឹងចំនួនថ្ងៃគ្រប់គ្រាន់',
  'thresholds.save': 'បន្ត',
  'thresholds.check': 'ពិនិត្យកម្រិតមុនពេលរក្សាទុក',
  'thresholds.none': 'គ្មានកម្រិត',
  'thresholds.effect': 'ការជូនដំណឹងនៅ {shelter} ធ្វើតាមកម្រិតទាំងនេះចាប់ពីឥឡូវ។',
  'thresholds.doSave': 'រក្សាទុកកម្រិត {count}',
  'thresholds.nothing': 'សូមកែកម្រិតមួយជាមុនសិន៖ ទាំងនេះគឺជាកម្រិតដែលបានរក្សាទុករួច។',
  'thresholds.enterNumber': 'សូមបញ្ចូលលេខ ០ ឬច្រើនជាងនេះសម្រាប់ {item} ឬទុកចន្លោះទទេ',
  'thresholds.saved': 'បានរក្សាទុក៖ កម្រិត {count} នៅ {shelter}។',
  'thresholds.cover': 'ថ្ងៃព្រមាននៅ {shelter}',
  'thresholds.coverLabel': 'ថ្ងៃព្រមាន',
  'thresholds.coverHint': 'ជូនដំណឹងនៅពេលស្តុកទំនិញគ្រប់គ្រាន់តិចថ្ងៃជាងនេះ (៣ ប្រសិនបើមិនបានកំណត់)។',
  'thresholds.coverAdmin': 'មានតែសោអ្នកគ្រប់គ្រងទេដែលអាចកែវាបាន។ សូមស្នើអ្នកគ្រប់គ្រង។',
  'thresholds.coverSave': 'បន្ត',
  'thresholds.coverCheck': 'ពិនិត្យថ្ងៃព្រមានមុនពេលរក្សាទុក',
  'thresholds.coverEffect': 'ទំនិញនៅ {shelter} ដែលគ្រប់គ្រាន់តិចថ្ងៃជាងនេះនឹងជូនដំណឹង។',
  'thresholds.coverDo': 'ព្រមាននៅក្រោម {days} ថ្ងៃ',
  'thresholds.coverRange': 'សូមបញ្ចូលចំនួនថ្ងៃជាលេខគត់ពី ០ ដល់ ៩០',
  'thresholds.coverSaved': 'បានរក្សាទុក៖ ជូនដំណឹងនៅក្រោម {days} ថ្ងៃនៅ {shelter}។',
  'thresholds.digests': 'អ្នកណាទទួលសេចក្តីសង្ខេប',
  'thresholds.digestsText':
    'ការជូនដំណឹងស្តុកសម្រាប់ {shelter} ត្រូវបានផ្ញើជាសេចក្តីសង្ខេបយ៉ាងច្រើនមួយក្នុងមួយម៉ោង តាមអ៊ីមែល ទៅអាសយដ្ឋានរបស់អ្នកទទួលខុសត្រូវភស្តុភារ ដែលបានកំណត់ពេលដាក់ដំណើរការ Supplyline (stockAlertEmails)។ API មិនបង្ហាញអាសយដ្ឋានទាំងនេះទេ៖ អ្នកគ្រប់គ្រងអាចប្រាប់អ្នក និងបន្ថែមអ្នក។',
};

addMessages({ en, km });
