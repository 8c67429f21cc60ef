import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { redeemSchema, redemptionSchema, verifySchema } from '../../domain/redemption.js';
import { volunteerVoucherViewSchema } from '../../domain/voucher.js';
import { getVoucherKeys } from '../../usecases/get-voucher-keys.js';
import { redeemVoucher } from '../../usecases/redeem-voucher.js';
import { verifyVoucher } from '../../usecases/verify-voucher.js';
import type { AppEnv } from '../app-env.js';
import { idempotencyFor } from '../idempotency-context.js';
import {
  errorResponses,
  idempotentWriteRoute,
  inTransaction,
  jsonContent,
  publicRoute,
  securedRoute,
} from '../openapi-route.js';

const rejections =
  'Problem types: voucher-unreadable (422: not a token at all, scan again), voucher-forged, voucher-tampered, voucher-code-invalid (422), voucher-not-found (404), ' +
  'voucher-already-redeemed (409, with redeemedAt, pickupPointId, and deviceId when the handover named its device), voucher-void, voucher-expired, voucher-not-yet-valid (409), ' +
  'voucher-wrong-shelter (422), voucher-held-by-device (409: another device holds it offline; `holder` names it, and it is asked to hand the voucher back). An unknown pickupPointId is 404 not-found; a known one outside the key’s scope 403.';

const verifyRoute = securedRoute(['volunteer'], {
  method: 'post',
  path: '/v1/vouchers/verify',
  operationId: 'verifyVoucher',
  tags: ['Redemption'],
  summary: 'Check a scanned token or typed code: status and what to hand over (no side effects)',
  description: rejections,
  request: { body: { required: true, content: jsonContent(verifySchema) } },
  responses: {
    200: {
      description: 'The voucher as a volunteer sees it.',
      content: jsonContent(volunteerVoucherViewSchema),
    },
    404: errorResponses[404],
    409: errorResponses[409],
    422: errorResponses[422],
  },
});

const redeemRoute = idempotentWriteRoute(
  ['volunteer'],
  {
    method: 'post',
    path: '/v1/redemptions',
    operationId: 'redeemVoucher',
    tags: ['Redemption'],
    summary: 'Redeem a voucher at a pickup point, exactly once',
    description: `Send an Idempotency-Key so a retry on a bad network is safe. ${rejections}`,
    body: redeemSchema,
    success: { status: 200, description: 'Redeemed: hand over the lines.', schema: redemptionSchema },
  },
  inTransaction,
);

const jwkSchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  kid: z.string(),
  x: z.string(),
  use: z.literal('sig'),
  alg: z.literal('EdDSA'),
});

const keysRoute = publicRoute({
  method: 'get',
  path: '/v1/voucher-keys',
  operationId: 'getVoucherKeys',
  tags: ['Redemption'],
  summary: 'Public keys that verify voucher tokens offline (JWK set)',
  description:
    'Token layout: version byte, key-id length and key id, 16-byte voucher ULID, 4-byte expiry (Unix s), 64-byte Ed25519 signature; base64url.',
  responses: {
    200: {
      description: 'Every key a live voucher may be signed with.',
      content: jsonContent(
        z.object({ activeKeyId: z.string(), keys: z.array(jwkSchema) }).openapi('VoucherKeys'),
      ),
    },
  },
});

export function registerRedemptions(app: OpenAPIHono<AppEnv>) {
  app.openapi(verifyRoute, async (c) => {
    c.header('cache-control', 'no-store');
    return c.json(await verifyVoucher(c.req.valid('json'), c.get('principal'), c.get('deps')), 200);
  });

  app.openapi(redeemRoute, async (c) => {
    const redemption = await redeemVoucher(
      { ...c.req.valid('json'), idempotency: idempotencyFor(c, 200) },
      c.get('principal'),
      c.get('deps'),
    );
    c.get('metrics').count('RedemptionsOnline');
    return c.json(redemption, 200);
  });

  app.openapi(keysRoute, async (c) => {
    const keys = await getVoucherKeys({}, undefined, c.get('deps'));
    c.header('cache-control', 'public, max-age=300');
    return c.json(keys, 200);
  });
}
