import type { LineRole } from '../../taxonomy/taxonomy.js';
import { accessibilityMet } from './accessibility.js';
import type { SafetyAssessment } from './safety.js';
import type { IntakeProfile, MatchableResource } from './types.js';

/**
 * Which crisis and safety lines a person sees, chosen from the curated hotlines (pure).
 *
 * Invariants (tested in safety-lines.spec.ts and test/safety.e2e-spec.ts):
 * - never a demo (fictional) line, never an inactive one, never a line that does not serve the
 *   person's country (and, for regional lines, region);
 * - never a stale line (details not confirmed within the safety-line period: a number that no
 *   longer works is worse than none); the next line of the same role takes its place, and nothing
 *   is said about the one left out (lines suspended by reports from the field never reach the
 *   chooser: the directory leaves them out, ResourcesService.findSafetyLines);
 * - never a line whose eligibility excludes the person (e.g. the Veterans Crisis Line for a
 *   couple that did not say they are a military family); an LGBTQ+ line (the Trevor Project) only
 *   for a person who asked for LGBTQ+ affirming care, unless nothing else serves the role;
 * - always a crisis line and a domestic-violence line where the directory has one for the country,
 *   even when no safety answer was yes (low-key then), because the form may be filled by the
 *   controlling partner;
 * - the roles the person's answers call for come first, and within a role the line most
 *   specific to them (veterans, LGBTQ+ youth, Native American, Deaf) comes before the general one;
 *   a line reachable the way the person needs (ASL by videophone, TTY, relay, text) comes before
 *   one that is not, and shows those routes first (orderChannels);
 * - among lines that fit equally, one that serves the person in their language (a Spanish intake:
 *   the locale es, or Spanish among the languages asked for) comes first.
 */

/** The country whose lines are shown when the intake gives none (the directory's home market). */
export const DEFAULT_LINES_COUNTRY = 'US';

/**
 * US territories with their own ISO 3166-1 codes. The national US lines (988, the National DV
 * Hotline, RAINN) serve them, so a person there gets the US lines, with the territory as the region.
 */
export const US_TERRITORIES: Readonly<Record<string, string>> = { PR: 'US-PR', VI: 'US-VI', GU: 'US-GU', AS: 'US-AS', MP: 'US-MP' };

/** How many lines per role: enough to choose from, few enough to read in a crisis. */
const PER_REPORTED_ROLE = 3;
const PER_BASELINE_ROLE = 2;
const PER_EXTRA_ROLE = 1;

/** Eligibility codes and the intake audiences that make a person eligible ('*': not asked, so anyone). */
const ELIGIBLE_WITH: Record<string, readonly string[] | '*' | undefined> = {
  // The Veterans Crisis Line serves veterans, service members and their families alike.
  military_community: ['veterans', 'military_families'],
  // The Family Advocacy Program and Military OneSource serve serving members and families, not veterans as such.
  serving_military_only: ['military_families'],
  young_people_only: ['young_people'],
  native_american_only: ['native_american'],
  // Not asked either; left out when the couple asks for LGBTQ+ affirming care (EXCLUDED_WITH).
  opposite_sex_couples_only: '*',
  // Left out when the couple said they are unmarried or engaged (EXCLUDED_RELATIONSHIPS).
  married_couples_only: '*',
  people_who_use_abuse: undefined, // never a safety line for the person at risk
  // Gender is not asked: a women-only or men-only line is shown with its eligibility visible.
  women_only: '*',
  men_only: '*',
};

/** Eligibility codes that rule a couple out when they ask for an audience (affirming care). */
const EXCLUDED_WITH: Record<string, string> = { opposite_sex_couples_only: 'lgbtq_affirming' };
/** Eligibility codes that rule a couple out by the relationship they gave. */
const EXCLUDED_RELATIONSHIPS: Record<string, readonly string[]> = { married_couples_only: ['unmarried', 'engaged'] };

export function isEligible(resource: Pick<MatchableResource, 'eligibility'>, audiences: readonly string[], relationship?: string): boolean {
  return resource.eligibility.every((code) => {
    if (Object.hasOwn(EXCLUDED_WITH, code) && audiences.includes(EXCLUDED_WITH[code])) return false;
    if (relationship && Object.hasOwn(EXCLUDED_RELATIONSHIPS, code) && EXCLUDED_RELATIONSHIPS[code].includes(relationship)) return false;
    const needs = ELIGIBLE_WITH[code];
    return needs === '*' || (needs !== undefined && needs.some((audience) => audiences.includes(audience)));
  });
}

