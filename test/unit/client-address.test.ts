import { describe, expect, it } from 'vitest';
import { addressPseudonym, rateLimitSubject } from '../../shared/auth/address-pseudonym.js';
import { clientAddressOf } from '../../shared/http/client-address.js';

describe('the address a request came from', () => {
  it.each([
    [
      'API Gateway HTTP API and function URLs',
      { requestContext: { http: { sourceIp: '203.0.113.7' } } },
      '203.0.113.7',
    ],
    ['API Gateway REST APIs', { requestContext: { identity: { sourceIp: '198.51.100.4' } } }, '198.51.100.4'],
    ['@hono/node-server (npm start)', { incoming: { socket: { remoteAddress: '::1' } } }, '::1'],
    ['in-process tests: none', undefined, undefined],
    ['an empty source', { requestContext: { http: { sourceIp: '' } } }, undefined],
  ])('reads %s', (_runtime, env, address) => {
    expect(clientAddressOf(env)).toBe(address);
  });
});

describe('what one client is, for counting attempts', () => {
  it.each([
    ['an IPv4 address as it is', '203.0.113.7', '203.0.113.7'],
    ['an IPv4-mapped IPv6 address as its IPv4 address', '::ffff:203.0.113.7', '203.0.113.7'],
    ['an IPv6 address by its /64', '2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['a compressed IPv6 address by its /64', '2001:db8::1', '2001:db8:0:0::/64'],
    ['leading zeros and case alike', '2001:0DB8:0001:0002::9', '2001:db8:1:2::/64'],
    ['no address as one unknown client', undefined, 'unknown'],
    ['something not an address as unknown', 'not-an-ip', 'unknown'],
  ])('counts %s', (_what, address, subject) => {
    expect(rateLimitSubject(address)).toBe(subject);
  });

  it('keeps a keyed hash, the same for one /64, different under another secret', () => {
    const secret = 'a'.repeat(43);
    const one = addressPseudonym('2001:db8:1:2::1', secret);

    expect(addressPseudonym('2001:db8:1:2:ffff::9', secret)).toBe(one);
    expect(addressPseudonym('2001:db8:1:3::1', secret)).not.toBe(one);
    expect(addressPseudonym('2001:db8:1:2::1', 'b'.repeat(43))).not.toBe(one);
    expect(one).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
