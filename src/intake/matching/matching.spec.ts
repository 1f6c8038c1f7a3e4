import { describe, expect, it } from '@jest/globals';

import type { Message } from '../../common/i18n/message.js';
import { formatMoney, render } from '../../common/i18n/render.js';
import {
  beyondReach,
  fallbackConstraints,
  ineligibleCodes,
  initialConstraints,
  offersNoRelationshipHelp,
  passesBudget,
  relaxationSteps,
} from './constraints.js';
import { nextSteps } from './next-steps.js';
import { FITS_HELP, helpTypeFit, rankCandidates, scoreCandidate } from './rank.js';
import { assessSafety, recommendHelp } from './safety.js';
import type { IntakeProfile, MatchableResource } from './types.js';

/** What an English reader in `country` reads (the engine's messages, rendered). */
const english = (message: Message, country = 'US') => render(message, { locale: 'en', country });
const guidanceOf = (s: { guidance: Message[] }, country?: string) => s.guidance.map((m) => english(m, country)).join(' ');

function resource(over: Partial<MatchableResource> & { id: string; name?: string }): MatchableResource {
  return {
    name: over.id,
    kind: 'practice',
    status: 'active',
    demo: true,
    phone: null,
    formats: ['in_person'],
    specialties: [],
    approaches: [],
    languages: ['en'],
    audiences: [],
    accessibility: [],
    availability: [],
    paymentOptions: [],
    serviceAreas: ['US-OH'],
    credentials: ['licensed_clinician'],
    eligibility: [],
    lineRoles: [],
    contactChannels: [],
    jointSessions: true,
    requiresSafeRelationship: false,
    notForCrisis: false,
    acceptingNewClients: true,
    waitTimeDays: null,
    ...over,
    cost: {
      free: false,
      slidingScale: false,
      feeMin: 10000,
      currency: 'USD',
      feePeriod: 'per_session',
      insuranceAccepted: false,
      insurers: [],
      noInsuranceNeeded: true,
      ...over.cost,
    },
  };
}

const profile = (over: Partial<IntakeProfile> = {}): IntakeProfile => ({
  concerns: ['infidelity'],
  willingness: 'both',
  safety: {},
  maxTravelKm: 40,
  formats: [],
  languages: [],
  approaches: [],
  audiences: [],
  accessibility: [],
  availability: [],
  region: 'US-OH',
  country: 'US',
  ...over,
});

describe('assessSafety', () => {
  it('is none with no safety answers, and says they were skipped', () => {
    const s = assessSafety({}, 'US');
    expect(s).toMatchObject({
      level: 'none',
      answered: false,
      couplesCounselingContraindicated: false,
      jointWorkExcluded: false,
      reportedLineRoles: [],
    });
    expect(guidanceOf(s)).toMatch(/did not answer all the safety questions/);
  });
  it.each([['physicalViolence'], ['feelsAfraid'], ['sexualViolence']])('%s → urgent, no couples counseling, DV lines', (answer) => {
    const s = assessSafety({ [answer]: true }, 'US');
    expect(s).toMatchObject({ level: 'urgent', couplesCounselingContraindicated: true, jointWorkExcluded: true });
    expect(s.reportedLineRoles[0]).toBe('domestic_violence');
    expect(guidanceOf(s)).toMatch(/not the safe next step/);
  });
  it('coercive control alone → elevated and still no couples counseling; with fear → urgent', () => {
    expect(assessSafety({ coerciveControl: true })).toMatchObject({
      level: 'elevated',
      couplesCounselingContraindicated: true,
      reportedLineRoles: ['domestic_violence'],
    });
    expect(assessSafety({ coerciveControl: true, feelsAfraid: true }).level).toBe('urgent');
  });
  it('self-harm risk → urgent, the crisis line leads, joint work excluded', () => {
    expect(assessSafety({ selfHarmRisk: true })).toMatchObject({
      level: 'urgent',
      couplesCounselingContraindicated: false,
      jointWorkExcluded: true,
      reportedLineRoles: ['crisis'],
    });
    expect(assessSafety({ selfHarmRisk: true, feelsAfraid: true }).reportedLineRoles).toEqual(['crisis', 'domestic_violence']);
  });
  it('an explicit false is not a yes; only a full set of answers counts as answered', () => {
    expect(assessSafety({ physicalViolence: false, feelsAfraid: false })).toMatchObject({ level: 'none', answered: false });
    const allNo = { physicalViolence: false, feelsAfraid: false, coerciveControl: false, selfHarmRisk: false, sexualViolence: false };
    expect(assessSafety(allNo)).toMatchObject({ level: 'none', answered: true });
  });
  it.each([
    ['US', 'call 911'],
    ['CA', 'call 911'],
    ['GB', 'call 999 (or 112)'],
    ['IE', 'call 112 (or 999)'],
    ['DE', 'call 112'],
    ['AU', 'call 000'],
  ])('the emergency number is the one of %s', (country, text) => {
    for (const answers of [{}, { feelsAfraid: true }, { selfHarmRisk: true }]) {
      const guidance = guidanceOf(assessSafety(answers, country), country);
      expect(guidance).toContain(text);
      if (country !== 'US' && country !== 'CA') expect(guidance).not.toMatch(/\b911\b/);
    }
  });
  it('an unknown country gets no single number presented as its own', () => {
    expect(guidanceOf(assessSafety({ physicalViolence: true }))).toMatch(/your local emergency number/);
  });
});

