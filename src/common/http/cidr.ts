import ipaddr from 'ipaddr.js';

/** A network as ipaddr.js parses it: address and prefix length. */
export type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** A comma-separated list of CIDRs or bare addresses (a bare address is its own /32 or /128). */
export function parseCidrList(text: string | undefined): Cidr[] {
  if (!text) return [];
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => (entry.includes('/') ? ipaddr.parseCIDR(entry) : toCidr(entry)));
}

function toCidr(address: string): Cidr {
  const parsed = ipaddr.parse(address);
  return [parsed, parsed.kind() === 'ipv4' ? 32 : 128];
}

/** Whether a parsed address falls in one of the networks (an IPv4 address never matches an IPv6 network). */
export function inCidrList(parsed: ipaddr.IPv4 | ipaddr.IPv6, networks: Cidr[]): boolean {
  return networks.some(([net, bits]) => net.kind() === parsed.kind() && parsed.match(net, bits));
}
