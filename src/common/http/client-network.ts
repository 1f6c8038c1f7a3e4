import ipaddr from 'ipaddr.js';

/**
 * The network a client address stands for. One person holds many addresses: an IPv6 customer gets
 * a whole /64 (often a /56 or /48), and a home, an office or a provider pool shares an IPv4 /24.
 * Counting each address apart let one person spend a per-IP limit many times over, or pass for
 * several "distinct" reporters. An IPv4 address inside IPv6 (`::ffff:a.b.c.d`) is its IPv4 address.
 */
export function clientNetwork(ip: string, ipv4Bits: number, ipv6Bits: number): string {
  if (!ipaddr.isValid(ip)) return ip; // not an address (a test's fake peer): itself
  let parsed = ipaddr.parse(ip);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const bits = parsed.kind() === 'ipv4' ? ipv4Bits : ipv6Bits;
  if (bits === (parsed.kind() === 'ipv4' ? 32 : 128)) return parsed.toString();
  return `${ipaddr.fromByteArray(maskBytes(parsed.toByteArray(), bits)).toString()}/${bits}`;
}

function maskBytes(bytes: number[], bits: number): number[] {
  return bytes.map((byte, i) => {
    const keep = Math.max(0, Math.min(8, bits - i * 8));
    return byte & ((0xff << (8 - keep)) & 0xff);
  });
}

/** The subject of a per-IP rate limit: an IPv4 address as it is (NAT shares them), an IPv6 address by its /64. */
export const rateLimitSubject = (ip: string): string => clientNetwork(ip, 32, 64);

/**
 * Who counts as one reporter of a listing: an IPv4 /24, an IPv6 /48 (the usual customer
 * allocation). Coarse on purpose: a false suspension of a safety line hides a real crisis line,
 * so reporters must come from networks that one person does not hold alone.
 */
export const reporterNetwork = (ip: string): string => clientNetwork(ip, 24, 48);
