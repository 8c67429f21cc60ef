import { z } from '@hono/zod-openapi';
import type { Principal } from './api-key.js';
import { targetDaysSchema } from './cover-target.js';
import { type Shelter, shelterView } from './shelter.js';
import { slugSchema } from './slug.js';

/** The query of GET /v1/plans/transfers. */
export const transferPlanQuerySchema = z
  .object({
    targetDays: targetDaysSchema,
    itemId: slugSchema.optional().openapi({ description: 'Plan this item only; every item when left out.' }),
    limit: z.coerce.number().int().min(1).max(1000).default(200).openapi({
      format: 'int32',
      description:
        'How many suggestions to list, most urgent first (1 to 1,000; 200 when left out). The summaries count every suggestion of the plan.',
    }),
  })
  .strict();
export type TransferPlanQuery = z.infer<typeof transferPlanQuerySchema>;

/** The query of GET /v1/reports/needs and its CSV. */
export const needsQuerySchema = z
  .object({
    targetDays: targetDaysSchema,
    itemId: slugSchema.optional().openapi({ description: 'This item only; every item when left out.' }),
  })
  .strict();
export type NeedsQuery = z.infer<typeof needsQuerySchema>;

const days = z.number().nullable();

/** A shelter named by a plan or a report: where it is only where the viewer may see it. */
export const planShelterSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    nameKm: z.string().optional(),
    province: z.string().optional(),
    provinceCode: z.string().optional(),
    confidential: z.boolean(),
    population: z.number().int(),
  })
  .openapi('PlanShelter', {
    description: 'Location fields of a confidential shelter are shown to admins only, as everywhere.',
  });
export type PlanShelterView = z.infer<typeof planShelterSchema>;

export function planShelterView(shelter: Shelter, viewer: Pick<Principal, 'role'>): PlanShelterView {
  const view = shelterView(shelter, viewer);
  return {
    id: view.id,
    name: view.name,
    ...(view.nameKm === undefined ? {} : { nameKm: view.nameKm }),
    ...(view.province === undefined ? {} : { province: view.province }),
    ...(view.provinceCode === undefined ? {} : { provinceCode: view.provinceCode }),
    confidential: view.confidential,
    population: view.population,
  };
}

const moveEndSchema = z.object({
  daysOfCoverBefore: days.openapi({
    description: 'As things stand (stock on its way there counted); null where nobody lives.',
  }),
  daysOfCoverAfter: days.openapi({ description: 'Once this move alone is made.' }),
});

export const transferSuggestionSchema = z
  .object({
    fromShelterId: z.string(),
    toShelterId: z.string(),
    itemId: z.string(),
    quantity: z.number().int().positive().openapi({ description: 'Whole units, in the item’s unit.' }),
    unit: z.string(),
    personDays: z.number().openapi({ description: 'quantity / daily need per person, floored to a tenth.' }),
    from: moveEndSchema,
    to: moveEndSchema,
  })
  .openapi('TransferSuggestion', {
    description:
      'One move. `{fromShelterId, toShelterId, lines: [{itemId, quantity}]}` is the body of `POST /v1/transfers` that makes it.',
  });

export const transferTripSchema = z
  .object({
    fromShelterId: z.string(),
    toShelterId: z.string(),
    lines: z.array(z.object({ itemId: z.string(), quantity: z.number().int().positive() })),
    personDays: z.number(),
  })
  .openapi('TransferTrip', {
    description:
      'Every listed suggestion between two shelters, as one truck. `fromShelterId`, `toShelterId` and `lines` are the body of `POST /v1/transfers` that dispatches it.',
  });

export const itemPlanSummarySchema = z
  .object({
    itemId: z.string(),
    unit: z.string(),
    dailyNeedPerPerson: z.number(),
    shelters: z.number().int(),
    sheltersBelowTargetBefore: z.number().int(),
    sheltersBelowTargetAfter: z.number().int(),
    needed: z.number().openapi({ description: 'What the shelters below the target miss, in whole units.' }),
    spare: z
      .number()
      .openapi({ description: 'What the shelters above their target can send, in whole units.' }),
    moved: z.number().openapi({ description: 'What the whole plan moves: the smaller of needed and spare.' }),
    personDays: z.number(),
    unmet: z
      .number()
      .openapi({ description: 'needed - moved: what must come from outside (a donor, a purchase).' }),
    lowestDaysOfCoverBefore: days,
    lowestDaysOfCoverAfter: days.openapi({
      description: 'Once every suggestion of the plan is made; never lower than before.',
    }),
  })
  .openapi('ItemPlanSummary');

export const transferPlanSchema = z
  .object({
    targetDays: z.number().int(),
    generatedAt: z.string(),
    suggestions: z.array(transferSuggestionSchema).openapi({
      description: 'Most urgent first: the receiver with the fewest days of cover now.',
    }),
    suggestionsTotal: z
      .number()
      .int()
      .openapi({ description: 'Suggestions in the whole plan (`limit` lists the first).' }),
    trips: z.array(transferTripSchema),
    items: z.array(itemPlanSummarySchema),
    itemsWithoutDailyNeed: z.array(z.string()).openapi({
      description: 'Catalogue items with no daily need per person: they have no days of cover, so no plan.',
    }),
    shelters: z
      .array(planShelterSchema)
      .openapi({ description: 'The shelters the listed suggestions name.' }),
  })
  .openapi('TransferPlan');
export type TransferPlanView = z.infer<typeof transferPlanSchema>;

export const needRowSchema = z
  .object({
    shelterId: z.string(),
    itemId: z.string(),
    unit: z.string(),
    population: z.number().int(),
    dailyNeedPerPerson: z.number(),
    available: z
      .number()
      .openapi({ description: 'On hand minus reserved; negative when vouchers are short.' }),
    inTransit: z.number().openapi({ description: 'Dispatched to the shelter, not yet received.' }),
    daysOfCover: days.openapi({
      description: '(available + inTransit) / (population x daily need per person).',
    }),
    needed: z.number().openapi({
      description: 'population x daily need x targetDays - available - inTransit, in whole units rounded up.',
    }),
    personDays: z.number().openapi({ description: 'needed / daily need per person.' }),
  })
  .openapi('NeedRow');
export type NeedRow = z.infer<typeof needRowSchema>;

export const needsReportSchema = z
  .object({
    date: z.string().openapi({ example: '2026-12-04' }),
    targetDays: z.number().int(),
    rows: z
      .array(needRowSchema)
      .openapi({ description: 'Every shelter and item missing something, by shelter then item.' }),
    itemsWithoutDailyNeed: z.array(z.string()),
    shelters: z.array(planShelterSchema).openapi({ description: 'The shelters the rows name.' }),
  })
  .openapi('NeedsReport');
export type NeedsReport = z.infer<typeof needsReportSchema>;
