import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  formatClock,
  formatDate,
  formatDayMonth,
  formatNumber,
  formatQuantity,
  formatTime,
  t,
} from '../../web/common/i18n.js';

/** The pages keep the chosen language in localStorage; Node has none, so the test holds it. */
const stored = new Map<string, string>();
const choose = (language: 'en' | 'km') => stored.set('supplyline.lang', language);

beforeEach(() => {
  Object.assign(globalThis, {
    localStorage: {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => stored.set(key, value),
    },
  });
});
afterEach(() => {
  stored.clear();
  Reflect.deleteProperty(globalThis, 'localStorage');
});

// 18:46 in Phnom Penh (UTC+7) on 7 December 2026.
const evening = '2026-12-07T11:46:00Z';

describe('dates and numbers in the chosen language', () => {
  it.each([
    // what, English, Khmer
    ['a day and time', () => formatTime(evening), '7 Dec 2026, 18:46', '៧ ធ្នូ ២០២៦ ១៨:៤៦'],
    ['a time of day', () => formatClock(evening), '18:46', '១៨:៤៦'],
    ['a day', () => formatDate(evening), '7 Dec 2026', '៧ ធ្នូ ២០២៦'],
    ['a chart axis day', () => formatDayMonth(evening), '7 Dec', '៧ ធ្នូ'],
    ['a number with thousands and a decimal', () => formatNumber(-1234.56), '-1,234.6', '-១.២៣៤,៦'],
    ['a quantity', () => formatQuantity(2400, 'kg'), '2,400 kg', '២.៤០០ គីឡូ'],
    [
      'a count inside a message',
      () => t('status.waiting', { count: 12 }),
      '12 waiting to sync',
      '១២ កំពុងរង់ចាំសមកាលកម្ម',
    ],
  ])('writes %s in English and in Khmer', (_what, format, english, khmer) => {
    choose('en');
    expect(format()).toBe(english);
    choose('km');
    expect(format()).toBe(khmer);
  });

  it('names every month in Khmer, in the shelter’s time zone across midnight', () => {
    choose('km');
    const months = Array.from({ length: 12 }, (_, month) => formatDayMonth(Date.UTC(2026, month, 14, 18, 0)));
    // 18:00 UTC is 01:00 the next day in Phnom Penh.
    expect(months).toEqual([
      '១៥ មករា',
      '១៥ កុម្ភៈ',
      '១៥ មីនា',
      '១៥ មេសា',
      '១៥ ឧសភា',
      '១៥ មិថុនា',
      '១៥ កក្កដា',
      '១៥ សីហា',
      '១៥ កញ្ញា',
      '១៥ តុលា',
      '១៥ វិច្ឆិកា',
      '១៥ ធ្នូ',
    ]);
  });
});

describe('the language before one is chosen on the device', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('follows the phone’s own: Khmer on a phone set to Khmer, until English is chosen', () => {
    vi.stubGlobal('navigator', { language: 'km-KH' });
    expect(t('signin.title')).toBe('ចូលប្រើ');
    choose('en');
    expect(t('signin.title')).toBe('Sign in');
  });

  it('is English on a phone set to any other language, or with no language at all', () => {
    vi.stubGlobal('navigator', { language: 'fr-FR' });
    expect(t('signin.title')).toBe('Sign in');
    vi.stubGlobal('navigator', undefined);
    expect(t('signin.title')).toBe('Sign in');
  });
});
