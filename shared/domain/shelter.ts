import { z } from '@hono/zod-openapi';
import { COVER_WARNING_DAYS_MAX, DEFAULT_COVER_WARNING_DAYS } from '../rules/alert-levels.js';
import { type Principal, scopeAllows } from './api-key.js';
import { attributionFor, createdFields, updatedFields } from './attribution.js';
import { slugSchema } from './slug.js';

/** Where a shelter is. For confidential shelters, only admins ever see these fields. */
const locationFields = {
  province: z.string().trim().min(1).max(100).openapi({ example: 'Phnom Penh', description: 'ADM1 name' }),
  provinceCode: z
    .string()
    .max(5)
    .regex(/^KH-\d{1,2}$/)
    .optional()
    .openapi({ example: 'KH-12', description: 'ISO 3166-2 code of the province' }),
  address: z.string().trim().max(300).optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
};

/**
 * How a shelter's scanners work without a network (issue 11): `pools` (each voucher in at most
 * one device's pool), `detect` (every device holds every voucher; a double handover becomes a
 * conflict at sync) or `online` (no offline acceptance). The offline window caps a lease.
 */
export const offlineModeSchema = z.enum(['pools', 'detect', 'online']).openapi('OfflineMode');
export type OfflineMode = z.infer<typeof offlineModeSchema>;
const offlineWindowHoursSchema = z.number().int().min(1).max(72).openapi({ format: 'int32' });
export const DEFAULT_OFFLINE_MODE: OfflineMode = 'pools';
export const DEFAULT_OFFLINE_WINDOW_HOURS = 12;

/**
 * A phone that has neither refreshed its pack nor synced for longer than this is "silent": the
 * next refresh of another phone of the shelter ends its leases and the vouchers go back to the
 * pool (issue 21). At least 15 minutes, so a phone that loses its network for a moment keeps its
 * list; at most 72 hours, the longest offline window (past the window its leases end anyway).
 */
export const silentPhoneMinutesSchema = z.number().int().min(15).max(4320);
export const DEFAULT_SILENT_PHONE_MINUTES = 120;

const offlineSettingDescriptions = {
  offlineMode: 'How phones hand vouchers over without a network; `pools` when unset.',
  offlineWindowHours: 'The longest a phone holds a voucher offline without a refresh; 12 when unset.',
  silentPhoneMinutes:
    'A phone silent (no pack refresh, no sync) for longer than this loses its vouchers to the other phones at their next refresh; 120 when unset.',
} as const;

export const createShelterSchema = z
  .object({
    id: slugSchema.optional().openapi({ description: 'Chosen id; generated from the name when absent.' }),
    name: z.string().trim().min(1).max(200),
    nameKm: z.string().trim().min(1).max(200).optional().openapi({
      description: 'Name in Khmer, shown wherever Khmer is chosen (pages, slips).',
    }),
    ...locationFields,
    capacity: z.number().int().min(0).max(1_000_000).openapi({ format: 'int32' }),
    population: z.number().int().min(0).max(1_000_000).openapi({ format: 'int32' }),
    confidential: z.boolean().default(false),
    coverWarningDays: z.number().min(0).max(COVER_WARNING_DAYS_MAX).optional().openapi({
      description:
        'Days of cover below which a balance raises `stock.cover-low` (webhooks, feed, alert digest); 3 when unset.',
    }),
    offlineMode: offlineModeSchema
      .optional()
      .openapi({ description: offlineSettingDescriptions.offlineMode }),
    offlineWindowHours: offlineWindowHoursSchema
      .optional()
      .openapi({ description: offlineSettingDescriptions.offlineWindowHours }),
    silentPhoneMinutes: silentPhoneMinutesSchema
      .optional()
      .openapi({ description: offlineSettingDescriptions.silentPhoneMinutes }),
  })
  .strict()
  .openapi('CreateShelter');

export const updateShelterSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    nameKm: z.string().trim().min(1).max(200).optional().openapi({
      description: 'Name in Khmer, shown wherever Khmer is chosen (pages, slips).',
    }),
    ...locationFields,
    capacity: z.number().int().min(0).max(1_000_000).openapi({ format: 'int32' }),
    population: z.number().int().min(0).max(1_000_000).openapi({ format: 'int32' }),
    confidential: z.boolean(),
    coverWarningDays: z.number().min(0).max(COVER_WARNING_DAYS_MAX).optional().openapi({
      description:
        'Days of cover below which a balance raises `stock.cover-low` (webhooks, feed, alert digest); 3 when unset.',
    }),
    offlineMode: offlineModeSchema,
    offlineWindowHours: offlineWindowHoursSchema,
    silentPhoneMinutes: silentPhoneMinutesSchema.openapi({
      description: offlineSettingDescriptions.silentPhoneMinutes,
    }),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'send at least one field to change' })
  .openapi('UpdateShelter');

/** A shelter as stored. Parsed on every read: a malformed record fails loudly at the store. */
export const shelterSchema = z
  .object({
    id: slugSchema,
    name: z.string(),
    nameKm: z.string().optional(),
    province: z.string().optional(),
    provinceCode: z.string().optional(),
    address: z.string().optional(),
    latitude: z.number().optional(),
    longitude: z.number().optional(),
    capacity: z.number().int(),
    population: z.number().int(),
    confidential: z.boolean(),
    coverWarningDays: z.number().optional(),
    // Shelters stored before these settings existed read as the defaults.
    offlineMode: offlineModeSchema.default(DEFAULT_OFFLINE_MODE),
    offlineWindowHours: offlineWindowHoursSchema.default(DEFAULT_OFFLINE_WINDOW_HOURS),
    silentPhoneMinutes: silentPhoneMinutesSchema.default(DEFAULT_SILENT_PHONE_MINUTES),
    ...createdFields,
    ...updatedFields,
  })
  .strict();

/** A shelter as the API shows it: location withheld when confidential, key ids to admins only. */
export const shelterViewSchema = shelterSchema
  .partial({ createdBy: true, updatedBy: true })
  .openapi('Shelter', {
    description:
      'Location fields of a confidential shelter, and `createdBy`/`updatedBy` (key ids), are shown to admins only.',
  });

export type Shelter = z.infer<typeof shelterSchema>;

/** Below this many days of cover a balance is "cover low", unless the shelter sets its own level. */
export { DEFAULT_COVER_WARNING_DAYS };
export type ShelterView = z.infer<typeof shelterViewSchema>;
export type CreateShelterInput = z.infer<typeof createShelterSchema>;
export type ShelterPatch = z.infer<typeof updateShelterSchema>;

const locationKeys = ['province', 'provinceCode', 'address', 'latitude', 'longitude'] as const;

/** Shelters outside a key's scope look absent to it; admins see every shelter. */
export function shelterVisibleTo(
  shelter: Pick<Shelter, 'id'>,
  viewer: Pick<Principal, 'role' | 'scope'>,
): boolean {
  return viewer.role === 'admin' || scopeAllows(viewer.scope.shelterIds, shelter.id);
}

/** Confidential shelters keep their location from everyone but admins, in every output. */
export function shelterView(shelter: Shelter, viewer: Pick<Principal, 'role'>): ShelterView {
  const view: ShelterView = { ...attributionFor(shelter, viewer) };
  if (!shelter.confidential || viewer.role === 'admin') return view;
  for (const key of locationKeys) delete view[key];
  return view;
}

export function slugFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return slug.length >= 2 ? slug : 'shelter';
}
