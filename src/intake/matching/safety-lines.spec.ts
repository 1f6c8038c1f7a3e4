import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';

import { LINE_ROLES } from '../../taxonomy/taxonomy.js';
import { assessSafety } from './safety.js';
import { chooseSafetyLines, isEligible, orderChannels, planSafetyLines, servesPlace } from './safety-lines.js';
import type { MatchableResource } from './types.js';

/** A line with only what the chooser reads; the rest is irrelevant here. */
function line(over: Partial<MatchableResource> & { id: string }): MatchableResource {
  return {
    name: over.id,
    kind: 'hotline',
    status: 'active',
    audiences: [],
    accessibility: [],
    formats: ['phone'],
    eligibility: [],
    lineRoles: ['crisis'],
    serviceAreas: ['US'],
    contactChannels: [],
    availability: ['around_the_clock'],
    languages: ['en'],
    phone: '1-800-000-0000',
    demo: false,
    ...over,
  } as MatchableResource;
}

const LINES = [
  line({ id: 'us-crisis', lineRoles: ['crisis'] }),
  line({ id: 'us-dv', lineRoles: ['domestic_violence'] }),
  line({ id: 'us-vets', lineRoles: ['crisis'], audiences: ['veterans'], eligibility: ['military_community'] }),
  line({ id: 'us-youth', lineRoles: ['crisis'], audiences: ['young_people', 'lgbtq_affirming'] }),
  line({ id: 'us-demo', lineRoles: ['domestic_violence'], demo: true }),
  line({ id: 'us-inactive', lineRoles: ['domestic_violence'], status: 'inactive' }),
  line({ id: 'us-abuser', lineRoles: ['domestic_violence'], eligibility: ['people_who_use_abuse'] }),
  line({ id: 'ca-crisis', lineRoles: ['crisis'], serviceAreas: ['CA'] }),
  line({ id: 'on-dv', lineRoles: ['domestic_violence'], serviceAreas: ['CA-ON'], eligibility: ['women_only'] }),
  line({ id: 'ca-finder', lineRoles: ['domestic_violence'], serviceAreas: ['CA'], phone: null }),
  line({ id: 'ca-211', lineRoles: ['information_referral'], serviceAreas: ['CA'] }),
  line({ id: 'gb-crisis', lineRoles: ['crisis'], serviceAreas: ['GB'] }),
  line({ id: 'gb-dv', lineRoles: ['domestic_violence'], serviceAreas: ['GB'] }),
  line({ id: 'sct-dv', lineRoles: ['domestic_violence'], serviceAreas: ['GB-SCT'] }),
];

const plan = (over: {
  country?: string;
  region?: string;
  audiences?: string[];
  accessibility?: string[];
  languages?: string[];
  locale?: string;
  answers?: Record<string, boolean>;
}) =>
  planSafetyLines(
    {
      country: over.country,
      region: over.region,
      audiences: over.audiences ?? [],
      accessibility: over.accessibility ?? [],
      concerns: ['other'],
      languages: over.languages ?? [],
    },
    assessSafety(over.answers ?? {}, over.country),
    over.locale,
  );
const ids = (lines: MatchableResource[]) => lines.map((l) => l.id);

