import { BlockList, isIP } from 'node:net';

/**
 * Address ranges a webhook must never reach (OWASP API7, server-side request forgery): this
 * machine, the private networks behind it, the cloud metadata service (link-local), and
 * ranges that are not unicast on the public internet. Node's BlockList does the range
 * arithmetic, for IPv4 and IPv6 alike.
 */
const notPublic = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, where cloud metadata services answer
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv4');
}

/**
 * IPv6 ranges refused whole. Five of them carry an IPv4 address inside (so `[::a9fe:a9fe]` is
 * 169.254.169.254 by another name): they reach it through a tunnel or a translator, they are
 * deprecated or local, no receiver needs them, and Teredo's client address is even written
 * inverted. Refused whole, no spelling of the address inside can slip past.
 */
for (const [network, prefix] of [
  ['::', 96], // IPv4-compatible (deprecated): ::a9fe:a9fe; holds :: (unspecified) and ::1 (loopback)
  ['::ffff:0:0:0', 96], // SIIT, IPv4-translated (RFC 2765): ::ffff:0:a9fe:a9fe
  ['64:ff9b:1::', 48], // local-use NAT64 (RFC 8215): where the IPv4 address sits is the network's choice
  ['2002::', 16], // 6to4: an IPv4 address in bits 16-48
  ['2001::', 32], // Teredo: a server's IPv4 address, and a client's, inverted
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local (private)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv6');
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a dotted IPv4 tail converted). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (tail !== null) {
    const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const groupsOf = (part: string | undefined) =>
    part === undefined || part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16));
  const [head, rest] = text.split('::');
  const left = groupsOf(head);
  if (rest === undefined) return left;
  const right = groupsOf(rest);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * The IPv4 address an IPv6 address stands for, where that is the whole point of the form:
 * IPv4-mapped (`::ffff:a.b.c.d`, how a dual-stack socket shows an IPv4 peer) and the well-known
 * NAT64 prefix (`64:ff9b::a.b.c.d`, what DNS64 answers on an IPv6-only network for an IPv4-only
 * host). Such an address is exactly as public as the IPv4 address inside it.
 */
function embeddedIpv4(address: string): string | undefined {
  const groups = ipv6Groups(address);
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0] = groups;
  const mapped = a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0xffff;
  const nat64 = a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0;
  return mapped || nat64 ? [g >> 8, g & 0xff, h >> 8, h & 0xff].join('.') : undefined;
}

/** Whether an IP address is a public unicast address. Anything that is not an IP address is not. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !notPublic.check(address, 'ipv4');
  // A zone (`fe80::1%eth0`) names a link of this machine: never a public address.
  if (family !== 6 || address.includes('%')) return false;
  const inner = embeddedIpv4(address);
  if (inner !== undefined) return isPublicAddress(inner);
  return !notPublic.check(address, 'ipv6');
}
