import { describe, expect, it } from '@jest/globals';

import { rateLimitSubject, reporterNetwork } from './client-network.js';

describe('client networks', () => {
  it('rate limits: an IPv4 address as it is, an IPv6 address by its /64, IPv4-mapped as IPv4', () => {
    expect(rateLimitSubject('198.51.100.7')).toBe('198.51.100.7');
    expect(rateLimitSubject('2001:db8:5:1::6')).toBe('2001:db8:5:1::/64');
    expect(rateLimitSubject('2001:db8:5:1:ffff:1:2:3')).toBe('2001:db8:5:1::/64');
    expect(rateLimitSubject('::ffff:198.51.100.7')).toBe('198.51.100.7');
  });

  it('reporters: an IPv4 /24 and an IPv6 /48', () => {
    expect(reporterNetwork('198.51.100.7')).toBe(reporterNetwork('198.51.100.250'));
    expect(reporterNetwork('198.51.100.7')).not.toBe(reporterNetwork('198.51.101.7'));
    expect(reporterNetwork('2001:db8:77::1')).toBe(reporterNetwork('2001:db8:77:ffff::2'));
    expect(reporterNetwork('2001:db8:77::1')).not.toBe(reporterNetwork('2001:db8:78::1'));
  });

  it('anything that is not an address stays itself', () => {
    expect(rateLimitSubject('unknown')).toBe('unknown');
  });
});
