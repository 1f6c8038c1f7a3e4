import { msg, phrase } from '../../common/i18n/message.js';
import { accessibilityMet, SIGNING } from './accessibility.js';
import { offersNoRelationshipHelp, REMOTE_FORMATS } from './constraints.js';
import { discernmentOnly, helpTypeFit, LICENSED_KINDS } from './help-type.js';
import { EMPLOYER_PROGRAMS, type InsuranceFit, insuranceFit, planTypeOf } from './insurance.js';
import { fee, feePeriod, periodNote, reason } from './reason.js';
import type { Candidate, HelpType, IntakeProfile, Match, MatchableResource, Reason } from './types.js';
import { CONCERN_SPECIALTIES, STALE_PENALTY, WEIGHTS } from './weights.js';
import {
  accessibilityPhrases,
  approachNames,
  audiencePhrases,
  availabilityPhrases,
  formatPhrases,
  languageNames,
  placeName,
  specialtyNames,
} from './words.js';

/**
 * One candidate's score as it is assembled: the weights it earns over the weights that apply to
 * this intake, and the reasons and caveats that say why. Each criterion below adds to it in turn.
 */
class ScoreSheet {
  earned = 0;
  possible = 0;
  readonly reasons: Reason[] = [];
  readonly caveats: Reason[] = [];

  /** A criterion that applies to this intake: `weight` is possible, `fraction` (0–1) of it earned. */
  add(weight: number, fraction: number): void {
    this.possible += weight;
    this.earned += weight * Math.max(0, Math.min(1, fraction));
  }
}

/** Who a service is only for, said of it as a caveat (caveat.eligibility_<code>): what the intake did not ask. */
const ELIGIBILITY_CAVEATS = [
  'women_only',
  'men_only',
  'military_community',
  'serving_military_only',
  'young_people_only',
  'native_american_only',
  'opposite_sex_couples_only',
  'married_couples_only',
];

const isRemote = (r: MatchableResource) => r.formats.some((f) => REMOTE_FORMATS.includes(f));

/** The radius the candidate search reached (types.ts, searchRadiusKm). */
export const searchRadiusKm = (profile: Pick<IntakeProfile, 'maxTravelKm' | 'searchRadiusKm'>) =>
  profile.searchRadiusKm ?? profile.maxTravelKm;

export function within(r: Pick<MatchableResource, 'cost'>, budgetMinor: number): 'free' | 'fee' | 'sliding' | false {
  if (r.cost.free) return 'free';
  if (r.cost.feeMin !== null && r.cost.feeMin <= budgetMinor) return 'fee';
  if (r.cost.slidingScale && r.cost.feeMin === null) return 'sliding';
  return false;
}

/** Scores one candidate: the weights it earns over the weights that apply to this intake. */
export function scoreCandidate(profile: IntakeProfile, help: HelpType, c: Candidate): Match {
  const r = c.resource;
  const sheet = new ScoreSheet();
  scoreConcernFit(sheet, profile, help, r);
  scoreHelpTypeFit(sheet, profile, help, r);
  const insurance =
    profile.insurance && profile.insurance !== 'none' && r.kind !== 'directory' && !r.cost.free
      ? insuranceFit(profile.insurance, r)
      : undefined;
  scoreAffordability(sheet, profile, r, insurance);
  scoreInsurance(sheet, profile, r, insurance);
  scoreFormatFit(sheet, profile, c);
  scorePlace(sheet, profile, c);
  scoreLanguage(sheet, profile, r);
  scorePreferences(sheet, profile, help, r);
  scoreAccessibility(sheet, profile, r);
  scoreCapacity(sheet, r);
  const score = staleAdjusted(sheet, r);
  sayListingLimits(sheet, help, r);
  return { resource: r, score: Math.round(score * 1000) / 1000, reasons: sheet.reasons, caveats: sheet.caveats };
}

