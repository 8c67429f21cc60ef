// The words of the desk's Plan section (suggested transfers, the needs report for donors), in
// English and Khmer. Khmer wording was written for this first version: have a native speaker
// review it.
import { addMessages } from '../common/i18n.js';

const en = {
  'plan.title': 'Plan',
  'plan.intro':
    'Transfers that bring every shelter closer to the days of cover you aim at, from the shelters that can spare, and what each shelter still lacks, for donors.',
  'plan.targetDays': 'Days of cover to reach',
  'plan.targetDaysHint': 'Whole days, 1 to 90. A week unless you change it.',
  'plan.item': 'Item',
  'plan.everyItem': 'Every item',
  'plan.show': 'Show the plan',
  'plan.enterDays': 'Enter the days of cover as a whole number from 1 to 90',
  'plan.loading': 'Working out the plan…',
  'plan.failed': 'The plan could not be worked out ({reason}). Try again.',
  'plan.suggestions': 'Suggested transfers',
  'plan.suggestionsCount': '{count} suggested transfers to reach {days} days of cover.',
  'plan.suggestionsOne': 'One suggested transfer to reach {days} days of cover.',
  'plan.suggestionsMore':
    'The first {shown} of {count} suggested transfers to reach {days} days of cover, most urgent first.',
  'plan.none': 'No transfer would help: no shelter can spare what another lacks.',
  'plan.move': 'Move {goods}',
  'plan.fromEnd': 'From {shelter}: {before} → {after} of cover',
  'plan.toEnd': 'To {shelter}: {before} → {after} of cover',
  'plan.days': '{days} days',
  'plan.nobody': 'nobody lives there',
  'plan.dispatch': 'Dispatch this: {goods} to {to}',
  'plan.whoDispatches': 'A logistics lead of {from} can dispatch this, with their own key.',
  'plan.trips': 'The same, as trips (one truck between two shelters)',
  'plan.tripText': 'From {from} to {to}: {goods}',
  'plan.dispatchTrip': 'Dispatch this trip: {goods} from {from} to {to}',
  'plan.unmet': 'From outside (a donor, a purchase)',
  'plan.unmetLine': '{item}: {quantity} still missing once every transfer is made',
  'plan.noDailyNeed': 'Without a daily need per person, so not planned: {items}.',
  'plan.needs': 'What each shelter lacks to reach {days} days (for donors)',
  'plan.needsNone': 'Every shelter has {days} days of cover or more.',
  'plan.shelter': 'Shelter',
  'plan.daysOfCover': 'Days of cover now',
  'plan.missing': 'Missing',
  'plan.download': 'Download the needs report (CSV)',
  'plan.downloading': 'Preparing the file…',
  'plan.downloaded': 'The file {name} is downloaded.',
  'plan.downloadFailed': 'The file could not be prepared ({reason}). Try again.',
  'plan.tableLabel': 'Needs report',
};

/** @typedef {keyof typeof en} PlanMessageKey */

