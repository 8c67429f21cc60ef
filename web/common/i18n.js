// English and Khmer for the pages. The choice is remembered on the device.
// Khmer wording was written for this first version: have a native speaker review it.

/** @typedef {import('./api-types.js').ItemUnit} ItemUnit */

const en = {
  'lang.other': 'ខ្មែរ',
  signOut: 'Sign out',
  'signin.title': 'Sign in',
  'signin.invitation':
    'Open your invitation link, or scan its QR code with this phone’s camera. No invitation? Ask your coordinator or an administrator.',
  'signin.useKey': 'Use an API key',
  'signin.volunteerKey': 'Volunteer key',
  'signin.adminKey': 'Admin or coordinator key',
  'signin.help': 'The key stays on this device only.',
  'signin.submit': 'Sign in',
  'signin.rejected': 'This key was not accepted. Check it and try again.',
  'signin.accessEnded':
    'You are signed out: this phone’s access has ended. Ask your coordinator for a new invitation.',
  'signin.notVolunteer': 'This is not a volunteer key.',
  'point.label': 'Pickup point',
  'point.start': 'Start',
  'point.none': 'This key has no pickup point.',
  'point.change': 'Change',
  'scan.title': 'Hand out',
  'scan.cameraStarting': 'Starting the camera…',
  'scan.cameraReady': 'Point the camera at the QR code.',
  'scan.cameraUnavailable': 'No camera: type the code below.',
  'scan.codeLabel': 'Or type the code',
  'scan.check': 'Check',
  'voucher.handover': 'Handed over',
  'voucher.next': 'Next voucher',
  'voucher.cancel': 'Cancel',
  'state.checking': 'Checking…',
  'state.ready': 'Hand over',
  'state.ready.detail': 'Give these items, then press “Handed over”.',
  'state.sending': 'Recording…',
  'state.redeemed': 'Handed over, confirmed',
  'state.redeemed.detail': 'Recorded at {time}.',
  'state.pending': 'Handed over, will sync',
  'state.pending.detail': 'Saved on this phone at {time}. It is sent to the server when there is a network.',
  'state.handedHere': 'Handed over here',
  'state.handedHere.pending': 'Handed over here at {time} (waiting to sync). Nothing more to hand over.',
  'state.handedHere.confirmed': 'Handed over here at {time}. Nothing more to hand over.',
  'state.notOnList': 'Not on this phone’s list',
  'state.notOnList.detail':
    'This phone cannot hand this voucher over offline. Go online to check it, or send the person to the desk that holds it.',
  'state.leaseEnded': 'List too old',
  'state.leaseEnded.detail':
    'This phone’s hold on the voucher has run out. Go online to refresh the list, then scan again.',
  'state.heldElsewhere': 'Held by another desk',
  'state.heldElsewhere.detail':
    'Send the person to {desk}: that desk holds this voucher. Or wait a minute for it to give the voucher back, then scan again.',
  'state.syncRefused': 'Not accepted by the server',
  'state.syncRefused.detail':
    'A handover from this phone was not accepted ({reason}). Tell the logistics lead.',
  'status.online': 'Online',
  'status.offline': 'Offline',
  'status.listAge': 'list {age}',
  'status.noList': 'no offline list',
  'status.waiting': '{count} waiting to sync',
  'status.lastSync': 'last sync {time}',
  'status.neverSynced': 'not synced yet',
  'status.signOffBlocked': '{count} handovers still wait to sync: go online before signing out.',
  'age.now': 'just now',
  'age.minutes': '{n} min old',
  'age.hours': '{n} h old',
  'status.poolHere': '{count} vouchers on this phone for offline',
  'status.poolHere.one': '{count} voucher on this phone for offline',
  'status.poolOff': 'no offline handovers at this shelter',
  'pool.empty.title': 'No vouchers on this phone for offline',
  'pool.empty.detail':
    'Other phones hold {count} of this shelter’s vouchers: this phone cannot hand those over, online or offline.',
  'pool.empty.phone':
    '“{label}” at {point} holds {count}; last heard from at {lastContact}. If it stays silent, they are shared out again at {silentFrom}.',
  'pool.empty.phone.silent':
    '“{label}” at {point} holds {count}; silent since {silentFrom}: they are being shared out again.',
  'pool.empty.todo':
    'Keep this phone online to get its share at that time. Sooner: ask the volunteer with that phone to sign out, or ask a coordinator to revoke it if it is lost.',
  'sync.outcomes': 'After the last sync',
  'sync.redeemed': 'confirmed',
  'sync.conflict': 'conflict: the logistics lead will check it',
  'sync.conflictHelp': 'Show the logistics lead this link: it opens with their key only.',
  'sync.conflictLink': 'Conflicts on the desk page',
  'sync.rejected': 'not accepted',
  'state.alreadyRedeemed': 'Already redeemed',
  'state.alreadyRedeemed.detail': 'Redeemed at {point}, {time}. Do not hand anything over.',
  'state.expired': 'Expired',
  'state.expired.detail': 'This voucher expired on {time}. Do not hand anything over.',
  'state.void': 'Cancelled voucher',
  'state.void.detail': 'The issuing organisation cancelled this voucher. Do not hand anything over.',
  'state.wrongShelter': 'Wrong shelter',
  'state.wrongShelter.detail': 'This voucher is for {shelter}. Send the person there.',
  'state.notYetValid': 'Not valid yet',
  'state.notYetValid.detail': 'Valid from {time}.',
  'state.unreadable': 'Scan again',
  'state.unreadable.detail':
    'Could not read this code, scan again. If it keeps failing, type the code printed on the slip.',
  'state.invalid': 'Not a valid voucher',
  'invalid.voucher-forged': 'This QR code was not issued by Supplyline. Do not hand anything over.',
  'invalid.voucher-tampered': 'This QR code has been altered. Do not hand anything over.',
  'invalid.voucher-code-invalid': 'That code has a typing mistake. Check it and try again.',
  'invalid.voucher-not-found': 'No voucher has this code.',
  'state.offline': 'Offline, retrying',
  'state.offline.detail': 'Attempt {attempt}. Keep the items until this says “handed over”.',
  'state.retry.detail': 'Attempt {attempt}.',
  'state.busy': 'Server busy, retrying',
  'state.noStock': 'Not enough stock',
  'state.noStock.detail': 'The shelter’s stock cannot cover this voucher. Call the logistics lead.',
  'state.forbidden': 'Not allowed here',
  'state.error': 'Something went wrong',
  'unit.kg': 'kg',
  'unit.L': 'L',
  'unit.piece': '×',
  'unit.pack': 'packs',
};

