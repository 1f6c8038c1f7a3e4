import type { LookupAddress } from 'node:dns';

import { parseCidrList } from '../common/http/cidr.js';
import { assertWebhookTarget, blockedRange, pinnedLookup, postWebhook, WebhookTargetError } from './webhook-target.js';

const lookupOnce = (lookup: ReturnType<typeof pinnedLookup>, host: string, all = false) =>
  new Promise<{ error: Error | null; address?: unknown }>((done) =>
    lookup(host, { all }, (error: Error | null, address?: unknown) => done({ error, address })),
  );

describe('webhook targets (SSRF)', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.0.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['64:ff9b::a00:1', 'rfc6052'],
    // IPv4 embedded in IPv6: IPv4-compatible (::/96) is decoded and judged as IPv4; NAT64, 6to4,
    // Teredo and IPv4-translated ranges are refused whole.
    ['::7f00:1', 'loopback'],
    ['::127.0.0.1', 'loopback'],
    ['::a9fe:a9fe', 'linkLocal'],
    ['::10.0.0.1', 'private'],
    ['::c0a8:101', 'private'],
    ['::0.0.0.2', 'unspecified'],
    ['::ffff:0:7f00:1', 'rfc6145'],
    ['64:ff9b:1::a9fe:a9fe', 'rfc6052'],
    ['2002:7f00:1::', '6to4'],
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'teredo'],
  ])('%s is blocked (%s)', (address, range) => {
    expect(blockedRange(address, [])).toBe(range);
  });

  it('an IPv4-compatible address of a public host is judged as that host', () => {
    expect(blockedRange('::5db8:d822', [])).toBeUndefined(); // 93.184.216.34
    expect(blockedRange('::7f00:1', parseCidrList('127.0.0.1/32'))).toBeUndefined(); // the allow-list sees 127.0.0.1 too
  });

  it('a DNS answer with an IPv4-compatible loopback address is refused at connect', async () => {
    const lookup = pinnedLookup([], () => Promise.resolve([{ address: '::7f00:1', family: 6 }]));
    const { error } = await lookupOnce(lookup, 'compatible.example', true);
    expect(error).toBeInstanceOf(WebhookTargetError);
    expect(error?.message).toBe('blocked_address: compatible.example is ::7f00:1 (loopback)');
  });

  it('only ports 443 and 8443, except for allow-listed receivers', async () => {
    const resolve = () => Promise.resolve([{ address: '93.184.216.34', family: 4 }]);
    await expect(assertWebhookTarget(new URL('https://hooks.example:22/'), [], resolve)).rejects.toMatchObject({ code: 'blocked_port' });
    await expect(assertWebhookTarget(new URL('https://hooks.example:8443/'), [], resolve)).resolves.toBeUndefined();
    await expect(assertWebhookTarget(new URL('https://hooks.example/'), [], resolve)).resolves.toBeUndefined();
    await expect(
      assertWebhookTarget(new URL('https://unresolvable.example:2222/'), [], () => Promise.reject(new Error('ENOTFOUND'))),
    ).rejects.toMatchObject({ code: 'blocked_port' });
    await expect(assertWebhookTarget(new URL('http://127.0.0.1:39123/'), parseCidrList('127.0.0.1'))).resolves.toBeUndefined();
    await expect(
      postWebhook({ url: 'https://93.184.216.34:22/', headers: {}, body: '{}', timeoutMs: 1000, allowed: [] }),
    ).rejects.toMatchObject({ code: 'blocked_port' });
  });

  it('public unicast addresses pass; the allow-list opens exactly its CIDRs', () => {
    expect(blockedRange('93.184.216.34', [])).toBeUndefined();
    expect(blockedRange('2606:2800:220:1:248:1893:25c8:1946', [])).toBeUndefined();
    const allowed = parseCidrList('127.0.0.1/32, 10.1.0.0/16');
    expect(blockedRange('127.0.0.1', allowed)).toBeUndefined();
    expect(blockedRange('127.0.0.2', allowed)).toBe('loopback');
    expect(blockedRange('10.1.2.3', allowed)).toBeUndefined();
    expect(blockedRange('10.2.0.1', allowed)).toBe('private');
  });

  it('DNS rebinding: the socket lookup re-resolves and refuses a private answer, whatever was checked at save time', async () => {
    let answer: LookupAddress[] = [{ address: '93.184.216.34', family: 4 }];
    const resolve = () => Promise.resolve(answer);
    await assertWebhookTarget(new URL('https://rebind.example/hook'), [], resolve); // public when saved
    answer = [{ address: '169.254.169.254', family: 4 }]; // the name now points at the metadata service
    const lookup = pinnedLookup([], resolve);
    const { error } = await lookupOnce(lookup, 'rebind.example');
    expect(error).toBeInstanceOf(WebhookTargetError);
    expect((error as WebhookTargetError).code).toBe('blocked_address');
    // One private address among public ones is enough to refuse.
    answer = [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.5', family: 4 },
    ];
    expect((await lookupOnce(lookup, 'rebind.example', true)).error).toBeInstanceOf(WebhookTargetError);
    // A public answer is handed to the socket as checked.
    answer = [{ address: '93.184.216.34', family: 4 }];
    expect(await lookupOnce(lookup, 'rebind.example', true)).toEqual({ error: null, address: answer });
  });

  it('internal names are refused without resolving them', async () => {
    const resolve = () => Promise.resolve([{ address: '93.184.216.34', family: 4 }]);
    await expect(assertWebhookTarget(new URL('https://metadata.google.internal/'), [], resolve)).rejects.toMatchObject({
      code: 'blocked_host',
    });
    await expect(assertWebhookTarget(new URL('https://api.localhost/'), [], resolve)).rejects.toMatchObject({ code: 'blocked_host' });
  });

  it('plain http only to an allow-listed address', async () => {
    const resolve = () => Promise.resolve([{ address: '93.184.216.34', family: 4 }]);
    await expect(assertWebhookTarget(new URL('http://public.example/'), [], resolve)).rejects.toMatchObject({ code: 'insecure_scheme' });
    await expect(assertWebhookTarget(new URL('http://127.0.0.1:8080/'), parseCidrList('127.0.0.1'))).resolves.toBeUndefined();
  });
});