/** @type {Record<keyof typeof en, string>} */
const km = {
  'plan.title': 'ផែនការ',
  'plan.intro':
    'ការផ្ទេរដែលនាំទីជម្រកនីមួយៗឱ្យកាន់តែជិតចំនួនថ្ងៃគ្រប់គ្រាន់ដែលអ្នកចង់បាន ពីទីជម្រកដែលមានលើស និងអ្វីដែលទីជម្រកនីមួយៗនៅខ្វះ សម្រាប់ម្ចាស់ជំនួយ។',
  'plan.targetDays': 'ចំនួនថ្ងៃគ្រប់គ្រាន់ដែលត្រូវឈានដល់',
  'plan.targetDaysHint': 'ចំនួនថ្ងៃគត់ ពី ១ ដល់ ៩០។ មួយសប្តាហ៍ លុះត្រាតែអ្នកប្តូរ។',
  'plan.item': 'ទំនិញ',
  'plan.everyItem': 'ទំនិញទាំងអស់',
  'plan.show': 'បង្ហាញផែនការ',
  'plan.enterDays': 'សូមបញ្ចូលចំនួនថ្ងៃជាលេខគត់ពី ១ ដល់ ៩០',
  'plan.loading': 'កំពុងគណនាផែនការ…',
  'plan.failed': 'មិនអាចគណនាផែនការបានទេ ({reason})។ សូមព្យាយាមម្តងទៀត។',
  'plan.suggestions': 'ការផ្ទេរដែលបានស្នើ',
  'plan.suggestionsCount': 'ការផ្ទេរដែលបានស្នើ {count} ដើម្បីឈានដល់ {days} ថ្ងៃ។',
  'plan.suggestionsOne': 'ការផ្ទេរដែលបានស្នើមួយ ដើម្បីឈានដល់ {days} ថ្ងៃ។',
  'plan.suggestionsMore': 'ការផ្ទេរ {shown} ដំបូងក្នុងចំណោម {count} ដែលបានស្នើ ដើម្បីឈានដល់ {days} ថ្ងៃ ដែលបន្ទាន់បំផុតមុន។',
  'plan.none': 'គ្មានការផ្ទេរណាជួយបានទេ៖ គ្មានទីជម្រកណាមានលើសសម្រាប់អ្វីដែលទីជម្រកផ្សេងខ្វះ។',
  'plan.move': 'ផ្លាស់ទី {goods}',
  'plan.fromEnd': 'ពី {shelter}៖ {before} → {after}',
  'plan.toEnd': 'ទៅ {shelter}៖ {before} → {after}',
  'plan.days': '{days} ថ្ងៃ',
  'plan.nobody': 'គ្មាននរណារស់នៅទីនោះ',
  'plan.dispatch': 'ផ្ញើរបស់នេះ៖ {goods} ទៅ {to}',
  'plan.whoDispatches': 'អ្នកទទួលខុសត្រូវភស្តុភារនៃ {from} អាចផ្ញើរបស់នេះ ដោយសោផ្ទាល់ខ្លួន។',
  'plan.trips': 'ដូចគ្នា ជាការដឹកជញ្ជូន (ឡានមួយរវាងទីជម្រកពីរ)',
  'plan.tripText': 'ពី {from} ទៅ {to}៖ {goods}',
  'plan.dispatchTrip': 'ផ្ញើការដឹកជញ្ជូននេះ៖ {goods} ពី {from} ទៅ {to}',
  'plan.unmet': 'ពីខាងក្រៅ (ម្ចាស់ជំនួយ ការទិញ)',
  'plan.unmetLine': '{item}៖ នៅខ្វះ {quantity} ក្រោយការផ្ទេរទាំងអស់',
  'plan.noDailyNeed': 'គ្មានតម្រូវការប្រចាំថ្ងៃក្នុងម្នាក់ ដូច្នេះមិនបានគិតក្នុងផែនការ៖ {items}។',
  'plan.needs': 'អ្វីដែលទីជម្រកនីមួយៗខ្វះ ដើម្បីឈានដល់ {days} ថ្ងៃ (សម្រាប់ម្ចាស់ជំនួយ)',
  'plan.needsNone': 'ទីជម្រកទាំងអស់មានគ្រប់គ្រាន់ {days} ថ្ងៃ ឬច្រើនជាងនេះ។',
  'plan.shelter': 'ទីជម្រក',
  'plan.daysOfCover': 'ចំនួនថ្ងៃគ្រប់គ្រាន់ឥឡូវ',
  'plan.missing': 'ខ្វះ',
  'plan.download': 'ទាញយករបាយការណ៍តម្រូវការ (CSV)',
  'plan.downloading': 'កំពុងរៀបចំឯកសារ…',
  'plan.downloaded': 'បានទាញយកឯកសារ {name}។',
  'plan.downloadFailed': 'មិនអាចរៀបចំឯកសារបានទេ ({reason})។ សូមព្យាយាមម្តងទៀត។',
  'plan.tableLabel': 'របាយការណ៍តម្រូវការ',
};

addMessages({ en, km });