/** @typedef {keyof typeof en} SharedMessageKey */
/**
 * The shared keys and every page's own (each page's table adds itself: addMessages).
 * @typedef {SharedMessageKey
 *   | import('../dashboard/dashboard-messages.js').DashboardMessageKey
 *   | import('../coordinator/coordinator-messages.js').CoordinatorMessageKey
 *   | import('./form-messages.js').FormMessageKey
 *   | import('../desk/desk-messages.js').DeskMessageKey
 *   | import('./invitation-messages.js').InvitationMessageKey} MessageKey
 */

/**
 * Every message has its Khmer: a key missing here fails the type check.
 * @type {Record<SharedMessageKey, string>}
 */
const km = {
  'lang.other': 'English',
  signOut: 'ចាកចេញ',
  'signin.title': 'ចូលប្រើ',
  'signin.invitation':
    'សូមបើកតំណអញ្ជើញរបស់អ្នក ឬស្កេនកូដ QR របស់វាដោយកាមេរ៉ាទូរសព្ទនេះ។ គ្មានការអញ្ជើញទេ? សូមសួរអ្នកសម្របសម្រួល ឬអ្នកគ្រប់គ្រង។',
  'signin.useKey': 'ប្រើសោ API',
  'signin.volunteerKey': 'សោរបស់អ្នកស្ម័គ្រចិត្ត',
  'signin.adminKey': 'សោអ្នកគ្រប់គ្រង ឬអ្នកសម្របសម្រួល',
  'signin.help': 'សោនេះរក្សាទុកតែនៅលើឧបករណ៍នេះប៉ុណ្ណោះ។',
  'signin.submit': 'ចូល',
  'signin.rejected': 'សោនេះមិនត្រូវបានទទួលស្គាល់ទេ។ សូមពិនិត្យ ហើយព្យាយាមម្តងទៀត។',
  'signin.accessEnded': 'អ្នកបានចាកចេញហើយ៖ សិទ្ធិប្រើប្រាស់របស់ទូរសព្ទនេះបានបញ្ចប់។ សូមសុំការអញ្ជើញថ្មីពីអ្នកសម្របសម្រួលរបស់អ្នក។',
  'signin.notVolunteer': 'នេះមិនមែនជាសោរបស់អ្នកស្ម័គ្រចិត្តទេ។',
  'point.label': 'ចំណុចចែកចាយ',
  'point.start': 'ចាប់ផ្តើម',
  'point.none': 'សោនេះមិនមានចំណុចចែកចាយទេ។',
  'point.change': 'ប្តូរ',
  'scan.title': 'ចែកចាយ',
  'scan.cameraStarting': 'កំពុងបើកកាមេរ៉ា…',
  'scan.cameraReady': 'សូមតម្រង់កាមេរ៉ាទៅកូដ QR។',
  'scan.cameraUnavailable': 'គ្មានកាមេរ៉ា៖ សូមវាយលេខកូដខាងក្រោម។',
  'scan.codeLabel': 'ឬវាយលេខកូដ',
  'scan.check': 'ពិនិត្យ',
  'voucher.handover': 'បានប្រគល់',
  'voucher.next': 'ប័ណ្ណបន្ទាប់',
  'voucher.cancel': 'បោះបង់',
  'state.checking': 'កំពុងពិនិត្យ…',
  'state.ready': 'សូមប្រគល់',
  'state.ready.detail': 'សូមប្រគល់សម្ភារៈទាំងនេះ រួចចុច «បានប្រគល់»។',
  'state.sending': 'កំពុងកត់ត្រា…',
  'state.redeemed': 'បានប្រគល់ហើយ បានបញ្ជាក់',
  'state.redeemed.detail': 'បានកត់ត្រានៅ {time}។',
  'state.pending': 'បានប្រគល់ហើយ នឹងធ្វើសមកាលកម្ម',
  'state.pending.detail': 'បានរក្សាទុកលើទូរសព្ទនេះនៅ {time}។ វានឹងផ្ញើទៅម៉ាស៊ីនមេ ពេលមានបណ្តាញ។',
  'state.handedHere': 'បានប្រគល់នៅទីនេះរួចហើយ',
  'state.handedHere.pending': 'បានប្រគល់នៅទីនេះពេល {time} (កំពុងរង់ចាំសមកាលកម្ម)។ គ្មានអ្វីត្រូវប្រគល់ទៀតទេ។',
  'state.handedHere.confirmed': 'បានប្រគល់នៅទីនេះពេល {time}។ គ្មានអ្វីត្រូវប្រគល់ទៀតទេ។',
  'state.notOnList': 'មិនមាននៅក្នុងបញ្ជីរបស់ទូរសព្ទនេះទេ',
  'state.notOnList.detail':
    'ទូរសព្ទនេះមិនអាចប្រគល់ប័ណ្ណនេះដោយគ្មានអ៊ីនធឺណិតបានទេ។ សូមភ្ជាប់អ៊ីនធឺណិតដើម្បីពិនិត្យ ឬណែនាំអ្នកនោះទៅតុដែលកាន់ប័ណ្ណនេះ។',
  'state.leaseEnded': 'បញ្ជីចាស់ពេក',
  'state.leaseEnded.detail': 'ការកាន់ប័ណ្ណនេះរបស់ទូរសព្ទនេះបានផុតកំណត់។ សូមភ្ជាប់អ៊ីនធឺណិតដើម្បីធ្វើបច្ចុប្បន្នភាពបញ្ជី រួចស្កេនម្តងទៀត។',
  'state.heldElsewhere': 'តុផ្សេងកំពុងកាន់ប័ណ្ណនេះ',
  'state.heldElsewhere.detail':
    'សូមណែនាំអ្នកនោះទៅ {desk}៖ តុនោះកាន់ប័ណ្ណនេះ។ ឬរង់ចាំមួយនាទី ដើម្បីឱ្យតុនោះប្រគល់ប័ណ្ណមកវិញ រួចស្កេនម្តងទៀត។',
  'state.syncRefused': 'ម៉ាស៊ីនមេមិនទទួលយក',
  'state.syncRefused.detail': 'ការប្រគល់មួយពីទូរសព្ទនេះមិនត្រូវបានទទួលយក ({reason})។ សូមប្រាប់អ្នកទទួលខុសត្រូវភស្តុភារ។',
  'status.online': 'មានអ៊ីនធឺណិត',
  'status.offline': 'គ្មានអ៊ីនធឺណិត',
  'status.listAge': 'បញ្ជី {age}',
  'status.noList': 'គ្មានបញ្ជីសម្រាប់ប្រើគ្មានអ៊ីនធឺណិត',
  'status.waiting': '{count} កំពុងរង់ចាំសមកាលកម្ម',
  'status.lastSync': 'សមកាលកម្មចុងក្រោយ {time}',
  'status.neverSynced': 'មិនទាន់ធ្វើសមកាលកម្ម',
  'status.signOffBlocked': 'ការប្រគល់ {count} នៅរង់ចាំសមកាលកម្ម៖ សូមភ្ជាប់អ៊ីនធឺណិតមុនពេលចាកចេញ។',
  'age.now': 'ទើបតែឥឡូវ',
  'age.minutes': 'ចាស់ {n} នាទី',
  'age.hours': 'ចាស់ {n} ម៉ោង',
  'status.poolHere': 'ប័ណ្ណ {count} នៅលើទូរសព្ទនេះ សម្រាប់ប្រើគ្មានអ៊ីនធឺណិត',
  'status.poolHere.one': 'ប័ណ្ណ {count} នៅលើទូរសព្ទនេះ សម្រាប់ប្រើគ្មានអ៊ីនធឺណិត',
  'status.poolOff': 'ទីជម្រកនេះមិនប្រគល់ដោយគ្មានអ៊ីនធឺណិតទេ',
  'pool.empty.title': 'គ្មានប័ណ្ណនៅលើទូរសព្ទនេះ សម្រាប់ប្រើគ្មានអ៊ីនធឺណិតទេ',
  'pool.empty.detail':
    'ទូរសព្ទផ្សេងកំពុងកាន់ប័ណ្ណ {count} របស់ទីជម្រកនេះ៖ ទូរសព្ទនេះមិនអាចប្រគល់ប័ណ្ណទាំងនោះបានទេ ទោះមាន ឬគ្មានអ៊ីនធឺណិតក៏ដោយ។',
  'pool.empty.phone':
    '«{label}» នៅ {point} កាន់ប័ណ្ណ {count}។ ទាក់ទងចុងក្រោយពេល {lastContact}។ បើវានៅស្ងៀមតទៅទៀត ប័ណ្ណទាំងនោះនឹងត្រូវចែកឡើងវិញនៅពេល {silentFrom}។',
  'pool.empty.phone.silent':
    '«{label}» នៅ {point} កាន់ប័ណ្ណ {count}។ ស្ងៀមតាំងពី {silentFrom}៖ ប័ណ្ណទាំងនោះកំពុងត្រូវចែកឡើងវិញ។',
  'pool.empty.todo':
    'សូមទុកទូរសព្ទនេះឱ្យមានអ៊ីនធឺណិត ដើម្បីទទួលចំណែករបស់វានៅពេលនោះ។ ឱ្យបានលឿនជាងនេះ៖ សូមឱ្យអ្នកស្ម័គ្រចិត្តដែលកាន់ទូរសព្ទនោះចាកចេញ ឬស្នើអ្នកសម្របសម្រួលឱ្យដកសិទ្ធិទូរសព្ទនោះ បើវាបាត់។',
  'sync.outcomes': 'ក្រោយសមកាលកម្មចុងក្រោយ',
  'sync.redeemed': 'បានបញ្ជាក់',
  'sync.conflict': 'ជម្លោះ៖ អ្នកទទួលខុសត្រូវភស្តុភារនឹងពិនិត្យ',
  'sync.conflictHelp': 'សូមបង្ហាញតំណនេះដល់អ្នកទទួលខុសត្រូវភស្តុភារ៖ វាបើកបានតែដោយសោរបស់គាត់។',
  'sync.conflictLink': 'ជម្លោះនៅលើទំព័រតុ',
  'sync.rejected': 'មិនត្រូវបានទទួលយក',
  'state.alreadyRedeemed': 'ប័ណ្ណនេះបានប្រើរួចហើយ',
  'state.alreadyRedeemed.detail': 'បានប្រើនៅ {point} ពេល {time}។ កុំប្រគល់អ្វីទៀត។',
  'state.expired': 'ប័ណ្ណផុតកំណត់',
  'state.expired.detail': 'ប័ណ្ណនេះផុតកំណត់នៅ {time}។ កុំប្រគល់អ្វី។',
  'state.void': 'ប័ណ្ណត្រូវបានលុបចោល',
  'state.void.detail': 'អង្គការដែលចេញប័ណ្ណបានលុបចោលប័ណ្ណនេះ។ កុំប្រគល់អ្វី។',
  'state.wrongShelter': 'ខុសទីជម្រក',
  'state.wrongShelter.detail': 'ប័ណ្ណនេះសម្រាប់ {shelter}។ សូមណែនាំអ្នកនោះទៅទីនោះ។',
  'state.notYetValid': 'មិនទាន់អាចប្រើបាន',
  'state.notYetValid.detail': 'អាចប្រើបានចាប់ពី {time}។',
  'state.unreadable': 'ស្កេនម្តងទៀត',
  'state.unreadable.detail': 'អានកូដនេះមិនបានទេ សូមស្កេនម្តងទៀត។ បើនៅតែមិនបាន សូមវាយលេខកូដដែលបោះពុម្ពលើប័ណ្ណ។',
  'state.invalid': 'ប័ណ្ណមិនត្រឹមត្រូវ',
  'invalid.voucher-forged': 'កូដ QR នេះមិនមែនចេញដោយ Supplyline ទេ។ កុំប្រគល់អ្វី។',
  'invalid.voucher-tampered': 'កូដ QR នេះត្រូវបានកែប្រែ។ កុំប្រគល់អ្វី។',
  'invalid.voucher-code-invalid': 'លេខកូដនេះវាយខុស។ សូមពិនិត្យ ហើយព្យាយាមម្តងទៀត។',
  'invalid.voucher-not-found': 'គ្មានប័ណ្ណណាមានលេខកូដនេះទេ។',
  'state.offline': 'គ្មានអ៊ីនធឺណិត កំពុងព្យាយាមម្តងទៀត',
  'state.offline.detail': 'លើកទី {attempt}។ សូមរក្សាសម្ភារៈទុកសិន រហូតដល់បង្ហាញថា «បានប្រគល់ហើយ»។',
  'state.retry.detail': 'លើកទី {attempt}។',
  'state.busy': 'ម៉ាស៊ីនមេរវល់ កំពុងព្យាយាមម្តងទៀត',
  'state.noStock': 'ស្តុកមិនគ្រប់គ្រាន់',
  'state.noStock.detail': 'ស្តុករបស់ទីជម្រកមិនគ្រប់សម្រាប់ប័ណ្ណនេះទេ។ សូមទាក់ទងអ្នកទទួលខុសត្រូវភស្តុភារ។',
  'state.forbidden': 'មិនអនុញ្ញាតនៅទីនេះ',
  'state.error': 'មានបញ្ហាកើតឡើង',
  'unit.kg': 'គីឡូ',
  'unit.L': 'លីត្រ',
  'unit.piece': '×',
  'unit.pack': 'កញ្ចប់',
};

