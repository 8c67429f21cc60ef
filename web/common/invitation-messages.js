// The invitation landing's words, in English and Khmer, added beside the shared table of
// web/common/i18n.js when the landing loads (only when a page is opened from an invitation).
// Khmer wording was written for this first version: have a native speaker review it.
import { addMessages } from './i18n.js';

const en = {
  'invite.exchanging': 'Signing you in…',
  'invite.exchanging.detail': 'Checking your invitation. You do not need to type anything.',
  'invite.offline': 'No network',
  'invite.offline.detail':
    'Your invitation is kept on this page. Connect to Wi-Fi or mobile data: it tries again by itself, or press “Try again”.',
  'invite.busy': 'The server did not answer',
  'invite.busy.detail': 'Your invitation is kept on this page. Try again in a moment.',
  'invite.rateLimited': 'Too many tries from this network',
  'invite.rateLimited.detail':
    'Invitations were opened too often from this network. Try again in {seconds} seconds (at {time}).',
  'invite.rateLimited.now': 'Invitations were opened too often from this network. You can try again now.',
  'invite.used': 'This invitation was already used',
  'invite.used.detail': 'Each invitation works once, on one phone or computer. This one was used on {time}.',
  'invite.expired': 'This invitation has expired',
  'invite.expired.detail': 'It worked until {time}. Invitations work for a short time only.',
  'invite.revoked': 'This invitation was withdrawn',
  'invite.revoked.detail': 'Whoever sent it has cancelled it, or your access was removed.',
  'invite.invalid': 'This invitation link does not work',
  'invite.invalid.detail':
    'It may be cut short or mistyped. Scan the QR code again or open the whole link, or ask whoever invited you for a new one.',
  'invite.askNew': 'Ask {name} ({org}) for a new invitation.',
  'invite.askAccess': 'If you still need access, ask {name} ({org}).',
  'invite.waiting': 'Handovers wait on this phone',
  'invite.waiting.detail':
    '{count} handovers of the volunteer signed in here have not reached the server yet. Continue, let the phone send them (it needs a network), sign out, then open your invitation again.',
  'invite.waiting.detail.one':
    'A handover of the volunteer signed in here has not reached the server yet. Continue, let the phone send it (it needs a network), sign out, then open your invitation again.',
  'invite.retry': 'Try again',
  'invite.otherWay': 'Sign in another way',
  'invite.continue': 'Continue as signed in on this phone',
};

/** @typedef {keyof typeof en} InvitationMessageKey */

/** @type {Record<InvitationMessageKey, string>} */
const km = {
  'invite.exchanging': 'កំពុងនាំអ្នកចូលប្រើ…',
  'invite.exchanging.detail': 'កំពុងពិនិត្យការអញ្ជើញរបស់អ្នក។ អ្នកមិនចាំបាច់វាយអ្វីទេ។',
  'invite.offline': 'គ្មានអ៊ីនធឺណិត',
  'invite.offline.detail':
    'ការអញ្ជើញរបស់អ្នកត្រូវបានរក្សាទុកនៅលើទំព័រនេះ។ សូមភ្ជាប់ Wi-Fi ឬទិន្នន័យទូរសព្ទ៖ វានឹងព្យាយាមម្តងទៀតដោយខ្លួនឯង ឬចុច «ព្យាយាមម្តងទៀត»។',
  'invite.busy': 'ម៉ាស៊ីនមេមិនបានឆ្លើយតប',
  'invite.busy.detail': 'ការអញ្ជើញរបស់អ្នកត្រូវបានរក្សាទុកនៅលើទំព័រនេះ។ សូមព្យាយាមម្តងទៀតបន្តិចទៀត។',
  'invite.rateLimited': 'មានការព្យាយាមច្រើនពេកពីបណ្តាញនេះ',
  'invite.rateLimited.detail':
    'ការអញ្ជើញត្រូវបានបើកញឹកញាប់ពេកពីបណ្តាញនេះ។ សូមព្យាយាមម្តងទៀតក្នុងរយៈពេល {seconds} វិនាទី (នៅម៉ោង {time})។',
  'invite.rateLimited.now': 'ការអញ្ជើញត្រូវបានបើកញឹកញាប់ពេកពីបណ្តាញនេះ។ ឥឡូវអ្នកអាចព្យាយាមម្តងទៀតបានហើយ។',
  'invite.used': 'ការអញ្ជើញនេះត្រូវបានប្រើរួចហើយ',
  'invite.used.detail': 'ការអញ្ជើញនីមួយៗប្រើបានតែម្តង លើទូរសព្ទ ឬកុំព្យូទ័រតែមួយ។ ការអញ្ជើញនេះត្រូវបានប្រើនៅ {time}។',
  'invite.expired': 'ការអញ្ជើញនេះផុតកំណត់ហើយ',
  'invite.expired.detail': 'វាប្រើបានរហូតដល់ {time}។ ការអញ្ជើញប្រើបានតែក្នុងរយៈពេលខ្លីប៉ុណ្ណោះ។',
  'invite.revoked': 'ការអញ្ជើញនេះត្រូវបានដកហូតវិញ',
  'invite.revoked.detail': 'អ្នកដែលបានផ្ញើវាបានលុបចោលវា ឬសិទ្ធិចូលប្រើរបស់អ្នកត្រូវបានដកចេញ។',
  'invite.invalid': 'តំណអញ្ជើញនេះប្រើមិនបានទេ',
  'invite.invalid.detail':
    'វាអាចខ្លីពេក ឬវាយខុស។ សូមស្កេនកូដ QR ម្តងទៀត ឬបើកតំណទាំងមូល ឬសុំការអញ្ជើញថ្មីពីអ្នកដែលបានអញ្ជើញអ្នក។',
  'invite.askNew': 'សូមសុំការអញ្ជើញថ្មីពី {name} ({org})។',
  'invite.askAccess': 'បើអ្នកនៅតែត្រូវការសិទ្ធិចូលប្រើ សូមសួរ {name} ({org})។',
  'invite.waiting': 'មានការប្រគល់កំពុងរង់ចាំនៅលើទូរសព្ទនេះ',
  'invite.waiting.detail':
    'ការប្រគល់ {count} របស់អ្នកស្ម័គ្រចិត្តដែលកំពុងចូលប្រើនៅទីនេះ មិនទាន់ទៅដល់ម៉ាស៊ីនមេនៅឡើយទេ។ សូមបន្ត ទុកឱ្យទូរសព្ទផ្ញើវា (ត្រូវការអ៊ីនធឺណិត) ចាកចេញ រួចបើកការអញ្ជើញរបស់អ្នកម្តងទៀត។',
  'invite.waiting.detail.one':
    'ការប្រគល់ ១ របស់អ្នកស្ម័គ្រចិត្តដែលកំពុងចូលប្រើនៅទីនេះ មិនទាន់ទៅដល់ម៉ាស៊ីនមេនៅឡើយទេ។ សូមបន្ត ទុកឱ្យទូរសព្ទផ្ញើវា (ត្រូវការអ៊ីនធឺណិត) ចាកចេញ រួចបើកការអញ្ជើញរបស់អ្នកម្តងទៀត។',
  'invite.retry': 'ព្យាយាមម្តងទៀត',
  'invite.otherWay': 'ចូលប្រើតាមវិធីផ្សេង',
  'invite.continue': 'បន្តជាអ្នកដែលកំពុងចូលប្រើលើទូរសព្ទនេះ',
};

addMessages({ en, km });
