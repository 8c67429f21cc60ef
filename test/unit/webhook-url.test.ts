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