/** @type {{ en: Record<string, string>, km: Record<string, string> }} */
const dictionaries = { en: { ...en }, km: { ...km } };

/**
 * Adds a page's own words beside the shared ones. Each page ships only its words, so the scanner's
 * first load does not carry the coordinator's (issue 22's page-weight budgets). Call it when the
 * page's table module loads, before the page translates anything.
 * @param {{ en: Record<string, string>, km: Record<string, string> }} table
 */
export function addMessages(table) {
  Object.assign(dictionaries.en, table.en);
  Object.assign(dictionaries.km, table.km);
}

const LANG_KEY = 'supplyline.lang';

/**
 * The language chosen on this device, else the phone's (an invitation opens in Khmer on a Khmer phone).
 * @returns {'en' | 'km'}
 */
export function lang() {
  const chosen = localStorage.getItem(LANG_KEY) ?? globalThis.navigator?.language.slice(0, 2);
  return chosen === 'km' ? 'km' : 'en';
}

/**
 * A message in the current language, with {name} placeholders filled in. A number is written as
 * the language writes numbers (Khmer digits in Khmer), so no caller can leave one in Latin digits.
 * @param {MessageKey} key
 * @param {Record<string, string | number>} [params]
 */
export function t(key, params = {}) {
  const text = dictionaries[lang()][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => {
    const value = params[name];
    return typeof value === 'number' ? formatNumber(value) : String(value ?? '');
  });
}