describe('chooseSafetyLines', () => {
  it('a Spanish intake moves lines with Spanish service up within their role, never above a line more specific to the person', () => {
    const lines = [
      line({ id: 'a-en', name: 'A line', lineRoles: ['crisis'] }),
      line({ id: 'b-es', name: 'B line', lineRoles: ['crisis'], languages: ['en', 'es'] }),
      line({ id: 'c-dv-en', name: 'C line', lineRoles: ['domestic_violence'] }),
      line({ id: 'vets', name: 'Veterans line', lineRoles: ['crisis'], audiences: ['veterans'], eligibility: ['military_community'] }),
    ];
    expect(ids(chooseSafetyLines(lines, plan({ country: 'US' })))).toEqual(['a-en', 'b-es', 'c-dv-en']);
    // Read in Spanish, or Spanish asked for as the language of care: the same lines, Spanish first within the role.
    expect(ids(chooseSafetyLines(lines, plan({ country: 'US', locale: 'es' })))).toEqual(['b-es', 'a-en', 'c-dv-en']);
    expect(ids(chooseSafetyLines(lines, plan({ country: 'US', languages: ['es'] })))).toEqual(['b-es', 'a-en', 'c-dv-en']);
    // Roles keep their order: a DV report still leads with the DV line, whatever its language.
    expect(ids(chooseSafetyLines(lines, plan({ country: 'US', locale: 'es', answers: { feelsAfraid: true } })))[0]).toBe('c-dv-en');
    // The line made for the person (a veteran) stays first; Spanish orders the lines that fit equally.
    expect(ids(chooseSafetyLines(lines, plan({ country: 'US', locale: 'es', audiences: ['veterans'] })))).toEqual([
      'vets',
      'b-es',
      'c-dv-en',
    ]);
  });

  it('leads with the reported role, and keeps a crisis and a DV line', () => {
    expect(ids(chooseSafetyLines(LINES, plan({ country: 'US', answers: { feelsAfraid: true } })))[0]).toBe('us-dv');
    expect(ids(chooseSafetyLines(LINES, plan({ country: 'US', answers: { selfHarmRisk: true } })))[0]).toBe('us-crisis');
  });
  it('moves the most specific line up, and leaves out lines the person is not eligible for', () => {
    expect(ids(chooseSafetyLines(LINES, plan({ country: 'US', audiences: ['veterans'], answers: { selfHarmRisk: true } })))[0]).toBe(
      'us-vets',
    );
    expect(ids(chooseSafetyLines(LINES, plan({ country: 'US', answers: { selfHarmRisk: true } })))).not.toContain('us-vets');
    expect(
      ids(
        chooseSafetyLines(LINES, plan({ country: 'US', audiences: ['young_people', 'lgbtq_affirming'], answers: { selfHarmRisk: true } })),
      )[0],
    ).toBe('us-youth');
    expect(ids(chooseSafetyLines(LINES, plan({ country: 'US', answers: { selfHarmRisk: true } })))).not.toContain('us-youth');
  });
  it('regional lines only where the region is known; a website-only role gets a line to call', () => {
    expect(ids(chooseSafetyLines(LINES, plan({ country: 'CA', region: 'CA-ON', answers: { feelsAfraid: true } })))).toContain('on-dv');
    const noProvince = ids(chooseSafetyLines(LINES, plan({ country: 'CA', answers: { feelsAfraid: true } })));
    expect(noProvince).not.toContain('on-dv');
    expect(noProvince).toEqual(expect.arrayContaining(['ca-finder', 'ca-211', 'ca-crisis']));
    expect(ids(chooseSafetyLines(LINES, plan({ country: 'GB', region: 'GB-SCT', answers: { feelsAfraid: true } })))[0]).toBe('sct-dv');
  });
  it('for a Deaf person: a line reachable the way they need comes first within its role, and shows those routes first', () => {
    const ndvh = line({
      id: 'us-dv-tty',
      lineRoles: ['domestic_violence'],
      accessibility: ['tty', 'text_based'],
      contactChannels: [{ type: 'tty' }, { type: 'text' }],
    });
    const deafLine = line({
      id: 'us-dv-asl',
      lineRoles: ['domestic_violence'],
      audiences: ['deaf_hard_of_hearing'],
      accessibility: ['asl', 'videophone', 'text_based'],
    });
    const pool = [ndvh, deafLine, LINES[0]];
    const afraid = { feelsAfraid: true };
    // Without needs the general line leads (the Deaf line is for another group).
    expect(ids(chooseSafetyLines(pool, plan({ country: 'US', answers: afraid })))[0]).toBe('us-dv-tty');
    // Signing: the ASL line leads, whether asked as a need or (older clients) as the audience.
    expect(ids(chooseSafetyLines(pool, plan({ country: 'US', accessibility: ['asl'], answers: afraid })))[0]).toBe('us-dv-asl');
    expect(ids(chooseSafetyLines(pool, plan({ country: 'US', audiences: ['deaf_hard_of_hearing'], answers: afraid })))[0]).toBe(
      'us-dv-asl',
    );
    // A TTY user: the line with a TTY leads.
    expect(ids(chooseSafetyLines(pool, plan({ country: 'US', accessibility: ['tty'], answers: afraid })))[0]).toBe('us-dv-tty');
  });

  it("orders a line's channels with the routes the person needs first, keeping the curated order otherwise", () => {
    const channels = [
      { type: 'text', value: '988' },
      { type: 'chat', value: 'https://988lifeline.org/chat' },
      { type: 'relay', value: '711' },
      { type: 'videophone', value: '1-800-273-8255' },
      { type: 'tty', value: '1-800-000-0000' },
    ];
    const types = (p: { audiences?: string[]; accessibility?: string[] }) =>
      orderChannels(channels, { audiences: p.audiences ?? [], accessibility: p.accessibility ?? [] }).map((c) => c.type);
    expect(types({})).toEqual(['text', 'chat', 'relay', 'videophone', 'tty']);
    expect(types({ accessibility: ['asl'] })).toEqual(['videophone', 'text', 'chat', 'relay', 'tty']);
    expect(types({ accessibility: ['tty', 'asl'] })).toEqual(['tty', 'videophone', 'text', 'chat', 'relay']);
    expect(types({ audiences: ['deaf_hard_of_hearing'] })).toEqual(['videophone', 'tty', 'text', 'chat', 'relay']);
  });

  it('no place: US lines, said so', () => {
    const p = plan({});
    expect([p.country, p.countryAssumed]).toEqual(['US', true]);
  });

  it('property: never demo, inactive, abuser-program, ineligible or out-of-place lines; always crisis and DV where listed', () => {
    const place = fc.constantFrom(
      { country: 'US' },
      { country: 'CA' },
      { country: 'CA', region: 'CA-ON' },
      { country: 'GB', region: 'GB-SCT' },
      { country: 'GB' },
      {},
    );
    const answers = fc.record(
      {
        physicalViolence: fc.boolean(),
        feelsAfraid: fc.boolean(),
        coerciveControl: fc.boolean(),
        selfHarmRisk: fc.boolean(),
        sexualViolence: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    const audiences = fc.subarray(['veterans', 'young_people', 'lgbtq_affirming', 'native_american', 'deaf_hard_of_hearing']);
    fc.assert(
      fc.property(place, answers, audiences, fc.shuffledSubarray(LINES), (where, a, who, pool) => {
        const p = plan({ ...where, answers: a, audiences: who });
        const chosen = chooseSafetyLines(pool, p);
        expect(new Set(ids(chosen)).size).toBe(chosen.length);
        for (const l of chosen) {
          expect(l.demo).toBe(false);
          expect(l.status).toBe('active');
          expect(l.eligibility).not.toContain('people_who_use_abuse');
          expect(isEligible(l, who)).toBe(true);
          expect(servesPlace(l, p.country, p.region)).toBe(true);
        }
        for (const role of ['crisis', 'domestic_violence'] as const) {
          const available = pool.some(
            (l) =>
              l.lineRoles.includes(role) && !l.demo && l.status === 'active' && servesPlace(l, p.country, p.region) && isEligible(l, who),
          );
          if (available) expect(chosen.some((l) => l.lineRoles.includes(role))).toBe(true);
        }
        for (const role of p.roles.map((r) => r.role)) expect(LINE_ROLES.codes).toContain(role);
      }),
      { numRuns: 300, seed: 20261201 },
    );
  });
});

describe('stale safety lines', () => {
  const US_LINES = [
    line({ id: 'crisis-a', name: 'A crisis line', lineRoles: ['crisis'] }),
    line({ id: 'crisis-b', name: 'B crisis line', lineRoles: ['crisis'] }),
    line({ id: 'dv-a', name: 'A DV line', lineRoles: ['domestic_violence'] }),
    line({ id: 'dv-b', name: 'B DV line', lineRoles: ['domestic_violence'] }),
  ];
  const usPlan = plan({ country: 'US', answers: { feelsAfraid: true } });
  const staleOne = (id: string) =>
    US_LINES.map((l) => ({ ...l, freshness: { status: l.id === id ? ('stale' as const) : ('current' as const), checkedDaysAgo: 10 } }));

  it('a stale line is left out and the next line of its role takes its place', () => {
    expect(ids(chooseSafetyLines(US_LINES, usPlan))[0]).toBe('dv-a');
    const without = ids(chooseSafetyLines(staleOne('dv-a'), usPlan));
    expect(without).not.toContain('dv-a');
    expect(without[0]).toBe('dv-b');
    expect(without).toEqual(expect.arrayContaining(['crisis-a', 'crisis-b']));
  });

  it('a line that is only due is still shown', () => {
    const due = US_LINES.map((l) => ({ ...l, freshness: { status: 'due' as const, checkedDaysAgo: 100 } }));
    expect(ids(chooseSafetyLines(due, usPlan)).sort()).toEqual(['crisis-a', 'crisis-b', 'dv-a', 'dv-b']);
  });

  it('property: whichever one line is stale, every role that had another line keeps one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...US_LINES.map((l) => l.id)), (staleId) => {
        const shown = chooseSafetyLines(staleOne(staleId), usPlan);
        expect(ids(shown)).not.toContain(staleId);
        for (const role of ['crisis', 'domestic_violence']) expect(shown.some((l) => l.lineRoles.includes(role))).toBe(true);
      }),
    );
  });
});
