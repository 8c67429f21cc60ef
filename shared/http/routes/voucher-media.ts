import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { renderSlips } from '../../../web/serve/voucher-slip.js';
import type { Principal } from '../../domain/api-key.js';
import { loadOwnVoucher, voucherView } from '../../usecases/voucher-context.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { errorResponses, securedRoute } from '../openapi-route.js';
import { RequestValidationError } from '../request-validation-error.js';
import { voucherParams } from './vouchers.js';

/** Level M survives a crease or a smudge and keeps a ~118-character token at QR version 7. */
const qrOptions = { errorCorrectionLevel: 'M' as const, margin: 2 };
const MAX_SLIPS = 48;

/**
 * The QR encoder (and the PNG writer it brings) loads on the first QR request, not at cold start:
 * most invocations are scans and stock reads that never draw a code.
 */
const qrcode = () => import('qrcode').then((module) => module.default);

async function ownVoucherView(id: string, viewer: Principal, deps: AppDeps) {
  const voucher = await loadOwnVoucher(id, viewer, deps);
  const now = deps.now();
  return voucherView(voucher, null, deps.secrets.keyRing, now);
}

const svgRoute = securedRoute(['coordinator'], {
  method: 'get',
  path: '/v1/vouchers/{id}/qr.svg',
  tags: ['Vouchers'],
  summary: 'The voucher’s QR code as SVG (the signed token, nothing personal)',
  request: { params: voucherParams },
  responses: {
    200: { description: 'SVG.', content: { 'image/svg+xml': { schema: z.string() } } },
    404: errorResponses[404],
  },
});

const pngRoute = securedRoute(['coordinator'], {
  method: 'get',
  path: '/v1/vouchers/{id}/qr.png',
  tags: ['Vouchers'],
  summary: 'The voucher’s QR code as PNG',
  request: {
    params: voucherParams,
    query: z.object({ size: z.coerce.number().int().min(120).max(1200).default(360) }),
  },
  responses: {
    200: { description: 'PNG.', content: { 'image/png': { schema: z.string() } } },
    404: errorResponses[404],
  },
});

const slipRoute = securedRoute(['coordinator'], {
  method: 'get',
  path: '/v1/vouchers/{id}/slip',
  tags: ['Vouchers'],
  summary: 'A printable slip for one voucher (HTML, A4)',
  request: { params: voucherParams },
  responses: {
    200: { description: 'HTML.', content: { 'text/html': { schema: z.string() } } },
    404: errorResponses[404],
  },
});

const slipsRoute = securedRoute(['coordinator'], {
  method: 'get',
  path: '/v1/voucher-slips',
  tags: ['Vouchers'],
  summary: `Printable slips for up to ${MAX_SLIPS} vouchers, eight per A4 page, English and Khmer`,
  request: {
    query: z.object({
      ids: z
        .string()
        .min(1)
        .max(MAX_SLIPS * 30)
        .openapi({ description: 'Comma-separated voucher ids.' }),
    }),
  },
  responses: {
    200: { description: 'HTML.', content: { 'text/html': { schema: z.string() } } },
    404: errorResponses[404],
  },
});

async function slipsPage(ids: string[], viewer: Principal, deps: AppDeps) {
  const views = await Promise.all(ids.map((id) => ownVoucherView(id, viewer, deps)));
  const shelters = await deps.stores.shelters.getMany(views.map((v) => v.shelterId));
  const catalogue = await deps.stores.items.getMany(views.flatMap((v) => v.lines.map((l) => l.itemId)));
  const slips = await Promise.all(
    views.map(async (voucher) => ({
      voucher,
      qrSvg: await (await qrcode()).toString(voucher.token, { ...qrOptions, type: 'svg' }),
      shelter: shelters.get(voucher.shelterId),
      catalogue,
    })),
  );
  return renderSlips(slips);
}

export function registerVoucherMedia(app: OpenAPIHono<AppEnv>) {
  app.openapi(svgRoute, async (c) => {
    const view = await ownVoucherView(c.req.valid('param').id, c.get('principal'), c.get('deps'));
    const svg = await (await qrcode()).toString(view.token, { ...qrOptions, type: 'svg' });
    return c.body(svg, 200, {
      'content-type': 'image/svg+xml',
      'cache-control': 'private, no-store',
    }) as never;
  });

  app.openapi(pngRoute, async (c) => {
    const view = await ownVoucherView(c.req.valid('param').id, c.get('principal'), c.get('deps'));
    const png = await (await qrcode()).toBuffer(view.token, {
      ...qrOptions,
      type: 'png',
      width: c.req.valid('query').size,
    });
    return c.body(new Uint8Array(png), 200, {
      'content-type': 'image/png',
      'cache-control': 'private, no-store',
    }) as never;
  });

  app.openapi(slipRoute, async (c) => {
    const page = await slipsPage([c.req.valid('param').id], c.get('principal'), c.get('deps'));
    return c.html(page, 200) as never;
  });

  app.openapi(slipsRoute, async (c) => {
    const ids = [
      ...new Set(
        c.req
          .valid('query')
          .ids.split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ];
    if (ids.length > MAX_SLIPS) {
      throw new RequestValidationError('Too many vouchers for one print run.', [
        { field: 'query.ids', message: `at most ${MAX_SLIPS} ids` },
      ]);
    }
    return c.html(await slipsPage(ids, c.get('principal'), c.get('deps')), 200) as never;
  });
}
