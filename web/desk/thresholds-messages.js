// The words of the desk's Thresholds section, in English and Khmer. Khmer wording was written by
// the engineers: have a native speaker review it.
import { addMessages } from '../common/i18n.js';

const en = {
  'thresholds.title': 'Thresholds',
  'thresholds.intro':
    'When an item’s available stock comes to its low-stock threshold, or its days of cover fall under its warning days, an alert goes to the people and systems listed at the end of this page.',
  'thresholds.loading': 'Loading…',
  'thresholds.items': 'Alert levels per item at {shelter}',
  'thresholds.itemsHint':
    'Leave a field empty for no low-stock threshold, or for the item to follow the shelter’s warning days.',
  'thresholds.now': 'Available now: {available} · {cover}',
  'thresholds.coverDays': '{days} days of cover',
  'thresholds.noCover': 'days of cover unknown',
  'thresholds.lowNow': 'Low stock now.',
  'thresholds.coverLowNow': 'Under its warning days now.',
  'thresholds.thresholdLabel': 'Low-stock threshold',
  'thresholds.thresholdHint': 'In {unit}.',
  'thresholds.unitless': 'In the item’s units.',
  'thresholds.itemCoverLabel': 'Own cover warning days',
  'thresholds.inForceItem': 'Warns under {days} days: its own.',
  'thresholds.inForceShelter': 'Warns under {days} days: the shelter’s.',
  'thresholds.inForceDefault': 'Warns under {days} days: the default.',
  'thresholds.save': 'Continue',
  'thresholds.check': 'Check the alert levels before they are saved',
  'thresholds.factThreshold': '{item}: low-stock threshold',
  'thresholds.factCover': '{item}: own cover warning days',
  'thresholds.none': 'no threshold',
  'thresholds.followShelter': 'the shelter’s',
  'thresholds.days': '{days} days',
  'thresholds.effect': 'Alerts at {shelter} follow these levels from now on.',
  'thresholds.doSave': 'Save the levels of {items}',
  'thresholds.nothing': 'Change a level first: these are the ones saved.',
  'thresholds.enterNumber':
    'Enter a number of 0 or more for the low-stock threshold of {item}, or leave it empty',
  'thresholds.enterDays': 'Enter a number of days from 0 to {max} for {item}, or leave it empty',
  'thresholds.saved': 'Saved: the alert levels of {items} at {shelter}.',
  'thresholds.cover': 'Cover warning days at {shelter}',
  'thresholds.coverLabel': 'Warning days',
  'thresholds.coverHint':
    'An alert when an item’s stock would last fewer days than this, for every item without its own. Empty: the default, {days} days.',
  'thresholds.coverSave': 'Continue',
  'thresholds.coverCheck': 'Check the warning days before they are saved',
  'thresholds.coverDefault': 'the default, {days} days',
  'thresholds.coverEffect':
    'Items at {shelter} without their own warning days raise an alert under this many days of cover.',
  'thresholds.coverDo': 'Warn under {days} days',
  'thresholds.coverDoDefault': 'Go back to the default',
  'thresholds.coverRange': 'Enter a number of days from 0 to {max}, or leave it empty',
  'thresholds.coverSame': 'These are the warning days saved: change them first.',
  'thresholds.coverSaved': 'Saved: alerts under {days} days of cover at {shelter}.',
  'thresholds.digests': 'Who receives the alerts',
  'thresholds.digestEmail':
    'Stock alerts for {shelter} go out by email as one digest every {minutes} minutes at most, to:',
  'thresholds.digestNobody':
    'No one receives the email digest: no address is subscribed. An admin adds the logistics leads’ addresses when Supplyline is deployed (stockAlertEmails).',
  'thresholds.digestLog':
    'No one receives the email digest: this Supplyline has no email set up for alerts, so the digest is only written to the server’s log.',
  'thresholds.confirmed': 'confirmed',
  'thresholds.unconfirmed': 'not confirmed yet: gets nothing until the address confirms',
  'thresholds.pending': 'Alerts waiting for the next digest: {count}.',
  'thresholds.lastSent': 'Last digest sent: {when}.',
  'thresholds.neverSent': 'No digest sent yet.',
  'thresholds.webhooks': 'Systems that hear these alerts (webhooks):',
  'thresholds.noWebhooks': 'No webhook hears the stock alerts of {shelter}.',
  'thresholds.webhookLine': '{host}: {events}',
  'thresholds.webhookDisabled': 'disabled',
  'thresholds.recipientsFailed': 'Who receives the alerts could not be read: {reason}',
};

