import { describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../shared/domain/public-address.js';
import { newWebhookSecret } from '../../shared/domain/webhook-signature.js';
import { checkWebhookUrl, type ResolveHost } from '../../shared/domain/webhook-url.js';
import { createWebhookSender } from '../../shared/events/webhook-sender.js';

describe('isPublicAddress', () => {
  it.each([
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.10',
    '127.0.0.1',
    '127.8.8.8',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    'fc00::1',
    'ff02::1',
    '::ffff:10.0.0.1',
    '::ffff:127.0.0.1',
    '64:ff9b::a00:1',
    '2002:a00:1::',
    'not-an-address',
    '',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.4.4'])(
    'accepts %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  describe('IPv6 addresses that carry an IPv4 address', () => {
    // 169.254.169.254 (the metadata service) is a9fe:a9fe; 127.0.0.1 is 7f00:1; 10.0.0.1 is a00:1.
    it.each([
      ['IPv4-compatible (::/96), the metadata service', '::a9fe:a9fe'],
      ['IPv4-compatible, loopback', '::7f00:1'],
      ['IPv4-compatible, dotted', '::10.0.0.1'],
      ['IPv4-compatible, a public address too (deprecated form)', '::808:808'],
      ['IPv4-mapped (::ffff:0:0/96), hex', '::ffff:a9fe:a9fe'],
      ['IPv4-mapped, loopback, hex', '::ffff:7f00:1'],
      ['IPv4-mapped, written out', '0:0:0:0:0:ffff:169.254.169.254'],
      ['SIIT (::ffff:0:0:0/96), the metadata service', '::ffff:0:a9fe:a9fe'],
      ['SIIT, loopback, dotted', '::ffff:0:127.0.0.1'],
      ['SIIT, a public address too', '::ffff:0:808:808'],
      ['NAT64 (64:ff9b::/96), the metadata service', '64:ff9b::a9fe:a9fe'],
      ['NAT64, loopback, dotted', '64:ff9b::127.0.0.1'],
      ['local-use NAT64 (64:ff9b:1::/48)', '64:ff9b:1:a9fe:a9:fe00::'],
      ['local-use NAT64, a public address too', '64:ff9b:1::808:808'],
      ['6to4 (2002::/16), the metadata service in bits 16-48', '2002:a9fe:a9fe::1'],
      ['6to4, loopback', '2002:7f00:1::'],
      ['6to4, a public address too', '2002:808:808::1'],
      ['Teredo (2001::/32), a private client (obfuscated 10.0.0.1)', '2001:0:4136:e378:8000:63bf:f5ff:fffe'],
      ['Teredo, any client', '2001:0:4136:e378:8000:63bf:3fff:fdd2'],
      ['site-local (fec0::/10, deprecated)', 'fec0::1'],
      ['upper case', '::FFFF:A9FE:A9FE'],
    ])('refuses %s: %s', (_form, address) => {
      expect(isPublicAddress(address)).toBe(false);
    });

    it.each([
      ['IPv4-mapped, a public address', '::ffff:808:808'],
      ['NAT64, a public address (what DNS64 answers for an IPv4-only receiver)', '64:ff9b::808:808'],
      ['NAT64, a public address, dotted', '64:ff9b::1.1.1.1'],
    ])('accepts %s: %s', (_form, address) => {
      expect(isPublicAddress(address)).toBe(true);
    });
  });
});

const resolvesTo =
  (table: Record<string, string[]>): ResolveHost =>
  async (host) => {
    const addresses = table[host];
    if (addresses === undefined) throw new Error(`ENOTFOUND ${host}`);
    return addresses;
  };

describe('checkWebhookUrl', () => {
  const dns = resolvesTo({
    'hooks.partner.org': ['203.0.114.7'],
    'internal.partner.org': ['10.0.0.7'],
    'split.partner.org': ['198.41.0.4', '192.168.0.9'],
    'metadata.example': ['169.254.169.254'],
    'nat64.partner.org': ['64:ff9b::a9fe:a9fe'],
  });
  const messageFor = async (url: string, policy: 'public-https' | 'local-development' = 'public-https') =>
    (await checkWebhookUrl(url, policy, dns))[0]?.message;

  it('accepts https to a host that resolves only to public addresses', async () => {
    expect(await checkWebhookUrl('https://hooks.partner.org/supplyline', 'public-https', dns)).toEqual([]);
  });

  it.each([
    ['plain http', 'http://hooks.partner.org/x', 'must use https'],
    [
      'a host resolving to a private address',
      'https://internal.partner.org/x',
      'must reach a public address',
    ],
    [
      'a host with one private answer among public ones',
      'https://split.partner.org/x',
      'must reach a public address',
    ],
    ['the metadata service by name', 'https://metadata.example/latest', 'must reach a public address'],
    ['the metadata service by address', 'https://169.254.169.254/latest', 'must reach a public address'],
    ['an IPv6 loopback literal', 'https://[::1]:8443/x', 'must reach a public address'],
    ['an IPv4-compatible metadata literal', 'https://[::a9fe:a9fe]/', 'must reach a public address'],
    ['a SIIT metadata literal', 'https://[::ffff:0:a9fe:a9fe]/', 'must reach a public address'],
    ['an IPv4-compatible loopback literal', 'https://[::7f00:1]/', 'must reach a public address'],
    ['an IPv4-mapped loopback literal', 'https://[::ffff:127.0.0.1]/', 'must reach a public address'],
    ['a 6to4 literal of a private address', 'https://[2002:a00:1::1]/', 'must reach a public address'],
    [
      'a host resolving to a NAT64 form of the metadata service',
      'https://nat64.partner.org/x',
      'must reach a public address',
    ],
    ['localhost outside local development', 'https://localhost/x', 'does not resolve'],
    ['a host that does not resolve', 'https://nowhere.partner.org/x', 'does not resolve'],
    ['credentials in the URL', 'https://user:pw@hooks.partner.org/x', 'must not carry a user name'],
    ['something that is not a URL', 'hooks.partner.org', 'not a URL'],
  ])('refuses %s', async (_name, url, message) => {
    expect(await messageFor(url)).toContain(message);
  });

  it('allows plain http to this machine in local development only', async () => {
    expect(await checkWebhookUrl('http://localhost:4000/hook', 'local-development', dns)).toEqual([]);
    expect(await checkWebhookUrl('http://127.0.0.1:4000/hook', 'local-development', dns)).toEqual([]);
    expect(await messageFor('http://127.0.0.1:4000/hook')).toContain('must use https');
  });

  it('names the url field', async () => {
    expect(await checkWebhookUrl('http://hooks.partner.org', 'public-https', dns)).toEqual([
      { field: 'url', message: 'must use https' },
    ]);
  });
});

describe('the webhook sender, at connection time', () => {
  it('refuses an address written in the URL, which no DNS lookup sees, unless it is public', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => res.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as import('node:net').AddressInfo;
    const send = (host: string) =>
      createWebhookSender('public-https')(
        {
          url: `http://${host}:${port}/hook`,
          secrets: [newWebhookSecret()],
          eventId: 'evt_1',
          payload: '{}',
        },
        new Date(),
      );
    try {
      // Both reach the receiver on 127.0.0.1 if connected to.
      for (const host of ['127.0.0.1', '[::ffff:127.0.0.1]', '[::ffff:0:7f00:1]', '[::7f00:1]']) {
        const refused = await send(host);
        expect(refused.delivered, host).toBe(false);
        expect(refused.error, host).toMatch(/private, loopback or link-local/);
      }
    } finally {
      server.close();
    }
  });

  it('refuses to connect to a private address under the public policy, whatever the URL passed before', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => res.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as import('node:net').AddressInfo;
    try {
      const message = {
        url: `http://localhost:${port}/hook`,
        secrets: [newWebhookSecret()] as const,
        eventId: 'evt_1',
        payload: '{}',
      };
      const refused = await createWebhookSender('public-https')(message, new Date());
      expect(refused.delivered).toBe(false);
      expect(refused.error).toMatch(/private, loopback or link-local/);
      const local = await createWebhookSender('local-development')(message, new Date());
      expect(local).toMatchObject({ delivered: true, attempt: { responseStatus: 200 } });
    } finally {
      server.close();
    }
  });
});
