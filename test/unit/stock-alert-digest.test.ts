import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { digestDue, digestText, type StockAlert } from '../../shared/domain/stock-alert.js';
import { snsAlertPublisher } from '../../shared/events/alert-publisher.js';

const alert = (overrides: Partial<StockAlert>): StockAlert => ({
  eventId: 'evt_1',
  type: 'stock.low',
  itemId: 'rice',
  available: 40,
  daysOfCover: 0.8,
  occurredAt: '2026-12-03T08:00:00.000Z',
  ...overrides,
});

describe('the stock alert digest', () => {
  const items = new Map([
    ['rice', { name: 'Rice', unit: 'kg' }],
    ['water', { name: 'Water', unit: 'L' }],
  ]);

  it('names the shelter, each item, the quantity available and the days of cover', () => {
    const { subject, message } = digestText(
      'Phnom Penh Central',
      [
        alert({}),
        alert({ eventId: 'evt_2', type: 'stock.out', itemId: 'water', available: 0, daysOfCover: 0 }),
        alert({ eventId: 'evt_3', itemId: 'soap', daysOfCover: null }),
      ],
      items,
    );
    expect(subject).toBe('Supplyline stock alert: Phnom Penh Central');
    expect(message).toContain('- Rice: below its low-stock threshold; 40 kg available, 0.8 days of cover');
    expect(message).toContain('- Water: out of stock; 0 L available, 0 days of cover');
    expect(message).toContain('- soap: below its low-stock threshold; 40 available, days of cover unknown');
  });

  it('says where an item stands once, however many alerts of a kind it had', () => {
    const { message } = digestText(
      'A',
      [alert({ available: 40 }), alert({ eventId: 'evt_2', available: 20, daysOfCover: 0.4 })],
      items,
    );
    expect(message.match(/Rice/g)).toHaveLength(1);
    expect(message).toContain('20 kg available');
  });

  it('is due at most once an hour, and only with alerts waiting', () => {
    const now = new Date('2026-12-03T10:00:00.000Z');
    const waiting = { shelterId: 'a', pending: [alert({})], eventIds: ['evt_1'] };
    expect(digestDue(waiting, now)).toBe(true);
    expect(digestDue({ ...waiting, lastSentAt: '2026-12-03T09:30:00.000Z' }, now)).toBe(false);
    expect(digestDue({ ...waiting, lastSentAt: '2026-12-03T09:00:00.000Z' }, now)).toBe(true);
    expect(digestDue({ ...waiting, pending: [] }, now)).toBe(false);
  });

  it('is published to the SNS topic it was given', async () => {
    // SNS has no local emulator: the client is stubbed to see what the publisher sends it.
    const sns = mockClient(SNSClient);
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    const topicArn = 'arn:aws:sns:ap-southeast-1:123456789012:stock-alerts';
    await snsAlertPublisher(topicArn)({ subject: 'Supplyline stock alert: A', message: 'text' });
    expect(sns.commandCalls(PublishCommand).map((call) => call.args[0].input)).toEqual([
      { TopicArn: topicArn, Subject: 'Supplyline stock alert: A', Message: 'text' },
    ]);
    sns.restore();
  });
});
