import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  createdInvitationSchema,
  createInvitationSchema,
  invitationIdSchema,
  invitationViewSchema,
} from '../../domain/invitation.js';
import {
  createPersonSchema,
  personIdSchema,
  personViewSchema,
  updatePersonSchema,
} from '../../domain/person.js';
import { personDetailSchema, personKeySchema } from '../../domain/person-detail.js';
import { createInvitation } from '../../usecases/create-invitation.js';
import { createPerson } from '../../usecases/create-person.js';
import { getPerson } from '../../usecases/get-person.js';
import { listPeople, peopleQuerySchema } from '../../usecases/list-people.js';
import { revokeInvitation } from '../../usecases/revoke-invitation.js';
import { revokePerson } from '../../usecases/revoke-person.js';
import { revokePersonKey } from '../../usecases/revoke-person-key.js';
import { updatePerson } from '../../usecases/update-person.js';
import type { AppEnv } from '../app-env.js';
import { idempotencyFor } from '../idempotency-context.js';
import { readListPage } from '../list-page.js';
import { errorResponses, idempotentWriteRoute, jsonContent, securedRoute } from '../openapi-route.js';
import { pageSchema } from '../pagination-schemas.js';

/** People and their invitations (issue 22): admins manage everyone, coordinators their volunteers. */

const managers: ['admin', 'coordinator'] = ['admin', 'coordinator'];
const personParams = z.object({ id: personIdSchema });
const noBody = z.object({}).strict();
const whoManages =
  'An admin manages everyone; a coordinator the volunteers of its own organisation whose pickup points are all at its shelters (anyone else answers 404).';

const createRoute = idempotentWriteRoute(
  managers,
  {
    method: 'post',
    path: '/v1/people',
    operationId: 'createPerson',
    tags: ['People'],
    summary: 'Add a person (staff: a display name, a role and a scope; no other personal data)',
    description: `They hold no key yet: create an invitation for them. ${whoManages} A coordinator adds volunteers of its own organisation at pickup points of its own shelters (anything else is 403).`,
    body: createPersonSchema,
    success: { status: 201, description: 'Added, status `invited`.', schema: personViewSchema },
    notFound: false,
  },
  { recordedInTransaction: true, location: '/v1/people' },
);

const listRoute = securedRoute(managers, {
  method: 'get',
  path: '/v1/people',
  operationId: 'listPeople',
  tags: ['People'],
  summary: 'The people the caller manages',
  description: `By organisation, then in the order they were added. ${whoManages} A page may hold fewer than \`limit\` when filters leave some out: follow \`nextCursor\`.`,
  request: { query: peopleQuerySchema },
  responses: { 200: { description: 'One page.', content: jsonContent(pageSchema(personViewSchema)) } },
});

const getRoute = securedRoute(managers, {
  method: 'get',
  path: '/v1/people/{id}',
  operationId: 'getPerson',
  tags: ['People'],
  summary: 'A person, with their keys, devices and latest invitations (never a secret)',
  description: whoManages,
  request: { params: personParams },
  responses: {
    200: { description: 'The person.', content: jsonContent(personDetailSchema) },
    404: errorResponses[404],
  },
});