describe('recommendHelp', () => {
  const safe = assessSafety({});
  it.each([
    ['both', 'couples_counseling'],
    ['one_hesitant', 'couples_counseling'],
    ['one_leaning_out', 'discernment_counseling'],
    ['one_unwilling', 'individual_counseling'],
  ] as const)('%s → %s', (willingness, type) => {
    expect(recommendHelp(willingness, safe).type).toBe(type);
  });
  it('safety overrides willingness', () => {
    expect(recommendHelp('both', assessSafety({ coerciveControl: true })).type).toBe('safety_first');
  });
});

describe('constraints and relaxation', () => {
  it('safety cases exclude workshops and safe-relationships-only providers and need individual or DV help', () => {
    const c = initialConstraints(profile(), 'safety_first', assessSafety({ feelsAfraid: true }));
    expect(c.kinds).not.toContain('workshop');
    expect(c.excludeSafeRelationshipsOnly).toBe(true);
    expect(c.specialtiesAny).toEqual(['individual_support', 'domestic_violence']);
  });
  it('relaxes in the fixed order: radius → online → sliding scale → languages', () => {
    const c = initialConstraints(
      profile({ point: { lat: 40, lng: -83 }, formats: ['in_person'], budgetMinor: 5000, languages: ['es'] }),
      'couples_counseling',
      assessSafety({}),
    );
    expect(relaxationSteps(c).map((s) => s.code)).toEqual([
      'wider_radius',
      'online_options',
      'sliding_scale_above_budget',
      'other_languages',
    ]);
    const widened = relaxationSteps(c)[0].apply(c);
    expect(widened.radiusKm).toBe(100);
  });
  it('skips steps that do not apply', () => {
    const c = initialConstraints(profile(), 'couples_counseling', assessSafety({}));
    expect(relaxationSteps(c)).toEqual([]);
  });
  it('the fallback offers online, free and self-guided help with no budget or language limits', () => {
    const f = fallbackConstraints(
      initialConstraints(profile({ budgetMinor: 0, languages: ['ko'] }), 'couples_counseling', assessSafety({})),
    );
    expect(f).toMatchObject({ kinds: ['online_service', 'self_guided', 'support_group'], budgetMinor: undefined, languages: [] });
  });
});

