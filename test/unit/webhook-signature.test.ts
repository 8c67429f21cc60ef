import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signWebhook } from '../../shared/domain/webhook-signature.js';

const payload = JSON.stringify({
  type: 'voucher.redeemed',
  data: { voucherId: '01JZ0000000000000000000000' },
});

describe('webhook signatures', () => {
  it('verify with the Standard Webhooks reference package, as a partner would', () => {
    const secret = newWebhookSecret();
    const headers = signWebhook([secret], 'evt_01', new Date(), payload);

    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(payload, { ...headers })).toEqual(JSON.parse(payload));
  });

  it('fail verification when the payload, the id or the timestamp was changed on the way', () => {
    const secret = newWebhookSecret();
    const headers = signWebhook([secret], 'evt_01', new Date(), payload);
    const receiver = new Webhook(secret);

    expect(() => receiver.verify(payload.replace('redeemed', 'voided'), { ...headers })).toThrow();
    expect(() => receiver.verify(payload, { ...headers, 'webhook-id': 'evt_02' })).toThrow();
    const earlier = String(Number(headers['webhook-timestamp']) - 1);
    expect(() => receiver.verify(payload, { ...headers, 'webhook-timestamp': earlier })).toThrow();
  });

  it('fail verification with another subscription’s secret', () => {
    const headers = signWebhook([newWebhookSecret()], 'evt_01', new Date(), payload);
    expect(() => new Webhook(newWebhookSecret()).verify(payload, { ...headers })).toThrow();
  });

  it('carry one signature per secret while a secret is rotated, each verifying on its own', () => {
    const [next, previous] = [newWebhookSecret(), newWebhookSecret()];
    const headers = signWebhook([next, previous], 'evt_01', new Date(), payload);

    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(next).verify(payload, { ...headers })).not.toThrow();
    expect(() => new Webhook(previous).verify(payload, { ...headers })).not.toThrow();
  });

  it('make secrets of 32 random bytes, each new', () => {
    const secret = newWebhookSecret();
    expect(Buffer.from(secret.replace('whsec_', ''), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });
});