/** What broke trust: the share of the concerns the resource lists a specialty for. */
function scoreConcernFit(sheet: ScoreSheet, profile: IntakeProfile, help: HelpType, r: MatchableResource): void {
  const wanted = profile.concerns
    .map((concern) => (Object.hasOwn(CONCERN_SPECIALTIES, concern) ? CONCERN_SPECIALTIES[concern] : []))
    .filter((s) => s.length > 0);
  // With abuse or self-harm the concern is safety, not the relationship issue: concern fit does not count.
  if (!wanted.length || help === 'safety_first' || profile.safety.selfHarmRisk) return;
  const covered = wanted.filter((specs) => specs.some((s) => r.specialties.includes(s)));
  sheet.add(WEIGHTS.concernFit, covered.length / wanted.length);
  const named = [...new Set(covered.map((specs) => specs.find((s) => r.specialties.includes(s))!))];
  if (named.length) {
    const topics = specialtyNames(named);
    sheet.reasons.push(
      reason('specialty_match', r.kind === 'directory' ? 'reason.specialty_match.directory' : 'reason.specialty_match', { topics }),
    );
  }
}

function scoreHelpTypeFit(sheet: ScoreSheet, profile: IntakeProfile, help: HelpType, r: MatchableResource): void {
  const fit = helpTypeFit(r, help, profile.concerns);
  sheet.add(WEIGHTS.helpTypeFit, fit.fit);
  if (fit.reason) sheet.reasons.push(fit.reason);
}

/** Cost against the budget, when one was given (a directory charges nothing to search). */
function scoreAffordability(sheet: ScoreSheet, profile: IntakeProfile, r: MatchableResource, insurance: InsuranceFit | undefined): void {
  if (profile.budgetMinor === undefined || r.kind === 'directory') return;
  const period = r.cost.feePeriod ?? 'per_session';
  // A budget of 0 means "free options": never "your budget of $0".
  const needsFree = profile.budgetMinor === 0;
  const budget = fee(r, profile.budgetMinor);
  const ok = within(r, profile.budgetMinor);
  if (!ok && insurance?.status === 'accepted') {
    // Their plan pays: a Medicaid member usually pays nothing, others a copay.
    sheet.add(WEIGHTS.affordability, 1);
    const type = planTypeOf(profile.insurance!);
    sheet.reasons.push(reason('covered_by_plan', type === 'medicaid' ? 'reason.covered_by_plan.medicaid' : 'reason.covered_by_plan'));
  } else if (!r.cost.free && (period === 'per_program' || period === 'one_time') && r.cost.feeMin !== null) {
    // A program or one-time price is not a per-session fee: say what it is instead of judging it.
    sheet.add(WEIGHTS.affordability, 0.5);
    sheet.caveats.push(reason('program_fee', 'caveat.program_fee', { fee: fee(r, r.cost.feeMin), period: feePeriod(period) }));
  } else if (ok === 'free') {
    sheet.add(WEIGHTS.affordability, 1);
    sheet.reasons.push(reason('free', 'reason.free'));
  } else if (ok === 'sliding' && needsFree) {
    sheet.add(WEIGHTS.affordability, 0.75);
    sheet.reasons.push(reason('sliding_scale', 'reason.sliding_scale'));
  } else if (ok) {
    sheet.add(WEIGHTS.affordability, 1);
    sheet.reasons.push(
      reason('within_budget', 'reason.within_budget', {
        budget,
        periodNote: periodNote(r),
        slidingNote: r.cost.slidingScale ? phrase('reason.note.slidingScale') : '',
      }),
    );
  } else if (r.cost.slidingScale) {
    sheet.add(WEIGHTS.affordability, 0.5);
    sheet.caveats.push(
      needsFree
        ? reason('fee_above_budget_sliding_scale', 'caveat.fee_above_budget_sliding_scale.free')
        : reason('fee_above_budget_sliding_scale', 'caveat.fee_above_budget_sliding_scale', { budget }),
    );
  } else {
    sheet.add(WEIGHTS.affordability, 0);
    sheet.caveats.push(
      r.cost.feeMin === null
        ? reason('fee_unknown', 'caveat.fee_unknown')
        : needsFree
          ? reason('not_free', 'caveat.not_free')
          : reason('fee_above_budget', 'caveat.fee_above_budget', { budget, periodNote: periodNote(r) }),
    );
  }
}