describe('scoreCandidate', () => {
  it('explains a strong match with machine-readable reasons', () => {
    const r = resource({
      id: 'a',
      specialties: ['infidelity'],
      formats: ['in_person', 'video'],
      cost: { slidingScale: true, feeMin: 6000 } as never,
    });
    const m = scoreCandidate(profile({ formats: ['video'], budgetMinor: 8000 }), 'couples_counseling', {
      resource: r,
      distanceMeters: 12_300,
    });
    const codes = m.reasons.map((x) => x.code);
    expect(codes).toEqual(
      expect.arrayContaining(['specialty_match', 'couples_sessions', 'within_budget', 'format_match', 'distance', 'accepting_new_clients']),
    );
    expect(english(m.reasons.find((x) => x.code === 'within_budget')!.message)).toBe('within your budget of $80 (sliding scale)');
    expect(english(m.reasons.find((x) => x.code === 'distance')!.message)).toBe('8 miles away'); // 12.3 km, for a US reader
    const inCanada = scoreCandidate(profile({ country: 'CA', region: 'CA-ON', formats: ['video'] }), 'couples_counseling', {
      resource: r,
      distanceMeters: 12_300,
    });
    expect(english(inCanada.reasons.find((x) => x.code === 'distance')!.message, 'CA')).toBe('12 km away');
    expect(m.score).toBeGreaterThan(0.8);
    expect(m.score).toBeLessThanOrEqual(1);
  });
  it('a sliding scale above budget is a caveat, not a rejection', () => {
    const r = resource({ id: 'b', cost: { slidingScale: true, feeMin: 12000 } as never });
    const m = scoreCandidate(profile({ budgetMinor: 8000 }), 'couples_counseling', { resource: r });
    expect(m.caveats.map((c) => c.code)).toContain('fee_above_budget_sliding_scale');
  });
  it('names the licence for remote help', () => {
    const r = resource({ id: 'c', kind: 'online_service', formats: ['video'], serviceAreas: ['US-OH'] });
    expect(scoreCandidate(profile(), 'couples_counseling', { resource: r }).reasons.map((x) => english(x.message))).toContain(
      'licensed to serve clients in Ohio',
    );
  });
  it('never calls a peer group or a directory licensed', () => {
    for (const kind of ['support_group', 'directory', 'self_guided']) {
      const r = resource({ id: kind, kind, formats: ['video'], serviceAreas: ['US-OH'] });
      const texts = scoreCandidate(profile(), 'couples_counseling', { resource: r })
        .reasons.map((x) => english(x.message))
        .join(' | ');
      expect([kind, /licensed/.test(texts)]).toEqual([kind, false]);
    }
  });
  it('rewards the named insurer and flags when it is missing', () => {
    const yes = resource({ id: 'd', cost: { insuranceAccepted: true, insurers: ['Aetna'] } as never });
    const other = resource({ id: 'e', cost: { insuranceAccepted: true, insurers: ['Cigna'] } as never });
    const none = resource({ id: 'e2' });
    const unnamed = resource({ id: 'e3', cost: { insuranceAccepted: true, insurers: [] } as never });
    const p = profile({ insurance: 'aetna' });
    expect(scoreCandidate(p, 'couples_counseling', { resource: yes }).reasons.map((x) => x.code)).toContain('insurance_accepted');
    expect(scoreCandidate(p, 'couples_counseling', { resource: other }).caveats.map((x) => x.code)).toContain('insurance_not_accepted');
    expect(scoreCandidate(p, 'couples_counseling', { resource: none }).caveats.map((x) => x.code)).toContain('insurance_not_taken');
    // Takes insurance but names no insurer: ask, never "does not list your insurer".
    const ask = scoreCandidate(p, 'couples_counseling', { resource: unnamed }).caveats;
    expect(ask.map((x) => x.code)).toEqual(expect.arrayContaining(['insurance_ask']));
    expect(ask.map((x) => x.code)).not.toContain('insurance_not_accepted');
  });
  it.each([
    ['Medicaid', { insurers: ['Pennsylvania Medicaid (HealthChoices) plans'] }, 'Pennsylvania Medicaid (HealthChoices) plans'],
    ['medicaid', { insurers: [], paymentOptions: ['medicaid'] }, 'Medicaid'],
    ['Blue Cross', { insurers: ['Blue Cross Blue Shield of Illinois'] }, 'Blue Cross Blue Shield of Illinois'],
    ['BCBS', { insurers: ['Blue Cross Blue Shield'] }, 'Blue Cross Blue Shield'],
    ['United', { insurers: ['UnitedHealthcare'] }, 'UnitedHealthcare'],
    ['Tricare', { insurers: [], paymentOptions: ['military'] }, 'TRICARE'],
  ])('insurance by plan type and name: %s', (asked, over, name) => {
    const r = resource({
      id: 'ins',
      paymentOptions: (over as { paymentOptions?: string[] }).paymentOptions ?? ['insurance'],
      cost: { insuranceAccepted: true, insurers: over.insurers } as never,
    });
    const m = scoreCandidate(profile({ insurance: asked.toLowerCase() }), 'couples_counseling', { resource: r });
    expect(english(m.reasons.find((x) => x.code === 'insurance_accepted')!.message)).toBe(`accepts ${name}`);
  });
  it('a waitlist lowers the score and says so', () => {
    const open = resource({ id: 'f' });
    const full = resource({ id: 'g', acceptingNewClients: false, waitTimeDays: 30 });
    const a = scoreCandidate(profile(), 'couples_counseling', { resource: open });
    const b = scoreCandidate(profile(), 'couples_counseling', { resource: full });
    expect(b.score).toBeLessThan(a.score);
    expect({ code: b.caveats[0].code, text: english(b.caveats[0].message) }).toEqual({
      code: 'waitlist',
      text: 'waitlist of about 30 days',
    });
  });
  it('unmarried couples prefer resources that welcome them', () => {
    const welcoming = resource({ id: 'h', audiences: ['unmarried_couples'] });
    const m = scoreCandidate(profile({ relationship: 'unmarried' }), 'couples_counseling', { resource: welcoming });
    expect(m.reasons.map((r) => r.code)).toContain('audience_match');
  });
  it('discernment counseling ranks first for a mixed-agenda couple', () => {
    const plain = resource({ id: 'i', name: 'A plain practice', specialties: ['infidelity'] });
    const discern = resource({ id: 'j', name: 'Z discernment', approaches: ['discernment_counseling'] });
    const ranked = rankCandidates(
      profile({ willingness: 'one_leaning_out' }),
      'discernment_counseling',
      [{ resource: plain }, { resource: discern }],
      10,
    );
    expect(ranked[0].resource.id).toBe('j');
  });
  it('ranking is deterministic: score, then distance, then name', () => {
    const a = resource({ id: 'k', name: 'B' });
    const b = resource({ id: 'l', name: 'A' });
    const ranked = rankCandidates(profile(), 'couples_counseling', [{ resource: a }, { resource: b }], 10);
    expect(ranked.map((m) => m.resource.name)).toEqual(['A', 'B']);
    const near = rankCandidates(
      profile(),
      'couples_counseling',
      [
        { resource: a, distanceMeters: 9000 },
        { resource: b, distanceMeters: 20000 },
      ],
      10,
    );
    expect(near[0].resource.id).toBe('k');
  });
});

