import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../web/common/api.js';
import { deviceLabel, outcomeOf } from '../../web/common/invitation-landing.js';

const inviter = {
  displayName: 'Dara (Phnom Penh office)',
  organization: { id: 'pp-relief', name: 'PP Relief' },
};
const problem = (code: string, extra: Record<string, unknown> = {}) => ({
  type: `urn:supplyline:problem:${code}`,
  title: code,
  status: 400,
  detail: '…',
  ...extra,
});

describe('what the invitation landing makes of the exchange’s answer', () => {
  it('names the refusal of the code, when it happened, and whom to ask', () => {
    expect(
      outcomeOf(new ApiError(409, problem('invitation-used', { usedAt: 'T1', invitedBy: inviter }))),
    ).toEqual({
      kind: 'used',
      at: 'T1',
      invitedBy: inviter,
    });
    expect(
      outcomeOf(new ApiError(410, problem('invitation-expired', { expiredAt: 'T2', invitedBy: inviter }))),
    ).toEqual({ kind: 'expired', at: 'T2', invitedBy: inviter });
    expect(outcomeOf(new ApiError(410, problem('invitation-revoked', { invitedBy: inviter })))).toEqual({
      kind: 'revoked',
      invitedBy: inviter,
    });
  });

  it('reads a code that is not ours, or not a code at all, as a link that does not work', () => {
    expect(outcomeOf(new ApiError(404, problem('invitation-invalid')))).toEqual({ kind: 'invalid' });
    expect(outcomeOf(new ApiError(400, problem('validation')))).toEqual({ kind: 'invalid' });
  });

  it('keeps the code for another try on no network, a busy server, a proxy’s page or a person changed meanwhile', () => {
    expect(outcomeOf(new NetworkError('offline'))).toEqual({ kind: 'offline' });
    expect(outcomeOf(new ApiError(503, problem('unavailable')))).toEqual({ kind: 'busy' });
    expect(outcomeOf(new ApiError(502, undefined))).toEqual({ kind: 'busy' });
    expect(outcomeOf(new ApiError(409, problem('conflict')))).toEqual({ kind: 'busy' });
  });

  it('says when a rate-limited network may try again, from Retry-After', () => {
    const before = Date.now();
    const outcome = outcomeOf(new ApiError(429, problem('rate-limited'), 42));
    expect(outcome.kind).toBe('rate-limited');
    expect(outcome.until).toBeGreaterThanOrEqual(before + 42_000);
    expect(outcome.until).toBeLessThanOrEqual(Date.now() + 42_000);
  });
});

describe('the name of the key an invitation makes', () => {
  it.each([
    [
      'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
      'Chrome on Android',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Safari on iPhone or iPad',
    ],
    [
      'Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
      'Samsung Internet on Android',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      'Edge on Windows',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox on Linux'],
    ['curl/8.5.0', undefined],
  ])('%s is "%s"', (userAgent, label) => {
    expect(deviceLabel(userAgent)).toBe(label);
  });
});
