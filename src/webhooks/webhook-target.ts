import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';

import ipaddr from 'ipaddr.js';

import { type Cidr, inCidrList } from '../common/http/cidr.js';

/**
 * Where a webhook may go (SSRF defence). A partner names the URL, so without this Mend would
 * POST to whatever it points at: the cloud metadata service, the database port, admin panels on
 * the private network. Only public unicast addresses are allowed: ipaddr.js classifies every
 * address and anything but `unicast` (loopback, private, link-local incl. 169.254.169.254,
 * CGNAT, multicast, unspecified, unique-local, NAT64 (64:ff9b::/96, 64:ff9b:1::/48), 6to4, Teredo,
 * IPv4-translated, documentation, reserved) is refused; IPv4-mapped (::ffff:a.b.c.d) and
 * IPv4-compatible (::a.b.c.d, the deprecated ::/96 form that Linux still routes to the IPv4 address)
 * IPv6 are judged as the IPv4 address they carry. Only ports 443 and 8443 are reached (so a webhook
 * cannot probe SSH, database or admin ports of a public host). The check runs when the URL
 * is saved and again when a delivery connects, inside the socket's own DNS lookup, so the address
 * checked is the address connected to (a DNS answer that changes in between, i.e. rebinding,
 * cannot slip a private address in).
 *
 * `allowed` is an explicit allow-list of CIDRs for tests and local development (a receiver on
 * 127.0.0.1, on any port); configuration refuses it in production.
 */
/** Host names that are internal whatever they resolve to (cloud metadata, this machine). */
const INTERNAL_NAMES = /^(localhost|metadata|metadata\.google\.internal|instance-data)$|\.(localhost|internal|local)$/i;

/** Ports a webhook may be delivered to (allow-listed test receivers excepted). */
export const WEBHOOK_PORTS: ReadonlySet<number> = new Set([443, 8443]);

/**
 * The address to judge: an IPv6 address carrying an IPv4 one in its last 32 bits, either mapped
 * (::ffff:0:0/96) or compatible (first 96 bits zero, other than :: and ::1), is its IPv4 address:
 * `::7f00:1` reaches 127.0.0.1 and `::a9fe:a9fe` the metadata service. ipaddr.js calls the
 * compatible form plain unicast, so it is decoded here. (NAT64, 6to4 and Teredo embed IPv4 too;
 * their ranges are refused whole.)
 */
function normalise(address: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return parsed;
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address();
  const [a, b, c, d, e, f, g, h] = v6.parts;
  const compatible = a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0 && !(g === 0 && (h === 0 || h === 1));
  return compatible ? ipaddr.fromByteArray(v6.toByteArray().slice(12)) : v6;
}

/** Whether the address is on the explicit allow-list (the only addresses plain http may reach). */
export function isAllowListed(address: string, allowed: Cidr[]): boolean {
  try {
    return inCidrList(normalise(address), allowed);
  } catch {
    return false;
  }
}

/** Why an address may not receive webhooks (its range), or undefined when it may. */
export function blockedRange(address: string, allowed: Cidr[]): string | undefined {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = normalise(address);
  } catch {
    return 'invalid';
  }
  if (inCidrList(parsed, allowed)) return undefined;
  const range = parsed.range();
  return range === 'unicast' ? undefined : range;
}