describe('accessibility needs', () => {
  const deaf = profile({ accessibility: ['asl'] });
  /** Reasons or caveats as an English reader reads them. */
  const read = (list: { code: string; message: Message }[]) => list.map((x) => ({ code: x.code, text: english(x.message) }));

  it('rank resources that meet them first, before a better score, and say which are met', () => {
    // The better match on every scored count, but without ASL.
    const strong = resource({ id: 'm1', name: 'A strong match', specialties: ['infidelity'], approaches: ['gottman'] });
    const signing = resource({ id: 'm2', name: 'Z signing practice', accessibility: ['asl', 'captioning'] });
    const ranked = rankCandidates(deaf, 'couples_counseling', [{ resource: strong }, { resource: signing }], 10);
    expect(ranked.map((m) => m.resource.id)).toEqual(['m2', 'm1']);
    expect(ranked[0].score).toBeLessThan(ranked[1].score);
    expect(read(ranked[0].reasons)).toContainEqual({ code: 'accessibility_match', text: 'meets your access needs: sessions in ASL' });
    expect(read(ranked[1].caveats)).toContainEqual({ code: 'not_listed_asl', text: 'not listed with ASL: ask about an interpreter' });
    expect(rankCandidates(profile(), 'couples_counseling', [{ resource: strong }, { resource: signing }], 10)[0].resource.id).toBe('m1');
  });

  it('count one each: meeting two needs outranks meeting one, which outranks none', () => {
    const both = resource({ id: 'n1', name: 'C', accessibility: ['asl', 'captioning'] });
    const one = resource({ id: 'n2', name: 'A', accessibility: ['captioning'] });
    const none = resource({ id: 'n3', name: 'B' });
    const ranked = rankCandidates(
      profile({ accessibility: ['asl', 'captioning'] }),
      'couples_counseling',
      [none, one, both].map((r) => ({ resource: r })),
      10,
    );
    expect(ranked.map((m) => m.resource.id)).toEqual(['n1', 'n2', 'n3']);
    expect(read(ranked[1].reasons)).toContainEqual({
      code: 'accessibility_match',
      text: 'meets your access needs: captioned video sessions',
    });
    // The fixtures are demo listings: their demo_listing caveat aside.
    expect(ranked[1].caveats.map((c) => c.code).filter((c) => c !== 'demo_listing')).toEqual(['not_listed_asl']);
  });

  it('point to interpreters when ASL is not listed but the provider arranges them', () => {
    const m = scoreCandidate(deaf, 'couples_counseling', { resource: resource({ id: 'o', accessibility: ['interpreter_on_request'] }) });
    expect(read(m.caveats)).toContainEqual({
      code: 'not_listed_asl',
      text: 'not listed with ASL, but arranges interpreters at no cost: ask for an ASL interpreter',
    });
  });

  it('wheelchair access is met by help with no office to enter', () => {
    const wheelchair = profile({ accessibility: ['wheelchair_access'] });
    const online = scoreCandidate(wheelchair, 'couples_counseling', { resource: resource({ id: 'p1', formats: ['video'] }) });
    const office = scoreCandidate(wheelchair, 'couples_counseling', { resource: resource({ id: 'p2', formats: ['in_person', 'video'] }) });
    expect(online.caveats.map((c) => c.code)).not.toContain('not_listed_wheelchair_access');
    expect(read(office.caveats)).toContainEqual({
      code: 'not_listed_wheelchair_access',
      text: 'wheelchair access not listed: ask about the entrance and restroom',
    });
  });

  it('the Deaf audience alone (older clients) still orders by the audience, and asks about signing from the codes', () => {
    const audience = profile({ audiences: ['deaf_hard_of_hearing'] });
    const experienced = resource({ id: 'q1', name: 'Z', audiences: ['deaf_hard_of_hearing'], accessibility: ['asl'] });
    const other = resource({ id: 'q2', name: 'A' });
    const ranked = rankCandidates(audience, 'couples_counseling', [{ resource: other }, { resource: experienced }], 10);
    expect(ranked.map((m) => m.resource.id)).toEqual(['q1', 'q2']);
    expect(ranked[0].caveats.map((c) => c.code)).not.toContain('not_listed_deaf_accessible');
    expect(ranked[1].caveats.map((c) => c.code)).toContain('not_listed_deaf_accessible');
  });
});

