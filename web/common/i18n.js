// English and Khmer for the pages. The choice is remembered on the device.
// Khmer wording was written for this first version: have a native speaker review it.

/** @typedef {import('./api-types.js').ItemUnit} ItemUnit */

const en = {
  'lang.other': 'ខ្មែរ',
  signOut: 'Sign out',
  'signin.title': 'Sign in',
  'signin.volunteerKey': 'Volunteer key',
  'signin.logisticsKey': 'Logistics key',
  'signin.help': 'The key stays on this device only.',
  'signin.submit': 'Sign in',
  'signin.rejected': 'This key was not accepted. Check it and try again.',
  'signin.notVolunteer': 'This is not a volunteer key.',
  'signin.notLogistics': 'This key cannot read stock.',
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
  'sync.outcomes': 'After the last sync',
  'sync.redeemed': 'confirmed',
  'sync.conflict': 'conflict: the logistics lead will check it',
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
  'dash.title': 'Stock',
  'dash.refresh': 'Refresh',
  'dash.stock': 'Stock by shelter',
  'dash.shelter': 'Shelter',
  'dash.available': 'available',
  'dash.onHand': 'on hand',
  'dash.reserved': 'reserved',
  'dash.days': '{days} days',
  'dash.low': 'Low stock',
  'dash.shortfall': 'Shortfall',
  'dash.today': 'Vouchers today',
  'dash.issued': 'Issued',
  'dash.redeemed': 'Redeemed',
  'dash.todayNote': 'Issued: your organisation’s vouchers. Redeemed: every handover at the shelter.',
  'dash.chart': 'Stock over time',
  'dash.item': 'Item',
  'dash.movements': 'Recent movements',
  'dash.noData': 'No data yet.',
  'dash.updated': 'Updated {time}',
  'movement.receipt': 'Received',
  'movement.adjustment': 'Adjusted',
  'movement.transfer_out': 'Sent away',
  'movement.transfer_in': 'Transfer in',
  'movement.distribution': 'Handed out',
  'unit.kg': 'kg',
  'unit.L': 'L',
  'unit.piece': '×',
  'unit.pack': 'packs',
  'signin.coordinatorKey': 'Coordinator key',
  'signin.notCoordinator': 'This is not a coordinator key.',
  'coord.title': 'Rounds',
  'coord.newRound': '1. New round',
  'coord.name': 'Name',
  'coord.shelter': 'Shelter',
  'coord.from': 'Valid from',
  'coord.until': 'Valid until',
  'coord.templates': 'Rations (templates)',
  'coord.create': 'Create round',
  'coord.round': 'Round {name}: {status}, rules version {version}',
  'coord.households': '2. Households',
  'coord.csvHelp':
    'CSV with a header row: beneficiaryRef, householdSize, shelterId, language (vi, zh, th, id).',
  'coord.file': 'Or upload a CSV file',
  'coord.forecast': 'See forecast',
  'coord.issue': 'Open and issue',
  'coord.forecastTitle': 'Forecast',
  'coord.item': 'Item',
  'coord.needed': 'Needed',
  'coord.available': 'Available',
  'coord.short': 'Short',
  'coord.cover': 'Days of cover after',
  'coord.results': '3. Vouchers',
  'coord.summary': '{issued} issued, {replayed} already issued, {refused} refused',
  'coord.row': 'Row',
  'coord.outcome': 'Result',
  'coord.code': 'Code',
  'coord.issued': 'issued',
  'coord.refused': 'refused',
  'coord.print': 'Print slips',
  'coord.noSlips': 'Issue vouchers first.',
  'coord.reconciliation': '4. Redemptions and reconciliation',
  'coord.refresh': 'Refresh',
  'coord.redeemed': 'Redeemed',
  'coord.voided': 'Voided',
  'coord.expired': 'Expired',
  'coord.outstanding': 'Outstanding',
  'coord.ledgerOut': 'Left stock',
  'coord.agrees': 'Agrees',
  'coord.yes': 'yes',
  'coord.no': 'NO',
  'coord.busy': 'Working…',
  'tpl.rice': 'Rice 0.4 kg a person a day',
  'tpl.water': 'Water 15 L a person a day',
  'tpl.net': 'Mosquito net per 2 people, at most 3',
  'tpl.mat': 'Sleeping mat per person, at most 6',
  'tpl.soap': 'Soap 250 g a person a month (2 bars of 125 g)',
};