/**
 * Where a country's lines differ by region and the region is not known, the region whose lines
 * are shown (the guidance says so: safety.guidance.regionAssumed.<country>): the UK's national
 * domestic-abuse helpline is England's (Scotland, Wales and Northern Ireland have their own), and
 * most of the UK lives in England.
 */
const ASSUMED_LINES_REGION: Record<string, string> = { GB: 'GB-ENG' };

export function servesPlace(resource: Pick<MatchableResource, 'serviceAreas'>, country: string, region?: string): boolean {
  return resource.serviceAreas.some((area) => area === country || (region !== undefined && area === region));
}

export interface LinePlan {
  /** The country whose lines are shown. */
  country: string;
  /** True when the intake named no country and DEFAULT_LINES_COUNTRY was assumed. */
  countryAssumed: boolean;
  region?: string;
  /** The region was not given and ASSUMED_LINES_REGION's was used (the guidance says so). */
  regionAssumed: boolean;
  /** Roles in display order, each with how many lines it may take. */
  roles: { role: LineRole; max: number }[];
  audiences: string[];
  /** Accessibility needs (taxonomy codes). */
  accessibility: string[];
  /** Languages other than English the person reads or asked for care in: lines that speak one move up within their role. */
  languages: string[];
}

/** The roles to show: what the answers call for, then the crisis + DV baseline, then concern-related lines. */
export function planSafetyLines(
  profile: Pick<IntakeProfile, 'country' | 'region' | 'audiences' | 'accessibility' | 'concerns' | 'languages'>,
  safety: Pick<SafetyAssessment, 'reportedLineRoles'>,
  /** The language the person reads the response in (en, es). */
  locale = 'en',
): LinePlan {
  const roles: LinePlan['roles'] = safety.reportedLineRoles.map((role) => ({ role, max: PER_REPORTED_ROLE }));
  for (const role of ['crisis', 'domestic_violence'] as const) {
    if (!roles.some((r) => r.role === role)) roles.push({ role, max: PER_BASELINE_ROLE });
  }
  if (profile.concerns.includes('hidden_substance_use')) roles.push({ role: 'substance_use', max: PER_EXTRA_ROLE });
  if (profile.concerns.includes('gambling')) roles.push({ role: 'gambling', max: PER_EXTRA_ROLE });
  const territory = profile.country && Object.hasOwn(US_TERRITORIES, profile.country) ? US_TERRITORIES[profile.country] : undefined;
  const country = territory ? 'US' : (profile.country ?? DEFAULT_LINES_COUNTRY);
  const assumed =
    profile.country && !profile.region && Object.hasOwn(ASSUMED_LINES_REGION, country) ? ASSUMED_LINES_REGION[country] : undefined;
  return {
    country,
    countryAssumed: !profile.country,
    region: profile.country ? (profile.region ?? territory ?? assumed) : undefined,
    regionAssumed: !!assumed,
    roles,
    audiences: [...new Set(profile.audiences)],
    accessibility: [...new Set(profile.accessibility)],
    languages: [...new Set([...(locale === 'en' ? [] : [locale]), ...profile.languages])].filter((l) => l !== 'en'),
  };
}

/** Routes a Deaf or hard-of-hearing person can use without hearing a voice call, for a plan that names the audience only. */
const DEAF_ROUTES = ['asl', 'videophone', 'tty'];

/** The contact channel types that serve each accessibility need. */
const CHANNELS_FOR_NEED: Record<string, string[]> = {
  asl: ['videophone'],
  videophone: ['videophone'],
  tty: ['tty'],
  relay: ['relay'],
  text_based: ['text', 'chat'],
};

/** The channel types to show first for this person, most needed first (none: keep the curated order). */
function channelsFirst(plan: Pick<LinePlan, 'audiences' | 'accessibility'>): string[] {
  const needs = plan.accessibility.length ? plan.accessibility : plan.audiences.includes('deaf_hard_of_hearing') ? DEAF_ROUTES : [];
  return [...new Set(needs.flatMap((need) => CHANNELS_FOR_NEED[need] ?? []))];
}

/** A line's channels with the routes the person needs first (a stable order otherwise). */
export function orderChannels<C extends { type: string }>(
  channels: readonly C[],
  plan: Pick<LinePlan, 'audiences' | 'accessibility'>,
): C[] {
  const first = channelsFirst(plan);
  const rank = (c: C) => (first.includes(c.type) ? first.indexOf(c.type) : first.length);
  return channels
    .map((channel, i) => ({ channel, i }))
    .sort((a, b) => rank(a.channel) - rank(b.channel) || a.i - b.i)
    .map(({ channel }) => channel);
}