/**
 * Times are read where the shelter is, not where the phone's clock was set: Cambodia's shelters
 * keep Asia/Phnom_Penh until an offline pack names the shelter's own zone (setTimeZone).
 */
let timeZone = 'Asia/Phnom_Penh';

/** @param {string} zone an IANA zone the browser knows; an unknown one is ignored. */
export function setTimeZone(zone) {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    timeZone = zone;
  } catch {
    // Keep the zone we had: a wrong time is worse than the shelter's usual zone.
  }
}

/*
 * Khmer is written here, not asked of Intl: Chromium ships without Khmer locale data (Debian's
 * Chromium 156 resolves 'km' and 'km-KH' to en-US: "Dec 7, 2026, 6:46 PM"), and where a browser
 * has it, CLDR's Khmer still writes Latin digits and "PM". Intl does the arithmetic (rounding,
 * grouping, the shelter's time zone) in a locale every browser has; the words and digits are
 * Khmer's: ០-៩, "." between thousands and "," before decimals (CLDR's Khmer-digit symbols), the
 * month names of CLDR's km, and a 24-hour clock.
 */
const KHMER_DIGITS = '០១២៣៤៥៦៧៨៩';
const KHMER_MONTHS = [
  'មករា',
  'កុម្ភៈ',
  'មីនា',
  'មេសា',
  'ឧសភា',
  'មិថុនា',
  'កក្កដា',
  'សីហា',
  'កញ្ញា',
  'តុលា',
  'វិច្ឆិកា',
  'ធ្នូ',
];

