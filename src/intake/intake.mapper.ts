import { msg } from '../common/i18n/message.js';
import { render, renderCoded, type RenderContext } from '../common/i18n/render.js';
import type { CandidateCriteria } from '../resources/candidate-criteria.js';
import type { ResourceResponse } from '../resources/dto/resource.response.js';
import { localizeResource } from '../resources/resource-texts.js';
import type { EmergencyNumberResponse, IntakeResponse, MatchResponse } from './dto/intake.response.js';
import type { CandidateConstraints } from './matching/constraints.js';
import type { EmergencyNumber } from './matching/emergency-numbers.js';
import { LICENSED_KINDS } from './matching/help-type.js';
import { nextSteps } from './matching/next-steps.js';
import type { Recommendation, SafetyAssessment } from './matching/safety.js';
import type { LinePlan } from './matching/safety-lines.js';
import type { IntakeProfile, Match, MatchableResource, Reason } from './matching/types.js';

/** The engine's hard constraints as the directory's candidate criteria (units and names of the directory): every candidate, no limit. */
export function toCandidateCriteria(c: CandidateConstraints): CandidateCriteria {
  return {
    kinds: c.kinds,
    specialtiesAny: c.specialtiesAny,
    excludeRequiresSafeRelationship: c.excludeSafeRelationshipsOnly,
    excludeNotForCrisis: c.excludeNotForCrisis,
    excludeEligibility: c.excludeEligibility,
    requireEligibility: c.requireEligibility,
    budget:
      c.budgetMinor === undefined
        ? undefined
        : { maxFeeMinor: c.budgetMinor, slidingScaleAboveBudget: c.allowSlidingAboveBudget, insuranceAccepted: c.insuranceGiven },
    languages: c.languages,
    point: c.point,
    radiusMeters: c.radiusKm * 1000,
    inPerson: c.inPersonAllowed,
    remoteFormats: c.remoteFormats,
    region: c.region,
    country: c.country,
    preferKinds: c.preferKinds,
    preferSpecialties: c.preferSpecialties,
  };
}

const DAY_MS = 86_400_000;

/**
 * A directory resource as the matching engine's model: the facts its rules read, nothing else.
 * `now` is the moment of the intake (freshness: how many days ago the details were confirmed).
 */
export function toMatchable(r: ResourceResponse, now: Date): MatchableResource {
  const verifiedAt = r.verification.lastVerifiedAt;
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    status: r.status,
    freshness: {
      status: r.verification.status,
      checkedDaysAgo: verifiedAt === null ? null : Math.max(0, Math.floor((now.getTime() - Date.parse(verifiedAt)) / DAY_MS)),
    },
    demo: r.provenance.demo,
    phone: r.phone,
    formats: r.formats,
    specialties: r.specialties,
    approaches: r.approaches,
    languages: r.languages,
    audiences: r.audiences,
    accessibility: r.accessibility,
    availability: r.availability,
    paymentOptions: r.paymentOptions,
    serviceAreas: r.serviceAreas,
    credentials: r.credentials,
    eligibility: r.eligibility,
    lineRoles: r.lineRoles,
    contactChannels: r.contactChannels,
    jointSessions: r.jointSessions,
    requiresSafeRelationship: r.safeRelationshipsOnly,
    notForCrisis: r.notForCrisis,
    acceptingNewClients: r.capacity.acceptingNewClients,
    waitTimeDays: r.capacity.waitTimeDays,
    cost: {
      free: r.cost.free,
      slidingScale: r.cost.slidingScale,
      feeMin: r.cost.feeMin,
      currency: r.cost.currency,
      feePeriod: r.cost.feePeriod,
      insuranceAccepted: r.cost.insuranceAccepted,
      insurers: r.cost.insurers,
      noInsuranceNeeded: r.cost.noInsuranceNeeded,
    },
  };
}

/** The engine's match, shown with the resource's public representation, its reasons in the reader's words. */
export function mapMatch(match: Match, resource: ResourceResponse, ctx: RenderContext): MatchResponse {
  return {
    resource: localizeResource(resource, ctx.locale),
    score: match.score,
    reasons: renderCoded(match.reasons, ctx),
    caveats: renderCoded(match.caveats, ctx),
  };
}

