import { msg } from '../common/i18n/message.js';
import { render, renderCoded, type RenderContext } from '../common/i18n/render.js';
import type { CandidateCriteria } from '../resources/candidate-criteria.js';
import type { ResourceResponse } from '../resources/dto/resource.response.js';
import { localizeResource } from '../resources/resource-texts.js';
import type { EmergencyNumberResponse, MatchResponse } from './dto/intake.response.js';
import type { CandidateConstraints } from './matching/constraints.js';
import type { EmergencyNumber } from './matching/emergency-numbers.js';
import type { Match, MatchableResource } from './matching/types.js';

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