/** @param {string} text */
function khmerDigits(text) {
  return text.replace(/[0-9]/g, (digit) => KHMER_DIGITS[Number(digit)] ?? digit);
}

/**
 * @param {number} value
 * @param {'en' | 'km'} [language]
 */
export function formatNumber(value, language = lang()) {
  const format = new Intl.NumberFormat(language === 'km' ? 'en-US' : 'en-GB', { maximumFractionDigits: 1 });
  if (language !== 'km') return format.format(value);
  return format
    .formatToParts(value)
    .map((part) => (part.type === 'group' ? '.' : part.type === 'decimal' ? ',' : khmerDigits(part.value)))
    .join('');
}

/**
 * The day and time of an instant where the shelter is, as numbers.
 * @param {string | number} when
 */
function zoned(when) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(when));
  /** @param {Intl.DateTimeFormatPartTypes} type */
  const part = (type) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return {
    day: Number(part('day')),
    month: Number(part('month')),
    year: part('year'),
    clock: `${part('hour')}:${part('minute')}`,
  };
}

/**
 * @param {string | number} when
 * @param {Intl.DateTimeFormatOptions} options what English shows
 * @param {(parts: ReturnType<typeof zoned>, month: string) => string} khmer what Khmer shows
 */
function formatWhen(when, options, khmer) {
  if (lang() !== 'km')
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(new Date(when));
  const parts = zoned(when);
  return khmerDigits(khmer(parts, KHMER_MONTHS[parts.month - 1] ?? ''));
}

