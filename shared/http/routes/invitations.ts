import type { OpenAPIHono } from '@hono/zod-openapi';
import { acceptedInvitationSchema, acceptInvitationSchema } from '../../domain/invitation.js';
import { acceptInvitation } from '../../usecases/accept-invitation.js';
import type { AppEnv } from '../app-env.js';
import { attemptLimitResponse, errorResponses, jsonContent, publicRoute } from '../openapi-route.js';

const acceptRoute = publicRoute({
  method: 'post',
  path: '/v1/invitations/accept',
  operationId: 'acceptInvitation',
  tags: ['People'],
  summary: 'Exchange an invitation code, once, for the person’s own key (public)',
  description:
    'The page the link opens sends the code after `#invite=`. The answer holds the person’s key, shown this once: keep it on the device, never show it. Of any number of concurrent accepts of one code exactly one gets a key. Refusals say why and, when the code is ours, whom to ask (`invitedBy`: a display name and an organisation, nothing else): `invitation-invalid` (404: not a code of ours, or cut short), `invitation-used` (409), `invitation-expired` (410), `invitation-revoked` (410: withdrawn, or the person was revoked). Attempts are counted per source address (INVITATION_ACCEPTS_PER_MINUTE, 30 by default): past it, 429 `rate-limited` with Retry-After.',
  request: { body: { required: true, content: jsonContent(acceptInvitationSchema) } },
  responses: {
    200: {
      description: 'The person’s key, and where they land.',
      content: jsonContent(acceptedInvitationSchema),
    },
    404: errorResponses[404],
    409: errorResponses[409],
    410: errorResponses[410],
    429: attemptLimitResponse,
  },
});

export function registerInvitations(app: OpenAPIHono<AppEnv>) {
  app.openapi(acceptRoute, async (c) => {
    const accepted = await acceptInvitation(
      { ...c.req.valid('json'), clientAddress: c.get('clientAddress') },
      undefined,
      c.get('deps'),
    );
    c.header('cache-control', 'no-store');
    return c.json(accepted, 200);
  });
}
