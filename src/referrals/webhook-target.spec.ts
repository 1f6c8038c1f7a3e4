import { describe, expect, it } from '@jest/globals';
import type { LookupAddress } from 'node:dns';
import { assertWebhookTarget, blockedRange, parseCidrList, pinnedLookup, WebhookTargetError } from './webhook-target.js';

const lookupOnce = (lookup: ReturnType<typeof pinnedLookup>, host: string, all = false) =>
  new Promise<{ error: Error | null; address?: unknown }>((done) =>
    lookup(host, { all } as never, ((error: Error | null, address?: unknown) => done({ error, address })) as never),
  );

describe('webhook targets (SSRF)', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['10.0.0.1', 'private'], ['172.16.0.1', 'private'], ['192.168.0.1', 'private'], ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'], ['224.0.0.1', 'multicast'], ['0.0.0.0', 'unspecified'], ['::1', 'loopback'], ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'], ['fd00:ec2::254', 'uniqueLocal'], ['::ffff:127.0.0.1', 'loopback'], ['::ffff:7f00:1', 'loopback'], ['64:ff9b::a00:1', 'rfc6052'],
  ])('%s is blocked (%s)', (address, range) => {
    expect(blockedRange(address, [])).toBe(range);
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
    const resolve = async () => answer;
    await assertWebhookTarget(new URL('https://rebind.example/hook'), [], resolve); // public when saved
    answer = [{ address: '169.254.169.254', family: 4 }]; // the name now points at the metadata service
    const lookup = pinnedLookup([], resolve);
    const { error } = await lookupOnce(lookup, 'rebind.example');
    expect(error).toBeInstanceOf(WebhookTargetError);
    expect((error as WebhookTargetError).code).toBe('blocked_address');
    // One private address among public ones is enough to refuse.
    answer = [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.5', family: 4 }];
    expect((await lookupOnce(lookup, 'rebind.example', true)).error).toBeInstanceOf(WebhookTargetError);
    // A public answer is handed to the socket as checked.
    answer = [{ address: '93.184.216.34', family: 4 }];
    expect(await lookupOnce(lookup, 'rebind.example', true)).toEqual({ error: null, address: answer });
  });

  it('internal names are refused without resolving them', async () => {
    const resolve = async () => [{ address: '93.184.216.34', family: 4 }];
    await expect(assertWebhookTarget(new URL('https://metadata.google.internal/'), [], resolve)).rejects.toMatchObject({ code: 'blocked_host' });
    await expect(assertWebhookTarget(new URL('https://api.localhost/'), [], resolve)).rejects.toMatchObject({ code: 'blocked_host' });
  });

  it('plain http only to an allow-listed address', async () => {
    const resolve = async () => [{ address: '93.184.216.34', family: 4 }];
    await expect(assertWebhookTarget(new URL('http://public.example/'), [], resolve)).rejects.toMatchObject({ code: 'insecure_scheme' });
    await expect(assertWebhookTarget(new URL('http://127.0.0.1:8080/'), parseCidrList('127.0.0.1'))).resolves.toBeUndefined();
  });
});
