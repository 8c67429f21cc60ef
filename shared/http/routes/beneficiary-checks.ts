import type { OpenAPIHono } from '@hono/zod-openapi';
import { beneficiaryCheckLogQuerySchema, beneficiaryCheckLogSchema } from '../../domain/beneficiary-check.js';
import {
  beneficiaryCheckResultSchema,
  beneficiaryCheckSchema,
  checkBeneficiaries,
} from '../../usecases/check-beneficiaries.js';
import { listBeneficiaryChecks } from '../../usecases/list-beneficiary-checks.js';
import type { AppEnv } from '../app-env.js';
import { readListPage } from '../list-page.js';
import { errorResponses, jsonContent, securedRoute } from '../openapi-route.js';
import { pageSchema } from '../pagination-schemas.js';

const checkRoute = securedRoute(['coordinator'], {
  method: 'post',
  path: '/v1/beneficiaries/check',
  operationId: 'checkBeneficiaries',
  tags: ['Rounds'],
  summary:
    'Served before? For each reference: holds a voucher in an open round, and when it was last redeemed',
  description:
    'Across every organisation, and nothing else: never which organisation, round or shelter. Changes nothing, so no Idempotency-Key. The references are pseudonymised at once and are never logged, stored or sent back: results come in request order. Every call is recorded for admins (who, when, how many references, how many matched; `GET /v1/beneficiaries/checks`), and a key may check at most 2,000 references an hour (the deployment may set another figure): past that, 429 with `Retry-After`.',
  request: { body: { required: true, content: jsonContent(beneficiaryCheckSchema) } },
  responses: {
    200: { description: 'One result per reference.', content: jsonContent(beneficiaryCheckResultSchema) },
    429: errorResponses[429],
  },
});

const logRoute = securedRoute(['admin'], {
  method: 'get',
  path: '/v1/beneficiaries/checks',
  operationId: 'listBeneficiaryChecks',
  tags: ['Rounds'],
  summary: 'Who asked "served before?", when, about how many references, and how many matched',
  description:
    'Newest first, kept 400 days. Never the references: the record is about the asking. Calls refused for the hourly limit are listed too (`refused-over-limit`).',
  request: { query: beneficiaryCheckLogQuerySchema },
  responses: {
    200: { description: 'One page.', content: jsonContent(pageSchema(beneficiaryCheckLogSchema)) },
  },
});

export function registerBeneficiaryChecks(app: OpenAPIHono<AppEnv>) {
  app.openapi(checkRoute, async (c) => {
    c.header('cache-control', 'no-store');
    return c.json(await checkBeneficiaries(c.req.valid('json'), c.get('principal'), c.get('deps')), 200);
  });
  app.openapi(logRoute, async (c) => {
    // Sealed for this key and this list, as every list's cursor is: a store key handed out raw
    // could be edited to start anywhere in the partition.
    const page = await readListPage(c, c.req.valid('query'), (query) =>
      listBeneficiaryChecks(query, c.get('principal'), c.get('deps')),
    );
    return c.json(page, 200);
  });
}
