import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.js';

/** Registers a group's routes on an app. */
export type RegisterGroup = (app: OpenAPIHono<AppEnv>) => void;

/**
 * Routes that are not on a volunteer's or a logistics lead's hot path, and the paths they own.
 * Their code (route schemas, use cases, domain rules, the CSV parser) is loaded on the first
 * request under one of their prefixes, never at a cold start: a Lambda that only redeems
 * vouchers never parses or builds them (issue 14). Each `load` is a dynamic import, so the
 * deployed bundle keeps each group in its own chunk.
 */
export interface RouteGroup {
  name: string;
  /** Every path of the group starts with one of these (`/v1/rounds` owns `/v1/rounds/...`). */
  prefixes: readonly string[];
  load: () => Promise<RegisterGroup>;
}

export const lazyRouteGroups: readonly RouteGroup[] = [
  {
    name: 'administration',
    prefixes: ['/v1/organizations', '/v1/api-keys', '/v1/people', '/v1/invitations'],
    load: () => import('./groups/administration.js').then((m) => m.registerAdministration),
  },
  {
    name: 'partner events',
    prefixes: ['/v1/webhooks', '/v1/events'],
    load: () => import('./groups/partner-events.js').then((m) => m.registerPartnerEvents),
  },
  {
    name: 'offline distribution',
    prefixes: ['/v1/devices', '/v1/conflicts'],
    load: () => import('./groups/offline-distribution.js').then((m) => m.registerOfflineDistribution),
  },
  {
    // A shelter's sessions live under the shelter's path: a prefix may name a path parameter.
    name: 'stock counts',
    prefixes: ['/v1/count-sessions', '/v1/shelters/:id/count-sessions'],
    load: () => import('./groups/stock-counts.js').then((m) => m.registerStockCounts),
  },
  {
    name: 'distribution rounds',
    prefixes: ['/v1/rounds', '/v1/beneficiaries'],
    load: () => import('./groups/distribution-rounds.js').then((m) => m.registerDistributionRounds),
  },
  {
    name: 'logistics plans',
    prefixes: ['/v1/plans', '/v1/reports/needs', '/v1/reports/needs.csv'],
    load: () => import('./groups/logistics-plans.js').then((m) => m.registerLogisticsPlans),
  },
];