describe('nextSteps', () => {
  it('follows the path for a safe couple and warns against snooping for jealousy/control', () => {
    const allNo = { physicalViolence: false, feelsAfraid: false, coerciveControl: false, selfHarmRisk: false, sexualViolence: false };
    const steps = nextSteps(profile({ concerns: ['jealousy_control'] }), assessSafety(allNo)).map((s) => s.code);
    // Control among the concerns: each partner is asked privately first, even after an all-no screen.
    expect(steps).toEqual(['screen_privately', 'define_trust', 'no_surveillance', 'protect_self_worth', 'seek_professional_help']);
  });
  it('unscreened: private screening comes before any step together', () => {
    const steps = nextSteps(profile(), assessSafety({ physicalViolence: false })).map((s) => s.code);
    expect(steps[0]).toBe('screen_privately');
  });
  it('with abuse, steps are about safety, not joint work', () => {
    const steps = nextSteps(profile(), assessSafety({ physicalViolence: true })).map((s) => s.code);
    expect(steps).toEqual(['you_reach_out', 'talk_to_advocate', 'private_device', 'individual_support']);
  });
  it('self-harm risk puts the crisis line first', () => {
    expect(nextSteps(profile(), assessSafety({ selfHarmRisk: true }))[0].code).toBe('reach_crisis_line');
  });
});

it('formatMoney formats minor units', () => {
  const us = { locale: 'en', country: 'US' } as const;
  expect(formatMoney(8000, 'USD', us)).toBe('$80');
  expect(formatMoney(8050, 'USD', us)).toBe('$80.50');
  expect(formatMoney(6000, 'GBP', us)).toBe('£60');
});