export class WebhookTargetError extends Error {
  constructor(
    readonly code: 'blocked_address' | 'blocked_host' | 'blocked_port' | 'insecure_scheme',
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

type Resolve = (host: string) => Promise<LookupAddress[]>;
const resolveAll: Resolve = (host) =>
  new Promise((done, fail) =>
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => (error ? fail(error) : done(addresses))),
  );

function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** 443 or 8443, unless every address is an allow-listed (test or development) receiver. */
function assertPort(url: URL, addresses: string[], allowed: Cidr[]): void {
  const port = portOf(url);
  if (WEBHOOK_PORTS.has(port) || (addresses.length > 0 && addresses.every((a) => isAllowListed(a, allowed)))) return;
  throw new WebhookTargetError('blocked_port', `port ${port}: webhooks go only to port 443 or 8443`);
}

/**
 * Checks a webhook URL before it is saved. Throws WebhookTargetError when the URL may not be
 * used; a name that does not resolve now is accepted (the delivery checks again when it connects).
 */
export async function assertWebhookTarget(url: URL, allowed: Cidr[], resolve: Resolve = resolveAll): Promise<void> {
  const host = bareHost(url);
  const addresses = isIP(host) ? [host] : await namedAddresses(host, resolve);
  for (const address of addresses) {
    const range = blockedRange(address, allowed);
    if (range) throw new WebhookTargetError('blocked_address', `${host} is ${address} (${range}); webhooks go only to public addresses`);
  }
  // Plain http only to an allow-listed receiver (a local test or development one).
  if (url.protocol === 'http:' && !(addresses.length > 0 && addresses.every((a) => isAllowListed(a, allowed)))) {
    throw new WebhookTargetError('insecure_scheme', 'webhooks need https://');
  }
  assertPort(url, addresses, allowed);
}

async function namedAddresses(host: string, resolve: Resolve): Promise<string[]> {
  if (INTERNAL_NAMES.test(host)) throw new WebhookTargetError('blocked_host', `${host} is an internal name`);
  try {
    return (await resolve(host)).map((a) => a.address);
  } catch {
    return [];
  }
}

/**
 * A socket lookup that resolves, refuses if any address is blocked, and hands the socket only
 * the checked addresses: the connection goes to exactly what was checked.
 */
export function pinnedLookup(allowed: Cidr[], resolve: Resolve = resolveAll): LookupFunction {
  return (hostname, options, callback) => {
    const host = hostname.replace(/^\[(.*)\]$/, '$1');
    const done = callback as (error: Error | null, address?: string | LookupAddress[], family?: number) => void;
    if (INTERNAL_NAMES.test(host)) return done(new WebhookTargetError('blocked_host', `${host} is an internal name`));
    resolve(host).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        for (const a of wanted) {
          const range = blockedRange(a.address, allowed);
          if (range) return done(new WebhookTargetError('blocked_address', `${host} is ${a.address} (${range})`));
        }
        if (wanted.length === 0) return done(Object.assign(new Error(`no address for ${host}`), { code: 'ENOTFOUND' }));
        if (options.all) return done(null, wanted);
        return done(null, wanted[0].address, wanted[0].family);
      },
      (error: Error) => done(error),
    );
  };
}

export interface WebhookPost {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowed: Cidr[];
}

/** POSTs one webhook through the pinned lookup; no redirects are followed. Resolves to the HTTP status. */
export function postWebhook(post: WebhookPost): Promise<number> {
  const url = new URL(post.url);
  const host = bareHost(url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return Promise.reject(new WebhookTargetError('insecure_scheme', url.protocol));
  if (!isIP(host) && INTERNAL_NAMES.test(host))
    return Promise.reject(new WebhookTargetError('blocked_host', `${host} is an internal name`));
  if (isIP(host)) {
    const range = blockedRange(host, post.allowed);
    if (range) return Promise.reject(new WebhookTargetError('blocked_address', `${host} (${range})`));
  }
  if (url.protocol === 'http:') {
    // Plain http goes only to an allow-listed receiver (tests, local development).
    if (!(isIP(host) && isAllowListed(host, post.allowed)))
      return Promise.reject(new WebhookTargetError('insecure_scheme', 'webhooks need https://'));
  }
  try {
    // A URL stored before the port rule is held to it at delivery too.
    assertPort(url, isIP(host) ? [host] : [], post.allowed);
  } catch (error) {
    return Promise.reject(error);
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((done, fail) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...post.headers, 'content-length': String(Buffer.byteLength(post.body)) },
        lookup: pinnedLookup(post.allowed),
        signal: AbortSignal.timeout(post.timeoutMs),
        agent: false,
      },
      (response) => {
        response.resume();
        response.on('end', () => done(response.statusCode ?? 0));
        response.on('error', fail);
      },
    );
    request.on('error', fail);
    request.end(post.body);
  });
}
