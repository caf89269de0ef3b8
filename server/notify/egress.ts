import 'server-only';
/**
 * Where notifications may go. A destination URL is typed by an administrator, so it is treated as an
 * SSRF vector (OWASP SSRF cheat sheet, case 2): http/https only, no credentials in the URL, and every
 * address its host resolves to must be public unless `notify.allowLoopback` / `allowPrivateNetworks`
 * say otherwise. The check runs inside the connection's own DNS lookup (undici `connect.lookup`), so
 * the socket goes to the very address that was checked: a name re-resolving to 169.254.169.254 between
 * a check and the connect (DNS rebinding) gains nothing. Redirects are never followed (Agent default).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { Agent } from 'undici';

export interface EgressPolicy {
  allowLoopback: boolean;
  allowPrivateNetworks: boolean;
}

export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unique-local'
  | 'unspecified'
  | 'ipv4-mapped'
  | 'multicast-or-reserved';

export class EgressRefusedError extends Error {
  readonly code = 'EGRESS_REFUSED';
  constructor(message: string) {
    super(message);
    this.name = 'EgressRefusedError';
  }
}

function blockList(ranges: [string, number, 'ipv4' | 'ipv6'][]): BlockList {
  const list = new BlockList();
  for (const [network, prefix, family] of ranges) list.addSubnet(network, prefix, family);
  return list;
}

// Order matters: the first list that holds an address names its class.
const CLASSES: [AddressClass, BlockList][] = [
  [
    'unspecified',
    blockList([
      ['0.0.0.0', 8, 'ipv4'], // "this network": 0.0.0.0 reaches the local host on Linux
      ['::', 128, 'ipv6'],
    ]),
  ],
  [
    'loopback',
    blockList([
      ['127.0.0.0', 8, 'ipv4'],
      ['::1', 128, 'ipv6'],
    ]),
  ],
  [
    'link-local',
    blockList([
      ['169.254.0.0', 16, 'ipv4'], // the cloud metadata service lives here
      ['fe80::', 10, 'ipv6'],
    ]),
  ],
  ['unique-local', blockList([['fc00::', 7, 'ipv6']])],
  [
    'private',
    blockList([
      ['10.0.0.0', 8, 'ipv4'],
      ['172.16.0.0', 12, 'ipv4'],
      ['192.168.0.0', 16, 'ipv4'],
      ['100.64.0.0', 10, 'ipv4'], // carrier-grade NAT: someone's private network
      ['198.18.0.0', 15, 'ipv4'], // benchmarking networks
    ]),
  ],
  [
    'multicast-or-reserved',
    blockList([
      ['224.0.0.0', 4, 'ipv4'],
      ['240.0.0.0', 4, 'ipv4'], // reserved, and 255.255.255.255
      ['ff00::', 8, 'ipv6'],
    ]),
  ],
];

/** ::ffff:a.b.c.d (or ::ffff:xxxx:xxxx): an IPv4 address in IPv6 clothing, a classic filter bypass. */
const IPV4_MAPPED = blockList([['::ffff:0:0', 96, 'ipv6']]);

export function classifyAddress(address: string): AddressClass {
  const family = isIP(address);
  if (family === 0) throw new Error(`not an IP address: ${address}`);
  if (family === 6 && IPV4_MAPPED.check(address, 'ipv6')) return 'ipv4-mapped';
  // BlockList matches an IPv4 rule against a mapped IPv6 address and vice versa; mapped ones are handled above.
  for (const [name, list] of CLASSES) if (list.check(address, family === 4 ? 'ipv4' : 'ipv6')) return name;
  return 'public';
}

const WHY: Record<Exclude<AddressClass, 'public'>, string> = {
  loopback: 'a loopback address (set notify.allowLoopback to allow it)',
  private: 'a private-network address (set notify.allowPrivateNetworks to allow it)',
  'link-local':
    'a link-local address, where cloud metadata services live (set notify.allowPrivateNetworks to allow it)',
  'unique-local': 'a unique-local IPv6 address (set notify.allowPrivateNetworks to allow it)',
  unspecified: 'an unspecified address (0.0.0.0/8 or ::), never a receiver',
  'ipv4-mapped': 'an IPv4-mapped IPv6 address (::ffff:…), never allowed: use the IPv4 address',
  'multicast-or-reserved': 'a multicast or reserved address, never a receiver',
};

/** Why this address may not be sent to, or null when it may. */
export function addressRefusal(address: string, policy: EgressPolicy): string | null {
  const kind = classifyAddress(address);
  if (kind === 'public') return null;
  if (kind === 'loopback' && policy.allowLoopback) return null;
  if ((kind === 'private' || kind === 'link-local' || kind === 'unique-local') && policy.allowPrivateNetworks)
    return null;
  return `${address} is ${WHY[kind]}`;
}

/** The URL's own problems (scheme, credentials, syntax), whatever it resolves to; null when none. */
export function urlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http:// or https:// URL';
  if (url.username || url.password) return 'must not hold user:password@ (a receiver authenticates by signature)';
  if (!url.hostname) return 'has no host';
  return null;
}

/** The host of a URL without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * What can be checked before any DNS: the URL itself, and a host that is an address literal (a
 * connection to a literal never calls `lookup`, so it is checked here or not at all).
 */
export function checkUrl(raw: string, policy: EgressPolicy): URL {
  const problem = urlProblem(raw);
  if (problem) throw new EgressRefusedError(`the URL ${problem}`);
  const url = new URL(raw);
  const host = hostOf(url);
  if (isIP(host)) {
    const refusal = addressRefusal(host, policy);
    if (refusal) throw new EgressRefusedError(refusal);
  }
  return url;
}

type Resolver = (
  hostname: string,
  options: { all: true; verbatim: true },
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolver: Resolver = (hostname, options, callback) => dnsLookup(hostname, options, callback);

/**
 * A `lookup` for net/tls.connect that resolves every A and AAAA record and refuses the connection if
 * any one is not allowed (a name with one public and one private record is refused: the OS could pick
 * either). The connection then uses only the addresses checked here.
 */
export function checkingLookup(policy: EgressPolicy, resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { all: true, verbatim: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      if (addresses.length === 0) return callback(new EgressRefusedError(`${hostname} has no addresses`), '', 4);
      for (const { address } of addresses) {
        const refusal = addressRefusal(address, policy);
        if (refusal) return callback(new EgressRefusedError(`${hostname} resolves to ${refusal}`), '', 4);
      }
      const family = typeof options === 'number' ? options : options.family;
      const wanted = family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
      if (wanted.length === 0)
        return callback(new EgressRefusedError(`${hostname} has no IPv${family} address`), '', 4);
      if (typeof options === 'object' && options.all) return callback(null, wanted);
      const first = wanted[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/**
 * The HTTP client every delivery goes through: DNS checked and pinned per connection, no redirects
 * (undici follows none unless told), a connect time-out within the attempt's.
 */
export function egressAgent(policy: EgressPolicy, connectTimeoutMs: number, resolve?: Resolver): Agent {
  return new Agent({
    connect: { lookup: checkingLookup(policy, resolve), timeout: connectTimeoutMs },
    keepAliveTimeout: 10_000,
    maxRedirections: 0,
  });
}