describe('review 14: each listing as it is, and a person worried about their own behaviour', () => {
  const ALL_NO = { physicalViolence: false, feelsAfraid: false, coerciveControl: false, selfHarmRisk: false, sexualViolence: false };

  it('own behaviour: never couples-first, joint work excluded, but nothing forces doNotContact unless a safety answer is yes', () => {
    const s = assessSafety(ALL_NO, 'US', true);
    expect(s).toMatchObject({ ownBehaviour: true, jointWorkExcluded: true, couplesCounselingContraindicated: true, riskReported: false });
    for (const willingness of ['both', 'one_hesitant', 'one_leaning_out', 'one_unwilling'] as const)
      expect(recommendHelp(willingness, s).type).toBe('individual_counseling');
    // Addressed to them, not survivor advice; the DV lines stay for the case where they are the one harmed.
    expect(guidanceOf(s)).not.toMatch(/not the safe next step/);
    expect(assessSafety({ physicalViolence: true }, 'US', true).riskReported).toBe(true);
    expect(english(recommendHelp('both', assessSafety({ selfHarmRisk: true }, 'US', true)).title)).toMatch(/crisis/i);
  });
  it('own behaviour: individual counselors only, and its next steps are for them', () => {
    const s = assessSafety(ALL_NO, 'US', true);
    const c = initialConstraints(profile({ aboutMe: 'worried_about_my_behaviour' }), 'individual_counseling', s);
    expect(c.kinds).toEqual(['practice', 'clinic', 'online_service']);
    expect(c.specialtiesAny).toEqual(['individual_support']);
    const codes = nextSteps(profile({ concerns: ['jealousy_control'], safety: ALL_NO }), s).map((n) => n.code);
    expect(codes).toEqual(['own_behaviour_program', 'own_behaviour_pause', 'own_behaviour_no_pressure']);
  });
  it('discernment-only counseling is not couples counseling; with a couples approach it is', () => {
    const only = resource({ id: 'a', approaches: ['discernment_counseling'] });
    const both = resource({ id: 'b', approaches: ['discernment_counseling', 'gottman'] });
    expect(helpTypeFit(only, 'couples_counseling').fit).toBeLessThan(FITS_HELP);
    expect(helpTypeFit(both, 'couples_counseling').fit).toBe(1);
    expect(helpTypeFit(only, 'discernment_counseling').fit).toBe(1);
    const match = scoreCandidate(profile(), 'couples_counseling', { resource: only });
    expect(match.caveats.map((c) => c.code)).toContain('discernment_only');
  });
  it('one-on-one sessions only (no joint sessions, no office) are not couples counseling', () => {
    const r = resource({ id: 'a', kind: 'online_service', formats: ['video'], jointSessions: false, serviceAreas: ['US'] });
    expect(helpTypeFit(r, 'couples_counseling').fit).toBeLessThan(FITS_HELP);
  });
  it('"licensed" only with a licensed credential', () => {
    const online = { kind: 'online_service', formats: ['video'], serviceAreas: ['US'] };
    const codes = (credentials: string[]) =>
      scoreCandidate(profile(), 'couples_counseling', { resource: resource({ id: 'a', ...online, credentials }) }).reasons.map(
        (r) => r.code,
      );
    expect(codes(['licensed_clinician'])).toContain('licensed_in_region');
    expect(codes([])).not.toContain('licensed_in_region');
    expect(codes([])).toContain('serves_region');
  });
  it('on the individual and safety paths a waiting list ranks after every open provider that fits', () => {
    const near = resource({ id: 'near', specialties: ['individual_support', 'infidelity'], acceptingNewClients: false });
    const far = resource({ id: 'far', specialties: ['individual_support'] });
    const candidates = [
      { resource: near, distanceMeters: 100 },
      { resource: far, distanceMeters: 30_000 },
    ];
    const p = profile({ point: { lat: 40, lng: -83 } });
    expect(rankCandidates(p, 'individual_counseling', candidates, 2).map((m) => m.resource.id)).toEqual(['far', 'near']);
    expect(rankCandidates(p, 'couples_counseling', candidates, 2).map((m) => m.resource.id)).toEqual(['near', 'far']);
  });
  it('safety first: a domestic-violence specialist comes before general individual counseling', () => {
    const counselor = resource({ id: 'counselor', specialties: ['individual_support'], cost: { free: true } as MatchableResource['cost'] });
    const advocate = resource({ id: 'advocate', kind: 'support_group', specialties: ['domestic_violence'], acceptingNewClients: true });
    const ranked = rankCandidates(profile({ budgetMinor: 0 }), 'safety_first', [{ resource: counselor }, { resource: advocate }], 2);
    expect(ranked.map((m) => m.resource.id)).toEqual(['advocate', 'counselor']);
  });
  it('an insurer named passes the budget only where the provider takes that plan (or may: "ask")', () => {
    const c = { budgetMinor: 1000, allowSlidingAboveBudget: false, insuranceGiven: true };
    const pricey = (over: Partial<MatchableResource['cost']>, paymentOptions: string[] = ['insurance']) =>
      resource({ id: 'x', paymentOptions, cost: { feeMin: 20000, insuranceAccepted: true, ...over } as MatchableResource['cost'] });
    expect(passesBudget({ insurance: 'medicaid' }, c, pricey({ insurers: ['Aetna'] }))).toBe(false);
    expect(passesBudget({ insurance: 'medicaid' }, c, pricey({ insurers: [] }))).toBe(false);
    expect(passesBudget({ insurance: 'medicaid' }, c, pricey({ insurers: [] }, ['medicaid']))).toBe(true);
    expect(passesBudget({ insurance: 'aetna' }, c, pricey({ insurers: ['Aetna'] }))).toBe(true);
    expect(passesBudget({ insurance: 'aetna' }, c, pricey({ insurers: [] }))).toBe(true);
    expect(passesBudget({ insurance: 'aetna' }, c, pricey({ insurers: ['Cigna'] }))).toBe(false);
    expect(passesBudget({ insurance: 'aetna' }, c, pricey({ feeMin: 900, insurers: ['Cigna'] }))).toBe(true);
  });
  it('eligibility: serving families are not veterans; married-only services are left out for an unmarried couple, and say so otherwise', () => {
    expect(ineligibleCodes({ audiences: ['veterans'] })).toContain('serving_military_only');
    expect(ineligibleCodes({ audiences: ['veterans'] })).not.toContain('military_community');
    expect(ineligibleCodes({ audiences: ['military_families'] })).not.toContain('serving_military_only');
    expect(ineligibleCodes({ audiences: [], relationship: 'unmarried' })).toContain('married_couples_only');
    expect(ineligibleCodes({ audiences: [], relationship: 'separated' })).not.toContain('married_couples_only');
    const r = resource({
      id: 'r',
      kind: 'workshop',
      eligibility: ['married_couples_only', 'opposite_sex_couples_only'],
      notForCrisis: true,
    });
    const codes = scoreCandidate(profile(), 'couples_counseling', { resource: r }).caveats.map((c) => c.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'eligibility_married_couples_only',
        'eligibility_opposite_sex_couples_only',
        'not_for_crisis',
        'demo_listing',
      ]),
    );
  });
  it('with self-harm, the relationship concern does not rank help (the crisis does)', () => {
    const r = resource({ id: 'a', specialties: ['individual_support', 'infidelity'] });
    const plain = resource({ id: 'b', specialties: ['individual_support'] });
    const p = profile({ safety: { selfHarmRisk: true } });
    expect(scoreCandidate(p, 'individual_counseling', { resource: r }).score).toBe(
      scoreCandidate(p, 'individual_counseling', { resource: plain }).score,
    );
  });
});

