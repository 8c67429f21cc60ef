import { ListSubscriptionsByTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyBalance, type StockBalance, stockView } from '../../shared/domain/stock.js';
import { snsAlertRecipients } from '../../shared/events/alert-recipients.js';
import { type CoverContext, eventsFromChange } from '../../shared/events/events-from-change.js';

const rice = {
  id: 'rice',
  name: 'Rice',
  category: 'food' as const,
  unit: 'kg' as const,
  dailyNeedPerPerson: 0.5,
};
const item = { ...rice, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'k' };
const balance = (available: number, coverWarningDays?: number): StockBalance => ({
  ...emptyBalance('shelter-a', 'rice', 'food'),
  onHand: available,
  available,
  version: 2,
  ...(coverWarningDays === undefined ? {} : { coverWarningDays }),
  updatedAt: '2026-12-02T10:00:00.000Z',
});
// 100 people at 0.5 kg a day: 50 kg a day. The shelter warns under 3 days.
const shelter: CoverContext = { population: 100, dailyNeedPerPerson: 0.5, coverWarningDays: 3 };
const coverLow = (old: StockBalance, now: StockBalance) =>
  eventsFromChange(
    { changeId: 'c', operation: 'modify', record: 'stock-balance', old, new: now },
    shelter,
  ).filter((event) => event.type === 'stock.cover-low');

describe('an item’s own cover warning level at a shelter', () => {
  it('comes before the shelter’s, on the stock view and in the event', () => {
    expect(stockView(balance(250, 6), 100, item, 3)).toMatchObject({
      daysOfCover: 5,
      coverWarningDays: 6,
      coverWarningDaysFrom: 'item',
      coverLow: true,
    });
    expect(stockView(balance(250), 100, item, 3)).toMatchObject({
      coverWarningDaysFrom: 'shelter',
      coverLow: false,
    });
    expect(stockView(balance(250), 100, item)).toMatchObject({
      coverWarningDays: 3,
      coverWarningDaysFrom: 'default',
    });
    // 350 kg is 7 days, 250 kg is 5: through the item's 6, not the shelter's 3.
    expect(coverLow(balance(350, 6), balance(250, 6))).toMatchObject([
      { data: { daysOfCover: 5, coverWarningDays: 6 } },
    ]);
  });

  it('raises stock.cover-low when set above the cover there is, once', () => {
    expect(coverLow(balance(250), balance(250, 6))).toHaveLength(1);
    expect(coverLow(balance(250, 6), balance(250, 7))).toEqual([]);
    expect(coverLow(balance(250, 6), balance(250))).toEqual([]);
  });
});

describe('who the digests reach on AWS', () => {
  const sns = mockClient(SNSClient);
  afterEach(() => sns.reset());

  it('lists every subscription of the topic, page by page, saying which are not confirmed yet', async () => {
    sns
      .on(ListSubscriptionsByTopicCommand, { NextToken: undefined })
      .resolves({
        Subscriptions: [
          {
            Protocol: 'email',
            Endpoint: 'a@example.org',
            SubscriptionArn: 'arn:aws:sns:ap-southeast-1:1:t:1',
          },
        ],
        NextToken: 'page-2',
      })
      .on(ListSubscriptionsByTopicCommand, { NextToken: 'page-2' })
      .resolves({
        Subscriptions: [
          { Protocol: 'email', Endpoint: 'b@example.org', SubscriptionArn: 'PendingConfirmation' },
        ],
      });

    const read = snsAlertRecipients('arn:aws:sns:ap-southeast-1:1:stock-alerts');
    expect(await read()).toEqual({
      channel: 'email',
      recipients: [
        { protocol: 'email', endpoint: 'a@example.org', confirmed: true },
        { protocol: 'email', endpoint: 'b@example.org', confirmed: false },
      ],
    });
    expect(sns.commandCalls(ListSubscriptionsByTopicCommand)[0]?.args[0].input.TopicArn).toBe(
      'arn:aws:sns:ap-southeast-1:1:stock-alerts',
    );
  });
});