/** The emergency number of the person's country, its notes in the reader's words; null when unknown. */
export function mapEmergency(emergency: EmergencyNumber | undefined, ctx: RenderContext): EmergencyNumberResponse | null {
  if (!emergency) return null;
  return {
    country: emergency.country,
    number: emergency.number,
    alsoWorks: emergency.alsoWorks.map((other) =>
      other.service ? render(msg(`emergency.service.${other.service}`, { number: other.number }), ctx) : other.number,
    ),
    ...(emergency.ifYouCannotSpeak ? { ifYouCannotSpeak: render(emergency.ifYouCannotSpeak, ctx) } : {}),
  };
}

/** What an intake's response is made of: IntakeService.match's answer, before anything is stored. */
export interface IntakeOutcome {
  profile: IntakeProfile;
  safety: SafetyAssessment;
  recommendation: Recommendation;
  lines: ResourceResponse[];
  linePlan: LinePlan;
  matches: { match: Match; resource: ResourceResponse }[];
  accountability: ResourceResponse[];
  relaxations: Reason[];
}

/** What storing the intake decided, repeated in its response. */
export interface StoredIntake {
  id: string;
  expiresAt: Date;
  doNotContact: boolean;
  /** The person asked to be contacted, and a safety yes forced doNotContact. */
  doNotContactForced: boolean;
}

/** The response to POST /v1/intakes: every message rendered once, in the reader's language and units. */
export function mapIntakeResponse(outcome: IntakeOutcome, stored: StoredIntake, ctx: RenderContext): IntakeResponse {
  const { profile, safety, recommendation, lines, linePlan, matches, accountability, relaxations } = outcome;
  return {
    id: stored.id,
    lang: ctx.locale,
    expiresAt: stored.expiresAt.toISOString(),
    doNotContact: stored.doNotContact,
    doNotContactForced: stored.doNotContactForced,
    jointSessionsAppropriate: safety.jointWorkExcluded ? false : safety.answered ? true : null,
    safety: {
      level: safety.level,
      answered: safety.answered,
      guidance: safetyGuidance(outcome, ctx),
      couplesCounselingRecommended: !safety.jointWorkExcluded,
      reasons: renderCoded(safety.reasons, ctx),
      emergency: mapEmergency(safety.emergency, ctx),
      linesCountry: linePlan.country,
      countryAssumed: linePlan.countryAssumed,
      resources: lines.map((line) => localizeResource(line, ctx.locale)),
    },
    recommendation: {
      type: recommendation.type,
      title: render(recommendation.title, ctx),
      explanation: render(recommendation.explanation, ctx),
      alsoConsider: recommendation.alsoConsider,
    },
    matches: matches.map((m) => mapMatch(m.match, m.resource, ctx)),
    ...(accountability.length
      ? {
          forPartnerWhoUsesAbuse: {
            title: render(msg('accountability.title'), ctx),
            // For the partner causing harm, never the person at risk; not couples counseling.
            // A fictional (demo) program is said to be one: a person must never look for it as a real program.
            text: [msg('accountability.text'), ...(accountability.some((r) => r.provenance.demo) ? [msg('accountability.demo')] : [])]
              .map((m) => render(m, ctx))
              .join(' '),
            resources: accountability.map((r) => localizeResource(r, ctx.locale)),
          },
        }
      : {}),
    relaxations: renderCoded(relaxations, ctx),
    nextSteps: renderCoded(
      nextSteps(profile, safety, { counselorsListed: matches.some((m) => LICENSED_KINDS.includes(m.match.resource.kind)) }),
      ctx,
    ),
  };
}

/** The safety guidance as one paragraph: the assessment's own, then what the lines shown could not cover. */
function safetyGuidance({ profile, safety, lines, linePlan }: IntakeOutcome, ctx: RenderContext): string {
  return [
    ...safety.guidance,
    ...(lines.length ? [] : [msg('safety.guidance.noLinesForCountry', { place: { place: linePlan.country } })]),
    ...(lines.length && safety.abuse && !lines.some((l) => l.lineRoles.includes('domestic_violence'))
      ? [msg('safety.guidance.noAbuseLineForCountry', { place: { place: linePlan.country } })]
      : []),
    ...(linePlan.countryAssumed ? [msg('safety.guidance.countryAssumed')] : []),
    ...(linePlan.regionAssumed ? [msg(`safety.guidance.regionAssumed.${linePlan.country}`)] : []),
    // US military families can get FAP advocacy and care without command or police being told (Military OneSource).
    ...(safety.abuse && !safety.ownBehaviour && linePlan.country === 'US' && profile.audiences.includes('military_families')
      ? [msg('safety.guidance.restrictedReporting')]
      : []),
  ]
    .map((m) => render(m, ctx))
    .join(' ');
}