/** Their insurer, when they named one; without insurance, a service that needs none says so. */
function scoreInsurance(sheet: ScoreSheet, profile: IntakeProfile, r: MatchableResource, insurance: InsuranceFit | undefined): void {
  if (profile.insurance && profile.insurance !== 'none' && r.kind !== 'directory') {
    sheet.add(WEIGHTS.insurance, !insurance ? 1 : insurance.status === 'accepted' ? 1 : insurance.status === 'ask' ? 0.5 : 0);
    if (insurance?.status === 'accepted')
      sheet.reasons.push(
        insurance.name === EMPLOYER_PROGRAMS
          ? reason('insurance_accepted', 'reason.insurance_accepted.employer')
          : reason('insurance_accepted', 'reason.insurance_accepted', { insurer: insurance.name }),
      );
    else if (insurance?.status === 'ask') sheet.caveats.push(reason('insurance_ask', 'caveat.insurance_ask'));
    else if (insurance?.status === 'not_listed') sheet.caveats.push(reason('insurance_not_accepted', 'caveat.insurance_not_accepted'));
    else if (insurance?.status === 'not_accepted') sheet.caveats.push(reason('insurance_not_taken', 'caveat.insurance_not_taken'));
  } else if (profile.insurance === 'none' && r.cost.noInsuranceNeeded && !r.cost.free) {
    sheet.reasons.push(reason('no_insurance_needed', 'reason.no_insurance_needed'));
  }
}

function scoreFormatFit(sheet: ScoreSheet, profile: IntakeProfile, c: Candidate): void {
  const r = c.resource;
  // In person counts only when the office is within reach (a distance was measured); a directory has no sessions.
  const offered = profile.formats.length
    ? r.formats.filter((f) => profile.formats.includes(f) && (f !== 'in_person' || c.distanceMeters !== undefined))
    : [];
  if (profile.formats.length && r.kind !== 'directory') {
    sheet.add(WEIGHTS.formatFit, offered.length ? 1 : 0);
    if (offered.length) sheet.reasons.push(reason('format_match', 'reason.format_match', { formats: formatPhrases(offered) }));
  }
}

/** How near the office is, or where remote help is offered (and licensed). */
function scorePlace(sheet: ScoreSheet, profile: IntakeProfile, c: Candidate): void {
  const r = c.resource;
  // "Licensed" only with a licensed credential: a service of a counseling kind may list none (OurRitual, OURS).
  const licensed = LICENSED_KINDS.includes(r.kind) && r.credentials.includes('licensed_clinician');
  const servesRegion = !!profile.region && isRemote(r) && r.serviceAreas.some((a) => a === profile.region || a === profile.country);
  // Beyond the radius the search says it reached, remote help is said as where it serves (review 15, L1).
  const saidNear = c.distanceMeters !== undefined && (!servesRegion || c.distanceMeters <= searchRadiusKm(profile) * 1000);
  if (c.distanceMeters !== undefined) {
    const km = c.distanceMeters / 1000;
    sheet.add(WEIGHTS.proximity, 1 - km / Math.max(profile.maxTravelKm, 1));
  }
  if (saidNear) {
    sheet.reasons.push({ code: 'distance', message: msg('reason.distance', { distance: { distanceMeters: c.distanceMeters! } }) });
  } else if (servesRegion) {
    sheet.reasons.push(
      licensed
        ? reason('licensed_in_region', 'reason.licensed_in_region', { place: placeName(profile.region!) })
        : reason('serves_region', 'reason.serves_region', { place: placeName(profile.region!) }),
    );
  } else if (c.distanceMeters === undefined && isRemote(r) && !profile.region && LICENSED_KINDS.includes(r.kind)) {
    sheet.caveats.push(
      reason(
        'licensure_unverified',
        profile.country === 'CA' ? 'caveat.licensure_unverified.province' : 'caveat.licensure_unverified.state',
      ),
    );
  }
}