/** @typedef {keyof typeof en} MessageKey */

/**
 * Every message has its Khmer: a key missing here fails the type check.
 * @type {Record<MessageKey, string>}
 */
const km = {
  'lang.other': 'English',
  signOut: 'ចាកចេញ',
  'signin.title': 'ចូលប្រើ',
  'signin.volunteerKey': 'សោរបស់អ្នកស្ម័គ្រចិត្ត',
  'signin.logisticsKey': 'សោផ្នែកភស្តុភារ',
  'signin.help': 'សោនេះរក្សាទុកតែនៅលើឧបករណ៍នេះប៉ុណ្ណោះ។',
  'signin.submit': 'ចូល',
  'signin.rejected': 'សោនេះមិនត្រូវបានទទួលស្គាល់ទេ។ សូមពិនិត្យ ហើយព្យាយាមម្តងទៀត។',
  'signin.notVolunteer': 'នេះមិនមែនជាសោរបស់អ្នកស្ម័គ្រចិត្តទេ។',
  'signin.notLogistics': 'សោនេះមិនអាចមើលស្តុកបានទេ។',
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
  'sync.outcomes': 'ក្រោយសមកាលកម្មចុងក្រោយ',
  'sync.redeemed': 'បានបញ្ជាក់',
  'sync.conflict': 'ជម្លោះ៖ អ្នកទទួលខុសត្រូវភស្តុភារនឹងពិនិត្យ',
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
  'dash.title': 'ស្តុក',
  'dash.refresh': 'ផ្ទុកឡើងវិញ',
  'dash.stock': 'ស្តុកតាមទីជម្រក',
  'dash.shelter': 'ទីជម្រក',
  'dash.available': 'អាចប្រើ',
  'dash.onHand': 'ក្នុងឃ្លាំង',
  'dash.reserved': 'បានកក់',
  'dash.days': '{days} ថ្ងៃ',
  'dash.low': 'ស្តុកទាប',
  'dash.shortfall': 'ខ្វះស្តុក',
  'dash.today': 'ប័ណ្ណថ្ងៃនេះ',
  'dash.issued': 'បានចេញ',
  'dash.redeemed': 'បានប្រើ',
  'dash.todayNote': 'បានចេញ៖ ប័ណ្ណរបស់អង្គការអ្នក។ បានប្រើ៖ ការប្រគល់ទាំងអស់នៅទីជម្រក។',
  'dash.chart': 'ស្តុកតាមពេលវេលា',
  'dash.item': 'សម្ភារៈ',
  'dash.movements': 'ចលនាស្តុកថ្មីៗ',
  'dash.noData': 'មិនទាន់មានទិន្នន័យ។',
  'dash.updated': 'ធ្វើបច្ចុប្បន្នភាព {time}',
  'movement.receipt': 'ទទួលចូល',
  'movement.adjustment': 'កែតម្រូវ',
  'movement.transfer_out': 'បញ្ជូនចេញ',
  'movement.transfer_in': 'ទទួលពីការផ្ទេរ',
  'movement.distribution': 'ចែកចាយ',
  'unit.kg': 'គីឡូ',
  'unit.L': 'លីត្រ',
  'unit.piece': '×',
  'unit.pack': 'កញ្ចប់',
  'signin.coordinatorKey': 'សោអ្នកសម្របសម្រួល',
  'signin.notCoordinator': 'នេះមិនមែនជាសោអ្នកសម្របសម្រួលទេ។',
  'coord.title': 'ជុំចែកចាយ',
  'coord.newRound': '១. ជុំថ្មី',
  'coord.name': 'ឈ្មោះ',
  'coord.shelter': 'ទីជម្រក',
  'coord.from': 'មានសុពលភាពពី',
  'coord.until': 'មានសុពលភាពរហូតដល់',
  'coord.templates': 'របបចែកចាយ (គំរូ)',
  'coord.create': 'បង្កើតជុំ',
  'coord.round': 'ជុំ {name}៖ {status} កំណែច្បាប់ {version}',
  'coord.households': '២. គ្រួសារ',
  'coord.csvHelp': 'CSV មានជួរក្បាល៖ beneficiaryRef, householdSize, shelterId, language (vi, zh, th, id)។',
  'coord.file': 'ឬផ្ទុកឯកសារ CSV',
  'coord.forecast': 'មើលការព្យាករ',
  'coord.issue': 'បើក និងចេញប័ណ្ណ',
  'coord.forecastTitle': 'ការព្យាករ',
  'coord.item': 'សម្ភារៈ',
  'coord.needed': 'ត្រូវការ',
  'coord.available': 'មាន',
  'coord.short': 'ខ្វះ',
  'coord.cover': 'ថ្ងៃគ្រប់គ្រាន់បន្ទាប់',
  'coord.results': '៣. ប័ណ្ណ',
  'coord.summary': 'បានចេញ {issued} ចេញរួចហើយ {replayed} បដិសេធ {refused}',
  'coord.row': 'ជួរ',
  'coord.outcome': 'លទ្ធផល',
  'coord.code': 'កូដ',
  'coord.issued': 'បានចេញ',
  'coord.refused': 'បដិសេធ',
  'coord.print': 'បោះពុម្ពប័ណ្ណ',
  'coord.noSlips': 'សូមចេញប័ណ្ណជាមុនសិន។',
  'coord.reconciliation': '៤. ការប្រើប្រាស់ និងការផ្ទៀងផ្ទាត់',
  'coord.refresh': 'ផ្ទុកឡើងវិញ',
  'coord.redeemed': 'បានប្រើ',
  'coord.voided': 'បានលុប',
  'coord.expired': 'ផុតកំណត់',
  'coord.outstanding': 'នៅសល់',
  'coord.ledgerOut': 'ចេញពីស្តុក',
  'coord.agrees': 'ត្រូវគ្នា',
  'coord.yes': 'ត្រូវ',
  'coord.no': 'មិនត្រូវ',
  'coord.busy': 'កំពុងដំណើរការ…',
  'tpl.rice': 'អង្ករ ០.៤ គីឡូក្រាម ក្នុងម្នាក់ក្នុងមួយថ្ងៃ',
  'tpl.water': 'ទឹក ១៥ លីត្រ ក្នុងម្នាក់ក្នុងមួយថ្ងៃ',
  'tpl.net': 'មុងមួយសម្រាប់មនុស្ស ២ នាក់ យ៉ាងច្រើន ៣',
  'tpl.mat': 'កន្ទេលមួយក្នុងម្នាក់ យ៉ាងច្រើន ៦',
  'tpl.soap': 'សាប៊ូ ២៥០ ក្រាម ក្នុងម្នាក់ក្នុងមួយខែ (២ ដុំ ១២៥ ក្រាម)',
};

const dictionaries = { en, km };
const LANG_KEY = 'supplyline.lang';

/** @returns {'en' | 'km'} */
export function lang() {
  return localStorage.getItem(LANG_KEY) === 'km' ? 'km' : 'en';
}

/**
 * A message in the current language, with {name} placeholders filled in.
 * @param {MessageKey} key
 * @param {Record<string, string | number>} [params]
 */
export function t(key, params = {}) {
  const text = dictionaries[lang()][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
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

function locale() {
  return lang() === 'km' ? 'km-KH' : 'en-GB';
}

/** @param {string | number} iso */
export function formatTime(iso) {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}

/** Only the time of day ("14:02"), for what happened moments ago. @param {string | number} iso */
export function formatClock(iso) {
  return new Intl.DateTimeFormat(locale(), { timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** @param {number} value */
export function formatNumber(value) {
  return new Intl.NumberFormat(lang() === 'km' ? 'km-KH' : 'en-GB', { maximumFractionDigits: 1 }).format(
    value,
  );
}

/**
 * @param {string} key
 * @returns {key is MessageKey}
 */
function isMessageKey(key) {
  return Object.hasOwn(en, key);
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