/** Day and time: "7 Dec 2026, 18:46", "៧ ធ្នូ ២០២៦ ១៨:៤៦". @param {string | number} iso */
export function formatTime(iso) {
  return formatWhen(
    iso,
    { dateStyle: 'medium', timeStyle: 'short' },
    (p, month) => `${p.day} ${month} ${p.year} ${p.clock}`,
  );
}

/** Only the time of day ("14:02"), for what happened moments ago. @param {string | number} iso */
export function formatClock(iso) {
  return formatWhen(iso, { timeStyle: 'short' }, (p) => p.clock);
}

/** Only the day: "7 Dec 2026", "៧ ធ្នូ ២០២៦". @param {string | number} iso */
export function formatDate(iso) {
  return formatWhen(iso, { dateStyle: 'medium' }, (p, month) => `${p.day} ${month} ${p.year}`);
}

/** Day and month, for a chart's axis: "7 Dec", "៧ ធ្នូ". @param {string | number} iso */
export function formatDayMonth(iso) {
  return formatWhen(iso, { day: 'numeric', month: 'short' }, (p, month) => `${p.day} ${month}`);
}

/**
 * @param {string} key
 * @returns {key is MessageKey}
 */
function isMessageKey(key) {
  return Object.hasOwn(dictionaries.en, key);
}