const updateRoute = securedRoute(managers, {
  method: 'patch',
  path: '/v1/people/{id}',
  operationId: 'updatePerson',
  tags: ['People'],
  summary: 'Rename a person, or change their role or scope (every key of theirs follows)',
  description: `A new role or scope reaches their keys at once on this instance, everywhere within API_KEY_CACHE_SECONDS. Nobody changes their own role or scope (409); a revoked person cannot change (409). ${whoManages} A coordinator keeps a volunteer a volunteer, at its own shelters (403).`,
  request: {
    params: personParams,
    body: { required: true, content: jsonContent(updatePersonSchema) },
  },
  responses: {
    200: { description: 'Changed.', content: jsonContent(personViewSchema) },
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

const revokeRoute = idempotentWriteRoute(
  managers,
  {
    method: 'post',
    path: '/v1/people/{id}/revoke',
    operationId: 'revokePerson',
    tags: ['People'],
    summary: 'Revoke a person and every key, device and invitation of theirs, for good',
    description: `Refused at once on this instance, everywhere within API_KEY_CACHE_SECONDS. Their devices' leases end at once; offline handovers a device of theirs recorded before the revocation still sync, later ones become conflicts. Safe to send again: a revocation cut off part-way is finished, keeping the first one's time. Nobody revokes themselves (409). ${whoManages}`,
    params: personParams,
    body: noBody,
    bodyRequired: false,
    success: { status: 200, description: 'Revoked.', schema: personViewSchema },
  },
  { storeResponse: true },
);

const revokeKeyRoute = idempotentWriteRoute(
  managers,
  {
    method: 'post',
    path: '/v1/people/{id}/keys/{keyId}/revoke',
    operationId: 'revokePersonKey',
    tags: ['People'],
    summary: 'Revoke one key of a person (a lost phone or laptop), and the scanning devices it registered',
    description: `The person keeps their other keys; invite them again for a new device. The devices the key registered are revoked as lost: their leases end at once, every late record of theirs becomes a conflict. Refused at once on this instance, everywhere within API_KEY_CACHE_SECONDS. Safe to send again. Nobody revokes the key they are using (409). ${whoManages}`,
    params: z.object({ id: personIdSchema, keyId: z.string().min(1).max(64) }),
    body: noBody,
    bodyRequired: false,
    success: { status: 200, description: 'Revoked.', schema: personKeySchema },
  },
  { storeResponse: true },
);

const inviteRoute = securedRoute(managers, {
  method: 'post',
  path: '/v1/people/{id}/invitations',
  operationId: 'createInvitation',
  tags: ['People'],
  summary: 'A one-time link for the person, and its QR code (shown once)',
  description: `The link opens the person's page (/scan for volunteers, /dashboard, /coordinator or /admin), which exchanges the code after \`#invite=\` for the person's own key (POST /v1/invitations/accept). The code is 256 random bits, stored only hashed, never logged, and cannot be read back; it works once, for \`expiresInMinutes\` (15 by default, for a code shown on a screen; up to 7 days for a link sent to staff). Takes no Idempotency-Key: the answer holds a secret, which is never stored; a retry makes a second invitation. A revoked person cannot be invited (409). ${whoManages}`,
  request: {
    params: personParams,
    body: { required: false, content: jsonContent(createInvitationSchema) },
  },
  responses: {
    201: {
      description: 'Created: show the QR code, or send the link.',
      content: jsonContent(createdInvitationSchema),
    },
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

const revokeInvitationRoute = idempotentWriteRoute(
  managers,
  {
    method: 'post',
    path: '/v1/people/{id}/invitations/{invitationId}/revoke',
    operationId: 'revokeInvitation',
    tags: ['People'],
    summary: 'Withdraw an invitation not used yet',
    description: `Opening it then answers \`invitation-revoked\`, naming whom to ask. A used one is 409: its key is the person's now. ${whoManages}`,
    params: z.object({ id: personIdSchema, invitationId: invitationIdSchema }),
    body: noBody,
    bodyRequired: false,
    success: { status: 200, description: 'Withdrawn.', schema: invitationViewSchema },
  },
  { storeResponse: true },
);

export function registerPeople(app: OpenAPIHono<AppEnv>) {
  app.openapi(createRoute, async (c) => {
    const input = { ...c.req.valid('json'), idempotency: idempotencyFor(c, 201) };
    return c.json(await createPerson(input, c.get('principal'), c.get('deps')), 201);
  });

  app.openapi(listRoute, async (c) => {
    const page = await readListPage(c, c.req.valid('query'), (query) =>
      listPeople(query, c.get('principal'), c.get('deps')),
    );
    return c.json(page, 200);
  });

  app.openapi(getRoute, async (c) => {
    const personId = c.req.valid('param').id;
    return c.json(await getPerson({ personId }, c.get('principal'), c.get('deps')), 200);
  });

  app.openapi(updateRoute, async (c) => {
    const input = { personId: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await updatePerson(input, c.get('principal'), c.get('deps')), 200);
  });

  app.openapi(revokeRoute, async (c) => {
    const personId = c.req.valid('param').id;
    return c.json(await revokePerson({ personId }, c.get('principal'), c.get('deps')), 200);
  });

  app.openapi(revokeKeyRoute, async (c) => {
    const { id, keyId } = c.req.valid('param');
    return c.json(await revokePersonKey({ personId: id, keyId }, c.get('principal'), c.get('deps')), 200);
  });

  app.openapi(inviteRoute, async (c) => {
    const deps = c.get('deps');
    // A body may be left out (none is validated then): the default expiry applies.
    const body = createInvitationSchema.parse(c.req.valid('json') ?? {});
    const input = {
      personId: c.req.valid('param').id,
      baseUrl: deps.publicBaseUrl ?? new URL(c.req.url).origin,
      ...body,
    };
    const created = await createInvitation(input, c.get('principal'), deps);
    c.header('cache-control', 'no-store');
    return c.json(created, 201);
  });

  app.openapi(revokeInvitationRoute, async (c) => {
    const { id, invitationId } = c.req.valid('param');
    return c.json(
      await revokeInvitation({ personId: id, invitationId }, c.get('principal'), c.get('deps')),
      200,
    );
  });
}
