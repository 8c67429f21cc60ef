import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  householdIssueResultSchema,
  householdListSchema,
  MAX_HOUSEHOLD_ROWS,
} from '../../domain/round-households.js';
import { forecastSchema } from '../../domain/round-report.js';
import { forecastRound } from '../../usecases/forecast-round.js';
import { issueRoundHouseholds } from '../../usecases/issue-round-households.js';
import type { AppEnv } from '../app-env.js';
import { csvHouseholds, jsonHouseholds, sendsCsv } from '../household-list-body.js';
import { errorResponses, jsonContent, securedRoute } from '../openapi-route.js';
import { RequestValidationError } from '../request-validation-error.js';
import { roundParams } from './rounds.js';

const csvExample = 'beneficiaryRef,householdSize,shelterId,language\nHH-0001,4,shelter-a,vi\nHH-0002,2,,\n';

/** A household list: JSON rows or CSV with a header row. */
const listBody = {
  // Declared optional only so that the JSON schema is checked for JSON bodies alone (the
  // validator runs on every body of a required one); a missing list is refused in householdRows.
  required: false,
  description: 'Required: the household list, as JSON or as CSV.',
  content: {
    'application/json': { schema: householdListSchema },
    'text/csv': {
      schema: z
        .string()
        .max(2 * 1024 * 1024)
        .openapi({
          description: `A header row naming \`beneficiaryRef, householdSize\` and optionally \`shelterId, language\`, then up to ${MAX_HOUSEHOLD_ROWS} households.`,
          example: csvExample,
        }),
    },
  },
};

const issueRoute = securedRoute(['coordinator'], {
  method: 'post',
  path: '/v1/rounds/{id}/households',
  operationId: 'issueRoundHouseholds',
  tags: ['Rounds'],
  summary: `Issue vouchers to a household list (up to ${MAX_HOUSEHOLD_ROWS}, JSON or CSV), a result per row`,
  description:
    'Each household gets a voucher computed from the round’s rules, or a problem naming its row and field: `invalid`, `duplicate-in-list`, `already-in-round` (another organisation may hold it: nothing more is said), `waiting-period`, `insufficient-stock` (with the short items). Rows are idempotent without an Idempotency-Key: a household that already holds your voucher in this round answers with it (`replayed: true`), so sending the same list again issues nothing twice.',
  request: { params: roundParams, body: listBody },
  responses: {
    200: { description: 'A result per row.', content: jsonContent(householdIssueResultSchema) },
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

const forecastRoute = securedRoute(['coordinator', 'admin'], {
  method: 'post',
  path: '/v1/rounds/{id}/forecast',
  operationId: 'forecastRound',
  tags: ['Rounds'],
  summary: 'What a household list would need, per shelter and item, against available stock (stores nothing)',
  request: { params: roundParams, body: listBody },
  responses: {
    200: {
      description: 'Needed, available, shortfall and days of cover after.',
      content: jsonContent(forecastSchema),
    },
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

/** The rows, from CSV (streamed) or from the validated JSON body (`json`, read only for JSON). */
async function householdRows(c: Context<AppEnv>, json: () => unknown) {
  if (sendsCsv(c)) return csvHouseholds(c);
  const body = json() as { households?: unknown[] } | undefined;
  if (body?.households === undefined)
    throw new RequestValidationError('Send the households.', [
      { field: 'body.households', message: 'required' },
    ]);
  return jsonHouseholds(body.households);
}

export function registerRoundHouseholds(app: OpenAPIHono<AppEnv>) {
  app.openapi(issueRoute, async (c) => {
    const rows = await householdRows(c, () => c.req.valid('json'));
    const result = await issueRoundHouseholds(
      { roundId: c.req.valid('param').id, rows },
      c.get('principal'),
      c.get('deps'),
    );
    return c.json(result, 200);
  });
  app.openapi(forecastRoute, async (c) => {
    const rows = await householdRows(c, () => c.req.valid('json'));
    const result = await forecastRound(
      { roundId: c.req.valid('param').id, rows },
      c.get('principal'),
      c.get('deps'),
    );
    return c.json(result, 200);
  });
}