/** @typedef {keyof typeof en} ThresholdsMessageKey */

/** @type {Record<keyof typeof en, string>} */
const km = {
  'thresholds.title': 'កម្រិតព្រមាន',
  'thresholds.intro':
    'នៅពេលស្តុកដែលអាចប្រើបាននៃទំនិញមួយដល់កម្រិតស្តុកទាប ឬចំនួនថ្ងៃគ្រប់គ្រាន់ធ្លាក់ក្រោមថ្ងៃព្រមានរបស់វា ការជូនដំណឹងត្រូវបានផ្ញើទៅមនុស្ស និងប្រព័ន្ធដែលមាននៅចុងទំព័រនេះ។',
  'thresholds.loading': 'កំពុងផ្ទុក…',
  'thresholds.items': 'កម្រិតព្រមានតាមទំនិញនៅ {shelter}',
  'thresholds.itemsHint': 'ទុកចន្លោះទទេ ប្រសិនបើគ្មានកម្រិតស្តុកទាប ឬឱ្យទំនិញធ្វើតាមថ្ងៃព្រមានរបស់ទីជម្រក។',
  'thresholds.now': 'អាចប្រើបានឥឡូវ៖ {available} · {cover}',
  'thresholds.coverDays': 'គ្រប់គ្រាន់ {days} ថ្ងៃ',
  'thresholds.noCover': 'មិនដឹងចំនួនថ្ងៃគ្រប់គ្រាន់',
  'thresholds.lowNow': 'ស្តុកទាបឥឡូវ។',
  'thresholds.coverLowNow': 'ក្រោមថ្ងៃព្រមានរបស់វាឥឡូវ។',
  'thresholds.thresholdLabel': 'កម្រិតស្តុកទាប',
  'thresholds.thresholdHint': 'ជា {unit}។',
  'thresholds.unitless': 'ជាឯកតារបស់ទំនិញ។',
  'thresholds.itemCoverLabel': 'ថ្ងៃព្រមានផ្ទាល់ខ្លួន',
  'thresholds.inForceItem': 'ព្រមាននៅក្រោម {days} ថ្ងៃ៖ របស់វាផ្ទាល់។',
  'thresholds.inForceShelter': 'ព្រមាននៅក្រោម {days} ថ្ងៃ៖ របស់ទីជម្រក។',
  'thresholds.inForceDefault': 'ព្រមាននៅក្រោម {days} ថ្ងៃ៖ លំនាំដើម។',
  'thresholds.save': 'បន្ត',
  'thresholds.check': 'ពិនិត្យកម្រិតព្រមានមុនពេលរក្សាទុក',
  'thresholds.factThreshold': '{item}៖ កម្រិតស្តុកទាប',
  'thresholds.factCover': '{item}៖ ថ្ងៃព្រមានផ្ទាល់ខ្លួន',
  'thresholds.none': 'គ្មានកម្រិត',
  'thresholds.followShelter': 'របស់ទីជម្រក',
  'thresholds.days': '{days} ថ្ងៃ',
  'thresholds.effect': 'ការជូនដំណឹងនៅ {shelter} ធ្វើតាមកម្រិតទាំងនេះចាប់ពីឥឡូវ។',
  'thresholds.doSave': 'រក្សាទុកកម្រិតនៃ {items}',
  'thresholds.nothing': 'សូមកែកម្រិតមួយជាមុនសិន៖ ទាំងនេះគឺជាកម្រិតដែលបានរក្សាទុករួច។',
  'thresholds.enterNumber': 'សូមបញ្ចូលលេខ ០ ឬច្រើនជាងនេះសម្រាប់កម្រិតស្តុកទាបនៃ {item} ឬទុកចន្លោះទទេ',
  'thresholds.enterDays': 'សូមបញ្ចូលចំនួនថ្ងៃពី ០ ដល់ {max} សម្រាប់ {item} ឬទុកចន្លោះទទេ',
  'thresholds.saved': 'បានរក្សាទុក៖ កម្រិតព្រមាននៃ {items} នៅ {shelter}។',
  'thresholds.cover': 'ថ្ងៃព្រមាននៅ {shelter}',
  'thresholds.coverLabel': 'ថ្ងៃព្រមាន',
  'thresholds.coverHint':
    'ជូនដំណឹងនៅពេលស្តុកទំនិញគ្រប់គ្រាន់តិចថ្ងៃជាងនេះ សម្រាប់ទំនិញទាំងអស់ដែលគ្មានថ្ងៃព្រមានផ្ទាល់ខ្លួន។ ទទេ៖ លំនាំដើម {days} ថ្ងៃ។',
  'thresholds.coverSave': 'បន្ត',
  'thresholds.coverCheck': 'ពិនិត្យថ្ងៃព្រមានមុនពេលរក្សាទុក',
  'thresholds.coverDefault': 'លំនាំដើម {days} ថ្ងៃ',
  'thresholds.coverEffect': 'ទំនិញនៅ {shelter} ដែលគ្មានថ្ងៃព្រមានផ្ទាល់ខ្លួន នឹងជូនដំណឹងនៅក្រោមចំនួនថ្ងៃគ្រប់គ្រាន់នេះ។',
  'thresholds.coverDo': 'ព្រមាននៅក្រោម {days} ថ្ងៃ',
  'thresholds.coverDoDefault': 'ត្រឡប់ទៅលំនាំដើម',
  'thresholds.coverRange': 'សូមបញ្ចូលចំនួនថ្ងៃពី ០ ដល់ {max} ឬទុកចន្លោះទទេ',
  'thresholds.coverSame': 'ទាំងនេះគឺជាថ្ងៃព្រមានដែលបានរក្សាទុករួច៖ សូមកែវាជាមុនសិន។',
  'thresholds.coverSaved': 'បានរក្សាទុក៖ ជូនដំណឹងនៅក្រោម {days} ថ្ងៃនៅ {shelter}។',
  'thresholds.digests': 'អ្នកណាទទួលការជូនដំណឹង',
  'thresholds.digestEmail':
    'ការជូនដំណឹងស្តុកសម្រាប់ {shelter} ត្រូវបានផ្ញើតាមអ៊ីមែលជាសេចក្តីសង្ខេបយ៉ាងច្រើនមួយរៀងរាល់ {minutes} នាទី ទៅ៖',
  'thresholds.digestNobody':
    'គ្មាននរណាទទួលសេចក្តីសង្ខេបតាមអ៊ីមែលទេ៖ គ្មានអាសយដ្ឋានណាមួយបានចុះឈ្មោះ។ អ្នកគ្រប់គ្រងបន្ថែមអាសយដ្ឋានរបស់អ្នកទទួលខុសត្រូវភស្តុភារ នៅពេលដាក់ដំណើរការ Supplyline (stockAlertEmails)។',
  'thresholds.digestLog':
    'គ្មាននរណាទទួលសេចក្តីសង្ខេបតាមអ៊ីមែលទេ៖ Supplyline នេះមិនបានរៀបចំអ៊ីមែលសម្រាប់ការជូនដំណឹងទេ ដូច្នេះសេចក្តីសង្ខេបត្រូវបានសរសេរតែក្នុងកំណត់ហេតុរបស់ម៉ាស៊ីនមេប៉ុណ្ណោះ។',
  'thresholds.confirmed': 'បានបញ្ជាក់',
  'thresholds.unconfirmed': 'មិនទាន់បញ្ជាក់៖ មិនទទួលបានអ្វីទេ រហូតដល់អាសយដ្ឋានបញ្ជាក់',
  'thresholds.pending': 'ការជូនដំណឹងកំពុងរង់ចាំសេចក្តីសង្ខេបបន្ទាប់៖ {count}។',
  'thresholds.lastSent': 'សេចក្តីសង្ខេបចុងក្រោយបានផ្ញើ៖ {when}។',
  'thresholds.neverSent': 'មិនទាន់បានផ្ញើសេចក្តីសង្ខេបទេ។',
  'thresholds.webhooks': 'ប្រព័ន្ធដែលទទួលការជូនដំណឹងទាំងនេះ (webhook)៖',
  'thresholds.noWebhooks': 'គ្មាន webhook ណាទទួលការជូនដំណឹងស្តុករបស់ {shelter} ទេ។',
  'thresholds.webhookLine': '{host}៖ {events}',
  'thresholds.webhookDisabled': 'បានបិទ',
  'thresholds.recipientsFailed': 'មិនអាចអានអ្នកទទួលការជូនដំណឹងបានទេ៖ {reason}',
};

addMessages({ en, km });