/** A language other than English, when asked for. */
function scoreLanguage(sheet: ScoreSheet, profile: IntakeProfile, r: MatchableResource): void {
  const extraLanguages = profile.languages.filter((l) => l !== 'en');
  // Books and apps are material in a language, not a conversation: no interpreter to ask for (review 15, L2).
  const material = r.kind === 'self_guided';
  if (extraLanguages.length) {
    const spoken = extraLanguages.filter((l) => r.languages.includes(l));
    sheet.add(WEIGHTS.language, spoken.length ? 1 : 0);
    if (spoken.length)
      sheet.reasons.push(
        reason('language_match', r.kind === 'directory' ? 'reason.language_match.directory' : 'reason.language_match', {
          languages: languageNames(spoken),
        }),
      );
    else if (!material)
      sheet.caveats.push(
        r.kind === 'directory'
          ? reason('language_not_listed', 'caveat.language_not_listed.directory', { languages: languageNames(extraLanguages) })
          : reason('language_not_listed', 'caveat.language_not_listed', { languages: languageNames(extraLanguages) }),
      );
  }
  // Only for a language asked for: the codes of a match never depend on the language it is read in.
  if (material && extraLanguages.length && !extraLanguages.some((l) => r.languages.includes(l)) && r.languages.length)
    sheet.caveats.push(reason('material_language', 'caveat.material_language', { languages: languageNames(r.languages) }));
}

/** Approach, audience and availability preferences: the share of each met. */
function scorePreferences(sheet: ScoreSheet, profile: IntakeProfile, help: HelpType, r: MatchableResource): void {
  const audiences = [...profile.audiences];
  // Welcoming unmarried couples matters for couples work, not for help one partner gets alone (never "couples" words then).
  if (
    (profile.relationship === 'unmarried' || profile.relationship === 'engaged') &&
    (help === 'couples_counseling' || help === 'discernment_counseling')
  )
    audiences.push('unmarried_couples');
  scoreShareMet(sheet, WEIGHTS.approach, profile.approaches, r.approaches, 'approach_match', (hit) =>
    msg('reason.approach_match', { approaches: approachNames(hit) }),
  );
  scoreShareMet(sheet, WEIGHTS.audience, [...new Set(audiences)], r.audiences, 'audience_match', (hit) =>
    msg('reason.audience_match', { audiences: audiencePhrases(hit) }),
  );
  scoreShareMet(sheet, WEIGHTS.availability, profile.availability, r.availability, 'availability_match', (hit) =>
    msg('reason.availability_match', { times: availabilityPhrases(hit) }),
  );
  if (profile.audiences.includes('lgbtq_affirming') && !r.audiences.includes('lgbtq_affirming')) {
    sheet.caveats.push(reason('not_listed_lgbtq_affirming', 'caveat.not_listed_lgbtq_affirming'));
  }
}

/** One preference list: the share of `want` the resource `has`, said with `say` when any is met. */
function scoreShareMet(
  sheet: ScoreSheet,
  weight: number,
  want: readonly string[],
  have: readonly string[],
  code: string,
  say: (hit: string[]) => Reason['message'],
): void {
  if (!want.length) return;
  const hit = want.filter((w) => have.includes(w));
  sheet.add(weight, hit.length / want.length);
  if (hit.length) sheet.reasons.push({ code, message: say(hit) });
}