describe('stale listings (freshness policy)', () => {
  const base = { formats: ['in_person', 'video'], specialties: ['infidelity'] };
  const current = resource({ id: 'b-current', ...base, freshness: { status: 'current', checkedDaysAgo: 20 } });
  const stale = resource({ id: 'a-stale', ...base, freshness: { status: 'stale', checkedDaysAgo: 400 } });
  const help = recommendHelp('both', assessSafety({})).type;

  it('take STALE_PENALTY off the score and say when the details were last checked', () => {
    const fresh = scoreCandidate(profile(), help, { resource: current });
    const old = scoreCandidate(profile(), help, { resource: stale });
    expect(old.score).toBeCloseTo(fresh.score - 0.15, 3);
    const caveat = old.caveats.find((c) => c.code === 'details_stale')!;
    expect(english(caveat.message)).toBe('details last checked over a year ago');
    expect(render(caveat.message, { locale: 'es', country: 'US' })).toBe('datos comprobados por última vez hace más de un año');
    expect(fresh.caveats.map((c) => c.code)).not.toContain('details_stale');
  });

  it('rank below an equally good current listing, whatever the name order says', () => {
    expect(rankCandidates(profile(), help, [{ resource: stale }, { resource: current }], 2).map((m) => m.resource.id)).toEqual([
      'b-current',
      'a-stale',
    ]);
  });

  it('due gets no penalty and no caveat', () => {
    const due = resource({ id: 'c-due', ...base, freshness: { status: 'due', checkedDaysAgo: 200 } });
    const match = scoreCandidate(profile(), help, { resource: due });
    expect(match.score).toBe(scoreCandidate(profile(), help, { resource: current }).score);
    expect(match.caveats.map((c) => c.code)).not.toContain('details_stale');
  });

  it('never lift a listing that does not fit the recommended help above one that does (fit decides first)', () => {
    const fitting = resource({ id: 'fits', ...base, freshness: { status: 'stale', checkedDaysAgo: 800 } });
    const selfGuided = resource({ id: 'book', kind: 'self_guided', formats: ['video'], specialties: ['infidelity'] });
    expect(rankCandidates(profile(), help, [{ resource: selfGuided }, { resource: fitting }], 2)[0].resource.id).toBe('fits');
  });

  it('a shorter stale period says months, not a year', () => {
    const months = resource({ id: 'm', ...base, freshness: { status: 'stale', checkedDaysAgo: 200 } });
    const caveat = scoreCandidate(profile(), help, { resource: months }).caveats.find((c) => c.code === 'details_stale')!;
    expect(english(caveat.message)).toBe('details last checked over 6 months ago');
  });
});

