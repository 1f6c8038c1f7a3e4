import { FEE_PERIODS, SPECIALTIES } from '../../taxonomy/taxonomy.js';
import { REMOTE_FORMATS } from './constraints.js';
import { insuranceFit, planTypeOf } from './insurance.js';
import type { Candidate, HelpType, IntakeProfile, Match, MatchableResource, Reason } from './types.js';
import { CONCERN_SPECIALTIES, familySupportSpecialties, WEIGHTS } from './weights.js';
import { andList, approachText, audienceText, availabilityText, distanceText, languageNames, placeName } from './words.js';

const FORMAT_WORDS: Record<string, string> = { in_person: 'in-person', video: 'video', phone: 'phone', chat: 'chat' };

// Intl.NumberFormat is costly to build (it was ~8% of intake CPU when made per candidate): reuse them.
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(minor: number, currency: string): string {
  const key = `${currency}:${minor % 100 === 0 ? 0 : 2}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: minor % 100 === 0 ? 0 : 2 });
    moneyFormats.set(key, format);
  }
  return format.format(minor / 100);
}

const feePeriodLabel = (code: string) => FEE_PERIODS.terms.find((t) => t.code === code)?.label ?? 'per session';
/** " (from $32 per week)" when a fee is not per session; "" otherwise. */
const periodNote = (r: MatchableResource) =>
  r.cost.feePeriod && r.cost.feePeriod !== 'per_session'
    ? ` (from ${formatMoney(r.cost.feeMin ?? 0, r.cost.currency)} ${feePeriodLabel(r.cost.feePeriod)})`
    : '';
const isRemote = (r: MatchableResource) => r.formats.some((f) => REMOTE_FORMATS.includes(f));
const specialtyLabel = (code: string) => SPECIALTIES.terms.find((t) => t.code === code)?.label.toLowerCase() ?? code;
/** A help-type fit at or above this delivers the recommended help (ranking tier and widening count). */
export const FITS_HELP = 0.6;

/** Kinds whose clinicians hold a licence; only these are ever called "licensed". */
export const LICENSED_KINDS = ['practice', 'clinic', 'online_service'];

/** Approaches that are couples therapy in their own right: with one of them, discernment counseling is not all a service offers. */
export const COUPLES_THERAPY_APPROACHES = ['gottman', 'eft', 'imago'];

/**
 * A service that offers discernment counseling and no couples therapy approach: short work for a
 * couple where one partner is leaning out, each partner mostly seen alone; not couples counseling.
 */
export const discernmentOnly = (r: Pick<MatchableResource, 'approaches'>) =>
  r.approaches.includes('discernment_counseling') && !r.approaches.some((a) => COUPLES_THERAPY_APPROACHES.includes(a));

/**
 * How well the kind of resource delivers the recommended help (0–1). A directory finds
 * therapists but provides no sessions itself, so it scores below any provider that fits.
 */
export function helpTypeFit(r: MatchableResource, help: HelpType, concerns: readonly string[] = []): { fit: number; reason?: Reason } {
  const counselor = LICENSED_KINDS.includes(r.kind);
  if (r.kind === 'directory') {
    // The discernment directory is how a leaning-out couple finds discernment counseling.
    if (help === 'discernment_counseling' && r.approaches.includes('discernment_counseling')) {
      return { fit: 0.75, reason: { code: 'directory', text: `find a discernment counselor near you through ${r.name}` } };
    }
    return {
      fit: help === 'safety_first' ? 0.2 : 0.45,
      reason: { code: 'directory', text: `find a therapist near you through ${r.name}` },
    };
  }
  // A partner who will not come can still get help for themselves: family groups for drinking, drugs or gambling.
  const family = familySupportSpecialties(concerns);
  const aboutConcerns = concerns.flatMap((c) => (Object.hasOwn(CONCERN_SPECIALTIES, c) ? CONCERN_SPECIALTIES[c] : []));
  const familySupport = r.kind === 'support_group' && family.some((s) => r.specialties.includes(s));
  switch (help) {
    case 'couples_counseling':
      // Discernment-only help is for a mixed agenda, not for a couple who both want couples work (caveat in scoreCandidate).
      if (discernmentOnly(r)) return { fit: 0.3 };
      if (counselor && (r.jointSessions || r.formats.includes('in_person')))
        return { fit: 1, reason: { code: 'couples_sessions', text: 'sees both partners together' } };
      if (r.kind === 'workshop') return { fit: 0.7, reason: { code: 'couples_workshop', text: 'a structured workshop for couples' } };
      // Sessions with one partner at a time (OurRitual's one-on-one model, individual therapy) are not couples counseling.
      if (counselor) return { fit: 0.5 };
      if (r.kind === 'self_guided') return { fit: 0.3, reason: { code: 'self_guided', text: 'something you can start together at home' } };
      return { fit: r.kind === 'support_group' ? 0.4 : 0.3 };
    case 'discernment_counseling':
      if (r.approaches.includes('discernment_counseling'))
        return {
          fit: 1,
          reason: {
            code: 'discernment_counseling',
            text: 'offers discernment counseling, for when one of you is unsure about staying together',
          },
        };
      if (counselor && r.specialties.includes('individual_support'))
        return { fit: 0.5, reason: { code: 'individual_support', text: 'also counsels partners individually' } };
      if (familySupport)
        return { fit: 0.6, reason: { code: 'family_support', text: 'support for you as a partner, whatever your partner decides' } };
      return { fit: counselor ? 0.3 : 0.2 };
    case 'individual_counseling':
    case 'safety_first':
      if (r.specialties.includes('domestic_violence') && help === 'safety_first')
        return { fit: 1, reason: { code: 'domestic_violence_specialist', text: 'experienced with abuse and coercive control' } };
      if (counselor && r.specialties.includes('individual_support'))
        return { fit: 0.9, reason: { code: 'individual_support', text: 'offers individual counseling' } };
      if (familySupport && help === 'individual_counseling')
        return { fit: 0.85, reason: { code: 'family_support', text: 'support for you as a partner, whatever your partner decides' } };
      // A group for the person on their own about what happened to them, such as a therapist-led one for betrayed partners.
      if (
        r.kind === 'support_group' &&
        r.specialties.includes('individual_support') &&
        r.specialties.some((s) => aboutConcerns.includes(s))
      )
        return { fit: 0.7, reason: { code: 'group_support', text: 'a group for you on your own, with others in the same situation' } };
      if (r.kind === 'self_guided')
        return {
          fit: help === 'individual_counseling' ? 0.6 : 0.2,
          reason: { code: 'self_guided', text: 'something you can start on your own today' },
        };
      return { fit: 0.4 };
  }
}

export function within(r: Pick<MatchableResource, 'cost'>, budgetMinor: number): 'free' | 'fee' | 'sliding' | false {
  if (r.cost.free) return 'free';
  if (r.cost.feeMin !== null && r.cost.feeMin <= budgetMinor) return 'fee';
  if (r.cost.slidingScale && r.cost.feeMin === null) return 'sliding';
  return false;
}

/** Who a service is only for, said of it (caveat code `eligibility_<code>`). */
const ELIGIBILITY_CAVEATS: Record<string, string> = {
  women_only: 'only serves women',
  men_only: 'only serves men',
  military_community: 'only for service members, veterans and their families',
  serving_military_only: 'only for serving members of the military, National Guard and Reserve and their families',
  young_people_only: 'only for young people',
  native_american_only: 'only for Native American and Alaska Native people',
  opposite_sex_couples_only: 'only for couples of a man and a woman',
  married_couples_only: 'only for married couples (separated ones included)',
};

/** Scores one candidate: the weights it earns over the weights that apply to this intake. */
export function scoreCandidate(profile: IntakeProfile, help: HelpType, c: Candidate): Match {
  const r = c.resource;
  const reasons: Reason[] = [];
  const caveats: Reason[] = [];
  let earned = 0;
  let possible = 0;
  const add = (weight: number, fraction: number) => {
    possible += weight;
    earned += weight * Math.max(0, Math.min(1, fraction));
  };

  // What broke trust.
  const wanted = profile.concerns
    .map((concern) => (Object.hasOwn(CONCERN_SPECIALTIES, concern) ? CONCERN_SPECIALTIES[concern] : []))
    .filter((s) => s.length > 0);
  // With abuse or self-harm the concern is safety, not the relationship issue: concern fit does not count.
  if (wanted.length && help !== 'safety_first' && !profile.safety.selfHarmRisk) {
    const covered = wanted.filter((specs) => specs.some((s) => r.specialties.includes(s)));
    add(WEIGHTS.concernFit, covered.length / wanted.length);
    const named = [...new Set(covered.map((specs) => specs.find((s) => r.specialties.includes(s))!))];
    if (named.length) {
      const topics = andList(named.map(specialtyLabel));
      reasons.push({
        code: 'specialty_match',
        text: r.kind === 'directory' ? `lists therapists who work on ${topics}` : `specializes in ${topics}`,
      });
    }
  }

  const fit = helpTypeFit(r, help, profile.concerns);
  add(WEIGHTS.helpTypeFit, fit.fit);
  if (fit.reason) reasons.push(fit.reason);

  // Cost.
  const insurance =
    profile.insurance && profile.insurance !== 'none' && r.kind !== 'directory' && !r.cost.free
      ? insuranceFit(profile.insurance, r)
      : undefined;
  const period = r.cost.feePeriod ?? 'per_session';
  if (profile.budgetMinor !== undefined && r.kind !== 'directory') {
    // A budget of 0 means "free options": never "your budget of $0".
    const needsFree = profile.budgetMinor === 0;
    const budget = formatMoney(profile.budgetMinor, r.cost.currency);
    const ok = within(r, profile.budgetMinor);
    if (!ok && insurance?.status === 'accepted') {
      // Their plan pays: a Medicaid member usually pays nothing, others a copay.
      add(WEIGHTS.affordability, 1);
      const type = planTypeOf(profile.insurance!);
      reasons.push({
        code: 'covered_by_plan',
        text: type === 'medicaid' ? 'usually no cost to you with Medicaid' : 'your plan may cover most of the cost: ask about your copay',
      });
    } else if (!r.cost.free && (period === 'per_program' || period === 'one_time') && r.cost.feeMin !== null) {
      // A program or one-time price is not a per-session fee: say what it is instead of judging it.
      add(WEIGHTS.affordability, 0.5);
      caveats.push({ code: 'program_fee', text: `costs ${formatMoney(r.cost.feeMin, r.cost.currency)} ${feePeriodLabel(period)}` });
    } else if (ok === 'free') {
      add(WEIGHTS.affordability, 1);
      reasons.push({ code: 'free', text: 'free of charge' });
    } else if (ok === 'sliding' && needsFree) {
      add(WEIGHTS.affordability, 0.75);
      reasons.push({ code: 'sliding_scale', text: 'fees on a sliding scale: ask about a reduced or waived fee' });
    } else if (ok) {
      add(WEIGHTS.affordability, 1);
      reasons.push({
        code: 'within_budget',
        text: `within your budget of ${budget}${periodNote(r)}${r.cost.slidingScale ? ' (sliding scale)' : ''}`,
      });
    } else if (r.cost.slidingScale) {
      add(WEIGHTS.affordability, 0.5);
      caveats.push({
        code: 'fee_above_budget_sliding_scale',
        text: needsFree
          ? 'not free, but fees are on a sliding scale: ask about a reduced fee'
          : `fee above your budget of ${budget}, but sliding scale available`,
      });
    } else {
      add(WEIGHTS.affordability, 0);
      caveats.push({
        code: r.cost.feeMin === null ? 'fee_unknown' : needsFree ? 'not_free' : 'fee_above_budget',
        text:
          r.cost.feeMin === null
            ? 'fees not published: ask before booking'
            : needsFree
              ? 'not free'
              : `fee above your budget of ${budget}${periodNote(r)}`,
      });
    }
  }
  if (profile.insurance && profile.insurance !== 'none' && r.kind !== 'directory') {
    add(WEIGHTS.insurance, !insurance ? 1 : insurance.status === 'accepted' ? 1 : insurance.status === 'ask' ? 0.5 : 0);
    if (insurance?.status === 'accepted') reasons.push({ code: 'insurance_accepted', text: `accepts ${insurance.name}` });
    else if (insurance?.status === 'ask')
      caveats.push({ code: 'insurance_ask', text: 'takes insurance: ask whether your plan is accepted' });
    else if (insurance?.status === 'not_listed') caveats.push({ code: 'insurance_not_accepted', text: 'does not list your insurer' });
    else if (insurance?.status === 'not_accepted') caveats.push({ code: 'insurance_not_taken', text: 'does not take insurance' });
  } else if (profile.insurance === 'none' && r.cost.noInsuranceNeeded && !r.cost.free) {
    reasons.push({ code: 'no_insurance_needed', text: 'no insurance needed' });
  }

  // Format and place.
  // In person counts only when the office is within reach (a distance was measured); a directory has no sessions.
  const offered = profile.formats.length
    ? r.formats.filter((f) => profile.formats.includes(f) && (f !== 'in_person' || c.distanceMeters !== undefined))
    : [];
  if (profile.formats.length && r.kind !== 'directory') {
    add(WEIGHTS.formatFit, offered.length ? 1 : 0);
    if (offered.length)
      reasons.push({ code: 'format_match', text: `offers ${offered.map((f) => FORMAT_WORDS[f]).join(' and ')} sessions` });
  }
  // "Licensed" only with a licensed credential: a service of a counseling kind may list none (OurRitual, OURS).
  const licensed = LICENSED_KINDS.includes(r.kind) && r.credentials.includes('licensed_clinician');
  if (c.distanceMeters !== undefined) {
    const km = c.distanceMeters / 1000;
    add(WEIGHTS.proximity, 1 - km / Math.max(profile.maxTravelKm, 1));
    reasons.push({ code: 'distance', text: distanceText(c.distanceMeters, profile.country) });
  } else if (profile.region && isRemote(r) && r.serviceAreas.some((a) => a === profile.region || a === profile.country)) {
    reasons.push(
      licensed
        ? { code: 'licensed_in_region', text: `licensed to serve clients in ${placeName(profile.region)}` }
        : { code: 'serves_region', text: `available in ${placeName(profile.region)}` },
    );
  } else if (isRemote(r) && !profile.region && LICENSED_KINDS.includes(r.kind)) {
    caveats.push({
      code: 'licensure_unverified',
      text: `check that they can serve the ${profile.country === 'CA' ? 'province' : 'state'} you live in`,
    });
  }

  // Language and preferences.
  const extraLanguages = profile.languages.filter((l) => l !== 'en');
  if (extraLanguages.length) {
    const spoken = extraLanguages.filter((l) => r.languages.includes(l));
    add(WEIGHTS.language, spoken.length ? 1 : 0);
    if (spoken.length)
      reasons.push({
        code: 'language_match',
        text: `${r.kind === 'directory' ? 'lists therapists who speak' : 'sessions in'} ${languageNames(spoken)}`,
      });
    else caveats.push({ code: 'language_not_listed', text: `does not list ${languageNames(extraLanguages)}: ask about an interpreter` });
  }
  const audiences = [...profile.audiences];
  // Welcoming unmarried couples matters for couples work, not for help one partner gets alone (never "couples" words then).
  if (
    (profile.relationship === 'unmarried' || profile.relationship === 'engaged') &&
    (help === 'couples_counseling' || help === 'discernment_counseling')
  )
    audiences.push('unmarried_couples');
  for (const [weight, want, have, code, say] of [
    [WEIGHTS.approach, profile.approaches, r.approaches, 'approach_match', approachText],
    [WEIGHTS.audience, [...new Set(audiences)], r.audiences, 'audience_match', audienceText],
    [WEIGHTS.availability, profile.availability, r.availability, 'availability_match', availabilityText],
  ] as const) {
    if (!want.length) continue;
    const hit = want.filter((w) => have.includes(w));
    add(weight, hit.length / want.length);
    if (hit.length) reasons.push({ code, text: say(hit) });
  }
  if (profile.audiences.includes('lgbtq_affirming') && !r.audiences.includes('lgbtq_affirming')) {
    caveats.push({ code: 'not_listed_lgbtq_affirming', text: 'not listed as LGBTQ+ affirming' });
  }
  if (profile.audiences.includes('deaf_hard_of_hearing') && !r.audiences.includes('deaf_hard_of_hearing')) {
    caveats.push({ code: 'not_listed_deaf_accessible', text: 'not listed as accessible in sign language: ask about an interpreter' });
  }

  // Capacity (a directory has none of its own: each listed therapist has theirs).
  if (r.kind !== 'directory' && r.kind !== 'self_guided') {
    add(WEIGHTS.capacity, r.acceptingNewClients ? 1 : 0);
    if (r.acceptingNewClients) reasons.push({ code: 'accepting_new_clients', text: 'accepting new clients' });
    else
      caveats.push({
        code: 'waitlist',
        text: r.waitTimeDays ? `waitlist of about ${r.waitTimeDays} days` : 'not taking new clients right now',
      });
  }

  const score = possible ? earned / possible : 0;
  // Eligibility the couple meets is a hard filter (constraints.ts), but what was not asked (gender,
  // marriage when not given, service status) is said plainly: the listing's own limits as caveats.
  for (const code of r.eligibility) {
    if (Object.hasOwn(ELIGIBILITY_CAVEATS, code)) caveats.push({ code: `eligibility_${code}`, text: ELIGIBILITY_CAVEATS[code] });
  }
  if (r.notForCrisis) caveats.push({ code: 'not_for_crisis', text: 'says it is not for people in a crisis' });
  if (help === 'couples_counseling' && r.kind !== 'directory' && discernmentOnly(r))
    caveats.push({
      code: 'discernment_only',
      text: 'offers discernment counseling, for when one partner is unsure about staying, rather than ongoing couples counseling',
    });
  if (r.demo) caveats.push({ code: 'demo_listing', text: 'a fictional example listing, not a real service' });
  return { resource: r, score: Math.round(score * 1000) / 1000, reasons, caveats };
}

// One collator for every comparison: localeCompare(…, 'en') builds one per call (3.9 → 0.13 ms for 300 names).
const byName = new Intl.Collator('en').compare;

/**
 * Strong preferences: when asked for, a language other than English, LGBTQ+ affirming care and
 * Deaf accessibility decide the order before the score does: a resource that meets more of them
 * outranks one that meets fewer (hard constraints have already been applied).
 */
export function strongPreferencesMet(profile: Pick<IntakeProfile, 'languages' | 'audiences'>, r: MatchableResource): number {
  let met = 0;
  const languages = profile.languages.filter((l) => l !== 'en');
  if (languages.length && languages.some((l) => r.languages.includes(l))) met++;
  for (const audience of ['lgbtq_affirming', 'deaf_hard_of_hearing']) {
    if (profile.audiences.includes(audience) && r.audiences.includes(audience)) met++;
  }
  return met;
}

/**
 * 1 when the help is for one person on their own (individual counseling, safety first) and the
 * provider is not taking new clients: someone in crisis, in danger or alone with a betrayal needs
 * help that can start now, so a waiting list ranks after every open provider that fits.
 */
export function waitlistedFor(help: HelpType, r: Pick<MatchableResource, 'kind' | 'acceptingNewClients'>): number {
  const individual = help === 'individual_counseling' || help === 'safety_first';
  return individual && r.kind !== 'directory' && r.kind !== 'self_guided' && !r.acceptingNewClients ? 1 : 0;
}

/** 1 for a domestic-violence specialist when safety comes first: the recommendation promises an advocate, so one comes first. */
export function advocateFor(help: HelpType, r: Pick<MatchableResource, 'specialties'>): number {
  return help === 'safety_first' && r.specialties.includes('domestic_violence') ? 1 : 0;
}

/** Where a match stands in the ranking: compared field by field by compareRankKeys. */
export interface RankKey {
  /** 1 when it delivers the recommended help (helpTypeFit ≥ FITS_HELP). */
  fits: number;
  /** waitlistedFor: a waiting list on the individual and safety paths. */
  waitlisted: number;
  /** advocateFor: a domestic-violence specialist on the safety path. */
  advocate: number;
  /** Strong preferences met (strongPreferencesMet). */
  strong: number;
  /** 1 for a directory when a provider fits the recommended help. */
  directoryLast: number;
  score: number;
  /** Metres; Infinity without a distance. */
  distance: number;
  name: string;
  id: string;
}

/** The ranking order: negative when `a` ranks before `b`. Total: ids differ. */
export function compareRankKeys(a: RankKey, b: RankKey): number {
  return (
    b.fits - a.fits ||
    a.waitlisted - b.waitlisted ||
    b.advocate - a.advocate ||
    b.strong - a.strong ||
    a.directoryLast - b.directoryLast ||
    b.score - a.score ||
    a.distance - b.distance ||
    byName(a.name, b.name) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Whether any candidate that is not a directory delivers the recommended help (then directories rank last). */
export function anyProviderFits(profile: Pick<IntakeProfile, 'concerns'>, help: HelpType, candidates: readonly Candidate[]): boolean {
  return candidates.some((c) => c.resource.kind !== 'directory' && helpTypeFit(c.resource, help, profile.concerns).fit >= FITS_HELP);
}

/**
 * Ranks candidates: strong preferences met, score, then nearer, then name and id, so equal inputs
 * give equal output. `providerFits` is anyProviderFits over every candidate; a caller ranking a
 * pre-selected subset (preselect.ts) passes the value for the whole set.
 */
export function rankCandidates(
  profile: IntakeProfile,
  help: HelpType,
  candidates: Candidate[],
  limit: number,
  providerFits = anyProviderFits(profile, help, candidates),
): Match[] {
  // Resources that deliver the recommended help come first; strong preferences order them, not a peer group above counseling.
  // A directory is never the top match when a provider fits the recommended help.
  return candidates
    .map((c) => {
      const match = scoreCandidate(profile, help, c);
      const r = c.resource;
      const key: RankKey = {
        fits: helpTypeFit(r, help, profile.concerns).fit >= FITS_HELP ? 1 : 0,
        waitlisted: waitlistedFor(help, r),
        advocate: advocateFor(help, r),
        strong: strongPreferencesMet(profile, r),
        directoryLast: providerFits && r.kind === 'directory' ? 1 : 0,
        score: match.score,
        distance: c.distanceMeters ?? Infinity,
        name: r.name,
        id: r.id,
      };
      return { match, key };
    })
    .sort((a, b) => compareRankKeys(a.key, b.key))
    .slice(0, limit)
    .map(({ match }) => match);
}
