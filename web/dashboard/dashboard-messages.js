// The dashboard page's own words, in English and Khmer, added beside the shared table of
// web/common/i18n.js when the page loads: a page carries only its own words, so the scanner's first
// load does not carry these (issue 22's page-weight budgets). Khmer wording was written for this
// first version: have a native speaker review it.
import { addMessages } from '../common/i18n.js';

const en = {
  'dash.title': 'Stock',
  'dash.refresh': 'Refresh',
  'dash.desk': 'Logistics desk',
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
  'movement.by': 'by {name}',
  'signin.logisticsKey': 'Logistics key',
  'signin.notLogistics': 'This key cannot read stock.',
};

/** @typedef {keyof typeof en} DashboardMessageKey */

/**
 * Every message has its Khmer: a key missing here fails the type check.
 * @type {Record<DashboardMessageKey, string>}
 */
const km = {
  'dash.title': 'ស្តុក',
  'dash.refresh': 'ផ្ទុកឡើងវិញ',
  'dash.desk': 'តុភស្តុភារ',
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
  'movement.by': 'ដោយ {name}',
  'signin.logisticsKey': 'សោផ្នែកភស្តុភារ',
  'signin.notLogistics': 'សោនេះមិនអាចមើលស្តុកបានទេ។',
};

addMessages({ en, km });