/** 1 when the line serves the person in one of their languages (or none was asked for). */
const speaks = (line: MatchableResource, plan: LinePlan) =>
  !plan.languages.length || plan.languages.some((l) => line.languages.includes(l)) ? 1 : 0;

/** How closely a line fits the person: shared audiences, then a regional line where they are. */
function specificity(line: MatchableResource, plan: LinePlan): number {
  let score = 0;
  for (const audience of line.audiences) {
    if (plan.audiences.includes(audience)) score += 4;
    else if (audience !== 'unmarried_couples') score -= 1; // a line for another group sinks below the general one
  }
  // Reachable the way the person needs: each need met counts (ASL by videophone for a Deaf person who signs).
  if (plan.accessibility.length) score += 2 * accessibilityMet(plan.accessibility, line).length;
  // Deaf, with no needs named: a line with a sign-language or TTY route.
  else if (plan.audiences.includes('deaf_hard_of_hearing') && DEAF_ROUTES.some((code) => line.accessibility.includes(code))) score += 2;
  // A line only for some people (women only, men only) comes after one for everyone.
  score -= line.eligibility.filter((code) => ELIGIBLE_WITH[code] === '*').length;
  if (plan.region && line.serviceAreas.includes(plan.region)) score += 1;
  return score;
}

/** A line for LGBTQ+ people, for a person who did not ask for LGBTQ+ affirming care. */
const forUnaskedLgbtq = (line: MatchableResource, plan: LinePlan) =>
  line.audiences.includes('lgbtq_affirming') && !plan.audiences.includes('lgbtq_affirming');

const byName = new Intl.Collator('en').compare;

const around = (l: MatchableResource) => (l.availability.includes('around_the_clock') ? 1 : 0);

/** Reachable by a call or a text, not only through a website. */
const isReachableNow = (l: MatchableResource) =>
  !!l.phone || l.contactChannels.some((c) => ['call', 'text', 'tty', 'videophone', 'relay'].includes(c.type));

/** The lines to show, in order, each at most once (at its first role). */
export function chooseSafetyLines(lines: readonly MatchableResource[], plan: LinePlan): MatchableResource[] {
  const usable = lines.filter(
    (l) =>
      l.kind === 'hotline' &&
      l.status === 'active' &&
      !l.demo &&
      l.freshness?.status !== 'stale' &&
      servesPlace(l, plan.country, plan.region) &&
      isEligible(l, plan.audiences),
  );
  const chosen: MatchableResource[] = [];
  const seen = new Set<string>();
  for (const { role, max } of plan.roles) {
    const all = usable
      .filter((l) => l.lineRoles.includes(role))
      .map((l) => ({ line: l, score: specificity(l, plan) }))
      // Equal fit: a line in the person's language first, then one open at any hour before one with limited hours.
      .sort(
        (a, b) =>
          b.score - a.score ||
          speaks(b.line, plan) - speaks(a.line, plan) ||
          around(b.line) - around(a.line) ||
          byName(a.line.name, b.line.name) ||
          (a.line.id < b.line.id ? -1 : 1),
      );
    // Lines for another group (Trevor for adults, an Indigenous line for everyone) only when nothing else serves the role.
    // An LGBTQ+ line only for a person who asked for LGBTQ+ affirming care: being young says nothing about it (Trevor).
    const fitting = all.filter((r) => (r.score >= 0 || r.line.eligibility.length > 0) && !forUnaskedLgbtq(r.line, plan));
    const ranked = fitting.length ? fitting : all;
    let taken = 0;
    const forRole: MatchableResource[] = [];
    for (const { line } of ranked) {
      if (taken >= max) break;
      taken++; // a line already shown for an earlier role still fills this role's place
      forRole.push(line);
      if (seen.has(line.id)) continue;
      seen.add(line.id);
      chosen.push(line);
    }
    // A role served only by a website (a shelter finder) also gets a number to call: 211-style referral.
    if (forRole.length && !forRole.some(isReachableNow)) {
      const referral = usable.find((l) => l.lineRoles.includes('information_referral') && isReachableNow(l) && !seen.has(l.id));
      if (referral) {
        seen.add(referral.id);
        chosen.push(referral);
      }
    }
  }
  return chosen;
}
