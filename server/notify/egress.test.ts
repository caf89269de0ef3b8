/**
 * The egress guard: which addresses a notification may go to, the URL rules, and the connection's own
 * DNS lookup (every record checked, the connection pinned to what was checked). No packet is sent to
 * a private or link-local address: those are resolved by a fake resolver and refused before connecting.
 */
import type { LookupAddress } from 'node:dns';
import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { startReceiver, type Receiver } from '@/testing/webhook-receiver';
import {
  addressRefusal,
  checkUrl,
  classifyAddress,
  egressAgent,
  EgressRefusedError,
  urlProblem,
  type EgressPolicy,
} from './egress';

const STRICT: EgressPolicy = { allowLoopback: false, allowPrivateNetworks: false };
const PRIVATE_OK: EgressPolicy = { allowLoopback: false, allowPrivateNetworks: true };
const LOOPBACK_OK: EgressPolicy = { allowLoopback: true, allowPrivateNetworks: false };

describe('addresses', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fd00::1', 'unique-local'],
    ['fc12::1', 'unique-local'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'ipv4-mapped'],
    ['::ffff:8.8.8.8', 'ipv4-mapped'],
    ['0:0:0:0:0:ffff:a00:1', 'ipv4-mapped'],
    ['224.0.0.1', 'multicast-or-reserved'],
    ['255.255.255.255', 'multicast-or-reserved'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it('172.15 and 172.32 are public: only 172.16/12 is private', () => {
    expect(classifyAddress('172.15.255.255')).toBe('public');
    expect(classifyAddress('172.32.0.0')).toBe('public');
  });

  it('refuses private and link-local addresses unless allowPrivateNetworks, loopback unless allowLoopback', () => {
    for (const address of ['10.0.0.1', '192.168.0.10', '169.254.169.254', 'fe80::1', 'fd00::1']) {
      expect(addressRefusal(address, STRICT)).toMatch(/allowPrivateNetworks/);
      expect(addressRefusal(address, LOOPBACK_OK)).not.toBeNull();
      expect(addressRefusal(address, PRIVATE_OK)).toBeNull();
    }
    expect(addressRefusal('127.0.0.1', STRICT)).toMatch(/loopback.*allowLoopback/);
    expect(addressRefusal('127.0.0.1', PRIVATE_OK)).not.toBeNull();
    expect(addressRefusal('127.0.0.1', LOOPBACK_OK)).toBeNull();
    const everything = { allowLoopback: true, allowPrivateNetworks: true };
    for (const address of ['0.0.0.0', '::ffff:10.0.0.1', '::ffff:127.0.0.1', '224.0.0.1'])
      expect(addressRefusal(address, everything)).not.toBeNull();
    expect(addressRefusal('8.8.8.8', STRICT)).toBeNull();
  });
});

describe('URLs', () => {
  it('takes http and https only, without credentials', () => {
    expect(urlProblem('https://hooks.example.com/x')).toBeNull();
    expect(urlProblem('ftp://example.com/')).toMatch(/http/);
    expect(urlProblem('file:///etc/passwd')).toMatch(/http/);
    expect(urlProblem('https://user:pw@example.com/')).toMatch(/user:password@/);
    expect(urlProblem('not a url')).toMatch(/not a URL/);
  });

  it('refuses an address literal before any connection: private, link-local, mapped, bracketed IPv6', () => {
    expect(() => checkUrl('http://169.254.169.254/latest/meta-data', STRICT)).toThrow(/link-local/);
    expect(() => checkUrl('http://10.0.0.5:8080/hook', STRICT)).toThrow(EgressRefusedError);
    expect(checkUrl('http://10.0.0.5:8080/hook', PRIVATE_OK).host).toBe('10.0.0.5:8080');
    expect(() => checkUrl('http://[::ffff:127.0.0.1]/', LOOPBACK_OK)).toThrow(/IPv4-mapped/);
    expect(() => checkUrl('http://[fe80::1]/', STRICT)).toThrow(/link-local/);
    expect(checkUrl('https://hooks.example.com/x', STRICT).hostname).toBe('hooks.example.com');
  });
});

describe('the connection lookup', () => {
  let receiver: Receiver | null = null;
  afterEach(async () => {
    await receiver?.close();
    receiver = null;
  });

  /** A resolver that answers for `receiver.test` only, as the test says. */
  const fakeDns =
    (answers: LookupAddress[]) =>
    (
      hostname: string,
      _options: unknown,
      callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
    ) =>
      hostname === 'receiver.test'
        ? callback(null, answers)
        : callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);

  async function post(url: string, policy: EgressPolicy, answers: LookupAddress[]) {
    const agent = egressAgent(policy, 1000, fakeDns(answers));
    try {
      const response = await request(url, { method: 'POST', body: '{}', dispatcher: agent });
      await response.body.dump();
      return response.statusCode;
    } finally {
      await agent.destroy();
    }
  }

  it('connects to the address it checked', async () => {
    receiver = await startReceiver();
    const url = receiver.url.replace('127.0.0.1', 'receiver.test');
    expect(await post(url, LOOPBACK_OK, [{ address: '127.0.0.1', family: 4 }])).toBe(200);
    expect(receiver.requests).toHaveLength(1);
  });

  it('refuses a name with any forbidden record, even beside an allowed one, and sends nothing', async () => {
    receiver = await startReceiver();
    const url = receiver.url.replace('127.0.0.1', 'receiver.test');
    await expect(
      post(url, LOOPBACK_OK, [
        { address: '127.0.0.1', family: 4 },
        { address: '10.0.0.7', family: 4 },
      ]),
    ).rejects.toThrow(/receiver\.test resolves to 10\.0\.0\.7 is a private-network address/);
    await expect(post(url, LOOPBACK_OK, [{ address: '169.254.169.254', family: 4 }])).rejects.toThrow(/link-local/);
    await expect(post(url, STRICT, [{ address: '127.0.0.1', family: 4 }])).rejects.toThrow(/loopback/);
    expect(receiver.requests).toHaveLength(0);
  });
});
