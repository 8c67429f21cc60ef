// The fair HTTP baseline of (a) and (b): a bare node:http handler on the same loopback that
// takes the request the API takes (POST /v1/redemptions, the same headers and JSON body), makes
// exactly the raw SDK calls of bench/lib/raw-redemption.ts and answers the API's JSON. What it
// pays, any HTTP API on this machine pays; what the API pays beyond it is the API's own.
// Nothing is checked: no key, no signature, no validation, no idempotency record.
// Environment: TABLE_NAME, DYNAMODB_ENDPOINT, PORT. Prints "listening" when ready.
import { createServer } from 'node:http';
import { formatShortCode } from '../../shared/domain/short-code.js';
import { createDocumentClient } from '../../shared/store/dynamo-client.js';
import { rawRedemption } from '../lib/raw-redemption.js';
import { answerBenchControl } from '../lib/server-process.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The voucher id inside a token, read from its layout (shared/domain/voucher-token.ts), unverified. */
function voucherIdOf(token: string): string {
  const bytes = Buffer.from(token, 'base64url');
  const start = 2 + (bytes[1] ?? 0);
  let value = BigInt(`0x${bytes.subarray(start, start + 16).toString('hex')}`);
  let id = '';
  for (let i = 0; i < 26; i++) {
    id = (CROCKFORD[Number(value % 32n)] ?? '0') + id;
    value /= 32n;
  }
  return id;
}

const table = {
  doc: createDocumentClient({ endpoint: process.env.DYNAMODB_ENDPOINT }),
  tableName: process.env.TABLE_NAME ?? '',
};

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', async () => {
    try {
      if (request.method !== 'POST' || request.url !== '/v1/redemptions') {
        response.writeHead(404).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        token: string;
        pickupPointId: string;
      };
      const { voucher, redeemedAt, movementId } = await rawRedemption(table, voucherIdOf(body.token));
      const answer = JSON.stringify({
        voucherId: voucher.id,
        code: formatShortCode(voucher.code),
        status: 'redeemed',
        shelterId: voucher.shelterId,
        pickupPointId: body.pickupPointId,
        lines: voucher.lines,
        redeemedAt,
        movementId,
      });
      response.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    } catch (err) {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
    }
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  answerBenchControl();
  process.stdout.write('listening\n');
});
