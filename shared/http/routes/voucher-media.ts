import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { renderSlips } from '../../../web/serve/voucher-slip.js';
import { getVoucherQr } from '../../usecases/get-voucher-qr.js';
import { getVoucherSlips } from '../../usecases/get-voucher-slips.js';
import type { AppEnv } from '../app-env.js';
import { errorResponses, securedRoute } from '../openapi-route.js';
import { RequestValidationError } from '../request-validation-error.js';
import { voucherParams } from './vouchers.js';

const MAX_SLIPS = 48;

const svgRoute = securedRoute(['coordinator'], {
  method: 'get',
  path: '/v1/vouchers/{id}/qr.svg',
  operationId: 'getVoucherQrSvg',
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
  operationId: 'getVoucherQrPng',
  tags: ['Vouchers'],
  summary: 'The voucher’s QR code as PNG',
  request: {
    params: voucherParams,
    query: z
      .object({ size: z.coerce.number().int().min(120).max(1200).default(360).openapi({ format: 'int32' }) })
      .strict(),
  },
  responses: {
    200: { description: 'PNG.', content: { 'image/png': { schema: z.string() } } },
    404: errorResponses[404],
  },
});

const slipRoute = securedRoute(['coordinator'], {
  method: 'get',
  path: '/v1/vouchers/{id}/slip',
  operationId: 'getVoucherSlip',
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
  operationId: 'getVoucherSlips',
  tags: ['Vouchers'],
  summary: `Printable slips for up to ${MAX_SLIPS} vouchers, eight per A4 page, English and Khmer`,
  request: {
    query: z
      .object({
        ids: z
          .string()
          .min(1)
          .max(MAX_SLIPS * 30)
          .openapi({ description: 'Comma-separated voucher ids.' }),
      })
      .strict(),
  },
  responses: {
    200: { description: 'HTML.', content: { 'text/html': { schema: z.string() } } },
    404: errorResponses[404],
  },
});

/** `ids=a,b,c` as a client writes it: trimmed, blanks dropped, each id once, in order. */
function slipIds(ids: string): string[] {
  const unique = [
    ...new Set(
      ids
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
  if (unique.length > MAX_SLIPS) {
    throw new RequestValidationError('Too many vouchers for one print run.', [
      { field: 'query.ids', message: `at most ${MAX_SLIPS} ids` },
    ]);
  }
  return unique;
}

export function registerVoucherMedia(app: OpenAPIHono<AppEnv>) {
  app.openapi(svgRoute, async (c) => {
    const input = { voucherId: c.req.valid('param').id, format: 'svg' as const };
    const svg = await getVoucherQr(input, c.get('principal'), c.get('deps'));
    return c.body(svg, 200, {
      'content-type': 'image/svg+xml',
      'cache-control': 'private, no-store',
    }) as never;
  });

  app.openapi(pngRoute, async (c) => {
    const input = {
      voucherId: c.req.valid('param').id,
      format: 'png' as const,
      size: c.req.valid('query').size,
    };
    const png = await getVoucherQr(input, c.get('principal'), c.get('deps'));
    return c.body(png as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'image/png',
      'cache-control': 'private, no-store',
    }) as never;
  });

  app.openapi(slipRoute, async (c) => {
    const voucherIds = [c.req.valid('param').id];
    const slips = await getVoucherSlips({ voucherIds }, c.get('principal'), c.get('deps'));
    return c.html(await renderSlips(slips), 200) as never;
  });

  app.openapi(slipsRoute, async (c) => {
    const voucherIds = slipIds(c.req.valid('query').ids);
    const slips = await getVoucherSlips({ voucherIds }, c.get('principal'), c.get('deps'));
    return c.html(await renderSlips(slips), 200) as never;
  });
}