describe('review 15 (couples therapist, DV advocate, Spanish reviewer)', () => {
  const ALL_NO = { physicalViolence: false, feelsAfraid: false, coerciveControl: false, selfHarmRisk: false, sexualViolence: false };
  const safe = assessSafety(ALL_NO);
  const spanish = (message: Message) => render(message, { locale: 'es', country: 'MX' });

  it('M1: without a counselor in the list, the last step says Mend lists none there instead of "contact the counselors listed"', () => {
    const listed = nextSteps(profile({ safety: ALL_NO }), safe, { counselorsListed: true });
    expect(listed.at(-1)!.message.id).toBe('nextStep.seek_professional_help.together');
    const none = nextSteps(profile({ safety: ALL_NO }), safe, { counselorsListed: false });
    expect(none.at(-1)!.message.id).toBe('nextStep.seek_professional_help.noCounselors');
    expect(english(none.at(-1)!.message)).toMatch(/does not list/);
  });

  it('L2: books and apps say the language of the material, directories say to look for therapists who speak it', () => {
    const book = resource({ id: 'book', kind: 'self_guided', formats: [], jointSessions: false, languages: ['en'] });
    const directory = resource({ id: 'dir', kind: 'directory', formats: ['video'], jointSessions: false, languages: ['en'] });
    const p = profile({ languages: ['es'] });
    const bookCaveats = scoreCandidate(p, 'couples_counseling', { resource: book }).caveats;
    expect(bookCaveats.map((c) => c.code)).toEqual(['material_language', 'demo_listing']);
    expect(spanish(bookCaveats[0].message)).toBe('en inglés');
    const dirCaveats = scoreCandidate(p, 'couples_counseling', { resource: directory }).caveats;
    expect(dirCaveats[0].message.id).toBe('caveat.language_not_listed.directory');
    expect(spanish(dirCaveats[0].message)).toMatch(/busque terapeutas que hablen español/);
    expect(scoreCandidate(profile(), 'couples_counseling', { resource: book }).caveats.map((c) => c.code)).not.toContain(
      'material_language',
    );
  });

  it('M7: a helpline about no relationship topic (NAMI) is not matched for relationship work; with self-harm it says what it is', () => {
    const nami = resource({ id: 'nami', kind: 'support_group', specialties: ['individual_support'], approaches: ['peer_support'] });
    const group = resource({ id: 'group', kind: 'support_group', specialties: ['infidelity', 'individual_support'] });
    expect(offersNoRelationshipHelp(nami)).toBe(true);
    expect(offersNoRelationshipHelp(group)).toBe(false);
    expect(offersNoRelationshipHelp(resource({ id: 'p', specialties: ['individual_support'] }))).toBe(false);
    const crisis = scoreCandidate(profile({ safety: { selfHarmRisk: true } }), 'individual_counseling', { resource: nami });
    expect(crisis.caveats.map((c) => c.code)).toContain('information_not_counseling');
    expect(crisis.reasons.map((r) => r.code)).not.toContain('accepting_new_clients');
  });

  it('M8: a workshop never outranks a counselor who sees couples, whatever the strong preferences', () => {
    const workshop = resource({ id: 'workshop', kind: 'workshop', audiences: ['lgbtq_affirming'], specialties: ['infidelity'] });
    const therapist = resource({ id: 'therapist', specialties: ['infidelity'] });
    const p = profile({ audiences: ['lgbtq_affirming'], safety: ALL_NO });
    const ranked = rankCandidates(p, 'couples_counseling', [{ resource: workshop }, { resource: therapist }], 10);
    expect(ranked.map((m) => m.resource.id)).toEqual(['therapist', 'workshop']);
    // Among counselors the strong preference still decides.
    const affirming = resource({ id: 'affirming', audiences: ['lgbtq_affirming'] });
    const order = rankCandidates(p, 'couples_counseling', [{ resource: workshop }, { resource: therapist }, { resource: affirming }], 10);
    expect(order.map((m) => m.resource.id)).toEqual(['affirming', 'therapist', 'workshop']);
  });

  it('L4: after an affair, the first steps fit whoever fills the form: end contact, no big decisions, individual support', () => {
    const codes = nextSteps(profile({ safety: ALL_NO }), safe).map((s) => s.code);
    expect(codes.slice(0, 2)).toEqual(['end_affair_contact', 'no_big_decisions']);
    expect(nextSteps(profile({ concerns: ['lying'], safety: ALL_NO }), safe).map((s) => s.code)).not.toContain('end_affair_contact');
    // Safety paths keep their own steps.
    expect(nextSteps(profile(), assessSafety({ physicalViolence: true })).map((s) => s.code)).not.toContain('end_affair_contact');
  });

  it('L1: beyond the radius searched, remote help says where it serves instead of a distance the search never reached', () => {
    const far = resource({ id: 'far', formats: ['in_person', 'video'], serviceAreas: ['US-MT'] });
    const p = profile({ region: 'US-MT', maxTravelKm: 40, searchRadiusKm: 100 });
    const beyond = scoreCandidate(p, 'couples_counseling', { resource: far, distanceMeters: 150_000 });
    expect(beyond.reasons.map((r) => r.code)).not.toContain('distance');
    expect(beyond.reasons.map((r) => r.code)).toContain('licensed_in_region');
    const within = scoreCandidate(p, 'couples_counseling', { resource: far, distanceMeters: 90_000 });
    expect(within.reasons.map((r) => r.code)).toContain('distance');
    // The score is the same either way (proximity is 0 beyond maxTravelKm): only the words change.
    expect(beyond.score).toBe(
      scoreCandidate(profile({ region: 'US-MT', maxTravelKm: 40 }), 'couples_counseling', { resource: far, distanceMeters: 150_000 }).score,
    );
    const officeOnly = resource({ id: 'office', formats: ['in_person'] });
    expect(beyondReach(p, { resource: officeOnly, distanceMeters: 150_000 }, ['video'])).toBe(true);
    expect(beyondReach(p, { resource: far, distanceMeters: 150_000 }, ['video'])).toBe(false);
    expect(beyondReach(p, { resource: officeOnly, distanceMeters: 90_000 }, ['video'])).toBe(false);
  });
});