/**
 * Quantity and unit as people say it before an item's name: "5 kg", "2 ×" for pieces. A unit we
 * have no words for is shown as it is.
 * @param {number} quantity
 * @param {ItemUnit | string} [unit]
 */
export function formatQuantity(quantity, unit) {
  const key = `unit.${unit}`;
  const label = unit === undefined ? '' : isMessageKey(key) ? t(key) : unit;
  return `${formatNumber(quantity)} ${label}`.trim();
}

/**
 * The same, standing alone (a table cell, a chart label): pieces are just a number.
 * @param {number} quantity
 * @param {ItemUnit | string} [unit]
 */
export function formatAmount(quantity, unit) {
  return formatQuantity(quantity, unit === 'piece' ? undefined : unit);
}

/** Elements carry their message key in data-i18n; this fills them in the current language. */
export function translatePage() {
  document.documentElement.lang = lang();
  for (const element of document.querySelectorAll('[data-i18n]')) {
    // Our HTML's keys; a mistyped one shows as itself, as any unknown key does.
    element.textContent = t(/** @type {MessageKey} */ (element.getAttribute('data-i18n')));
  }
}

/**
 * @param {HTMLElement} button
 * @param {() => void} onChange
 */
export function setupLanguageToggle(button, onChange) {
  // The button names the other language in its own script, so it is marked as that language:
  // a screen reader reads "ខ្មែរ" with a Khmer voice on an English page (WCAG 3.1.2).
  const label = () => {
    button.textContent = t('lang.other');
    button.lang = lang() === 'en' ? 'km' : 'en';
  };
  button.addEventListener('click', () => {
    localStorage.setItem(LANG_KEY, lang() === 'en' ? 'km' : 'en');
    translatePage();
    label();
    onChange();
  });
  label();
  translatePage();
}