/** Accessibility needs: each one met is said, each one not met is a caveat with what to ask. */
function scoreAccessibility(sheet: ScoreSheet, profile: IntakeProfile, r: MatchableResource): void {
  const needs = [...new Set(profile.accessibility)];
  if (needs.length) {
    const met = accessibilityMet(needs, r);
    const listed = met.filter((code) => r.accessibility.includes(code));
    if (listed.length)
      sheet.reasons.push(reason('accessibility_match', 'reason.accessibility_match', { needs: accessibilityPhrases(listed) }));
    for (const code of needs.filter((c) => !met.includes(c))) {
      // A provider that arranges interpreters (sign language included) is the next best thing to one listed with ASL.
      const interpreters = code === 'asl' && r.accessibility.includes('interpreter_on_request');
      sheet.caveats.push(reason(`not_listed_${code}`, interpreters ? 'caveat.not_listed_asl.interpreters' : `caveat.not_listed_${code}`));
    }
  } else if (profile.audiences.includes('deaf_hard_of_hearing') && !SIGNING.some((code) => r.accessibility.includes(code))) {
    // Asked only as an audience (older clients): whether it signs is now a fact of its accessibility codes.
    sheet.caveats.push(reason('not_listed_deaf_accessible', 'caveat.not_listed_deaf_accessible'));
  }
}

/** Can it start soon (a directory has none of its own: each listed therapist has theirs). */
function scoreCapacity(sheet: ScoreSheet, r: MatchableResource): void {
  // An information line is not a service with clients: never "accepting new clients" (the weight stays, for the bounds).
  const informationOnly = offersNoRelationshipHelp(r);
  if (informationOnly) sheet.caveats.push(reason('information_not_counseling', 'caveat.information_not_counseling'));
  if (r.kind === 'directory' || r.kind === 'self_guided') return;
  sheet.add(WEIGHTS.capacity, r.acceptingNewClients ? 1 : 0);
  if (r.acceptingNewClients && !informationOnly) sheet.reasons.push(reason('accepting_new_clients', 'reason.accepting_new_clients'));
  else
    sheet.caveats.push(
      r.waitTimeDays ? reason('waitlist', 'caveat.waitlist.days', { days: r.waitTimeDays }) : reason('waitlist', 'caveat.waitlist'),
    );
}

/** The share of the weights earned (0–1), less the stale penalty. */
function staleAdjusted(sheet: ScoreSheet, r: MatchableResource): number {
  let score = sheet.possible ? sheet.earned / sheet.possible : 0;
  // Stale details: ranked lower and said plainly (weights.ts, STALE_PENALTY). Due gets nothing: still within a year.
  if (r.freshness?.status === 'stale') {
    score = Math.max(0, score - STALE_PENALTY);
    const days = r.freshness.checkedDaysAgo;
    sheet.caveats.push(
      days !== null && days < 365
        ? reason('details_stale', 'caveat.details_stale.months', { months: Math.floor(days / 30) })
        : reason('details_stale', 'caveat.details_stale'),
    );
  }
  return score;
}

/** The listing's own limits, said as caveats whatever the score. */
function sayListingLimits(sheet: ScoreSheet, help: HelpType, r: MatchableResource): void {
  // Eligibility the couple meets is a hard filter (constraints.ts), but what was not asked (gender,
  // marriage when not given, service status) is said plainly: the listing's own limits as caveats.
  for (const code of r.eligibility) {
    if (ELIGIBILITY_CAVEATS.includes(code)) sheet.caveats.push(reason(`eligibility_${code}`, `caveat.eligibility_${code}`));
  }
  if (r.notForCrisis) sheet.caveats.push(reason('not_for_crisis', 'caveat.not_for_crisis'));
  if (help === 'couples_counseling' && r.kind !== 'directory' && discernmentOnly(r))
    sheet.caveats.push(reason('discernment_only', 'caveat.discernment_only'));
  if (r.demo) sheet.caveats.push(reason('demo_listing', 'caveat.demo_listing'));
}
