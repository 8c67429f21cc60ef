import type { Principal } from '../domain/api-key.js';
import { coverPosition, personDays } from '../domain/cover-target.js';
import { csvRow } from '../domain/csv.js';
import { type NeedRow, type NeedsQuery, type NeedsReport, planShelterView } from '../domain/plan-views.js';
import type { Stores } from '../store/stores.js';
import { type NetworkCover, type NetworkCoverDeps, readNetworkCover } from './network-cover.js';

export type NeedsReportDeps = NetworkCoverDeps & { now: () => Date };

/**
 * GET /v1/reports/needs: per shelter and item, what is missing to reach `targetDays` of cover
 * (population x daily need per person x days, less what is available and what is on its way),
 * for donors. The same reads and the same arithmetic as the transfer plan (cover-target.ts);
 * only the shelters the key reaches, their locations as the viewer may see them.
 */
export async function needsReport(
  input: NeedsQuery,
  viewer: Principal,
  deps: NeedsReportDeps,
): Promise<NeedsReport> {
  return (await computeNeeds(input, viewer, deps)).report;
}

async function computeNeeds(
  input: NeedsQuery,
  viewer: Principal,
  deps: NeedsReportDeps,
): Promise<{ report: NeedsReport; cover: NetworkCover }> {
  const cover = await readNetworkCover(viewer, { itemId: input.itemId }, deps);
  const rows: NeedRow[] = [];
  for (const shelter of cover.shelters) {
    for (const item of cover.items) {
      const dailyNeedPerPerson = item.dailyNeedPerPerson ?? 0;
      const available = cover.available.get(shelter.id)?.get(item.id) ?? 0;
      const inTransit = cover.inbound.get(shelter.id)?.get(item.id) ?? 0;
      const position = coverPosition(
        { population: shelter.population, available, inbound: inTransit },
        dailyNeedPerPerson,
        input.targetDays,
      );
      if (position.needed <= 0) continue;
      rows.push({
        shelterId: shelter.id,
        itemId: item.id,
        unit: item.unit,
        population: shelter.population,
        dailyNeedPerPerson,
        available,
        inTransit,
        daysOfCover: position.daysOfCover,
        needed: position.needed,
        personDays: personDays(position.needed, dailyNeedPerPerson),
      });
    }
  }
  const named = new Set(rows.map((row) => row.shelterId));
  const report: NeedsReport = {
    date: deps.now().toISOString().slice(0, 10),
    targetDays: input.targetDays,
    rows,
    itemsWithoutDailyNeed: cover.itemsWithoutDailyNeed,
    shelters: cover.shelters.filter((s) => named.has(s.id)).map((s) => planShelterView(s, viewer)),
  };
  return { report, cover };
}

/**
 * The columns of the CSV, each with its HXL hashtag and attributes (HXL 1.1: core hashtags
 * #date, #org, #loc, #adm1, #population, #item, #sector, #indicator, #output; core attributes
 * +reported, +name, +code, +total, +num, +unit; the rest are ours, as HXL allows).
 */
const columns: Array<[header: string, hxl: string]> = [
  ['Date', '#date +reported'],
  ['Reporting organisation', '#org +name'],
  ['Shelter id', '#loc +code'],
  ['Shelter', '#loc +name'],
  ['Province', '#adm1 +name'],
  ['Province code', '#adm1 +code'],
  ['Population', '#population +total +num'],
  ['Item id', '#item +code'],
  ['Item', '#item +name'],
  ['Category', '#sector'],
  ['Unit', '#item +unit'],
  ['Daily need per person', '#indicator +num +daily_need'],
  ['Target days of cover', '#indicator +num +days_target'],
  ['Available', '#indicator +num +stock +available'],
  ['In transit', '#indicator +num +stock +in_transit'],
  ['Days of cover', '#indicator +num +days_cover'],
  ['Needed', '#output +num +needed'],
  ['Person-days needed', '#indicator +num +person_days +needed'],
];

export const NEEDS_HXL_ROW = columns.map(([, hxl]) => hxl);

/** The report as CSV: a header row, the HXL row, one row per shelter and item missing something. */
export async function needsReportCsv(
  input: NeedsQuery,
  viewer: Principal,
  deps: NeedsReportDeps & { stores: Pick<Stores, 'organizations'> },
): Promise<{ date: string; csv: string }> {
  const [{ report, cover }, org] = await Promise.all([
    computeNeeds(input, viewer, deps),
    deps.stores.organizations.get(viewer.orgId),
  ]);
  const shelters = new Map(report.shelters.map((s) => [s.id, s]));
  const items = new Map(cover.items.map((item) => [item.id, item]));
  let csv = csvRow(columns.map(([header]) => header)) + csvRow(NEEDS_HXL_ROW);
  for (const row of report.rows) {
    const shelter = shelters.get(row.shelterId);
    const item = items.get(row.itemId);
    csv += csvRow([
      report.date,
      org?.name ?? viewer.orgId,
      row.shelterId,
      shelter?.name,
      shelter?.province,
      shelter?.provinceCode,
      row.population,
      row.itemId,
      item?.name,
      item?.category,
      row.unit,
      row.dailyNeedPerPerson,
      report.targetDays,
      row.available,
      row.inTransit,
      row.daysOfCover,
      row.needed,
      row.personDays,
    ]);
  }
  return { date: report.date, csv };
}
