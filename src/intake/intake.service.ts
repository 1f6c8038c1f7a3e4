import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IdempotencyService, type IdempotencyOwner, type IdempotentResult } from '../idempotency/idempotency.service.js';
import zipcodes from 'zipcodes';
import { ProblemException } from '../common/problem/problem.js';
import { Environment } from '../config/environment.js';
import { parseNear, requirePostalCode } from '../resources/postal-codes.js';
import { mapResource } from '../resources/resource.mapper.js';
import { ResourcesRepository } from '../resources/resources.repository.js';
import type { CreateIntakeRequest } from './dto/create-intake.request.js';
import type { IntakeResponse } from './dto/intake.response.js';
import { IntakeRepository } from './intake.repository.js';
import { fallbackConstraints, initialConstraints, relaxationSteps, type CandidateConstraints } from './matching/constraints.js';
import { nextSteps } from './matching/next-steps.js';
import { rankCandidates } from './matching/rank.js';
import { assessSafety, recommendHelp } from './matching/safety.js';
import type { Candidate, Concern, IntakeProfile } from './matching/types.js';
import { DEFAULT_MATCH_COUNT, MIN_MATCHES } from './matching/weights.js';

const DAY_MS = 86_400_000;
const SUBMIT_INTAKE = 'POST /v1/intakes';

@Injectable()
export class IntakeService {
  constructor(
    private readonly intakes: IntakeRepository,
    private readonly resources: ResourcesRepository,
    private readonly env: Environment,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** Validated request → the engine's profile: place resolved offline, money in minor units. */
  toProfile(req: CreateIntakeRequest): IntakeProfile {
    if (req.postalCode && req.near) throw ProblemException.badRequest('near', 'conflicting_place', 'Give either near or postalCode, not both.');
    let point: IntakeProfile['point'];
    let region = req.region;
    let country = req.country ?? region?.slice(0, 2);
    if (req.postalCode) {
      const postalCountry = req.country ?? 'US';
      if (postalCountry !== 'US' && postalCountry !== 'CA') {
        throw ProblemException.badRequest('country', 'postal_country_unsupported', 'postalCode lookup supports US and CA; send near or region instead.');
      }
      const hit = requirePostalCode(req.postalCode, postalCountry);
      point = { lat: hit.lat, lng: hit.lng };
      region ??= hit.region;
      country = postalCountry;
    } else if (req.near) {
      point = parseNear(req.near);
      const { lat, lng } = point;
      if (!region) {
        const zip = zipcodes.lookupByCoords(lat, lng);
        if (zip?.country === 'US') region = `US-${zip.state}`;
      }
      country ??= region?.slice(0, 2);
    }
    if (region && country && region.slice(0, 2) !== country) {
      throw ProblemException.badRequest('region', 'region_country_mismatch', `region ${region} is not in country ${country}.`);
    }
    const formats = req.formats?.includes('any') ? [] : (req.formats ?? []);
    const insurance = req.insurance?.trim().toLowerCase();
    return {
      concerns: req.concerns as Concern[],
      willingness: req.willingness,
      safety: { ...req.safety },
      relationship: req.relationship,
      point,
      region,
      country,
      maxTravelKm: req.maxTravelKm ?? 40,
      formats,
      languages: req.languages ?? [],
      budgetMinor: req.budgetPerSession === undefined ? undefined : Math.round(req.budgetPerSession * 100),
      insurance: insurance === '' ? undefined : insurance,
      approaches: req.preferences?.approaches ?? [],
      audiences: req.preferences?.audiences ?? [],
      availability: req.preferences?.availability ?? [],
    };
  }

  /** Runs the candidate query, widening in the fixed order until enough resources qualify. */
  private async findWithRelaxation(initial: CandidateConstraints) {
    let constraints = initial;
    let rows = await this.intakes.findCandidates(constraints);
    const taken: { code: string; text: string }[] = [];
    for (const step of relaxationSteps(initial)) {
      if (rows.length >= MIN_MATCHES) break;
      constraints = step.apply(constraints);
      taken.push({ code: step.code, text: step.text });
      rows = await this.intakes.findCandidates(constraints);
    }
    if (rows.length === 0) {
      rows = await this.intakes.findCandidates(fallbackConstraints(constraints));
      taken.push({
        code: 'fallback_online_free_self_guided',
        text: 'Nothing met your constraints even after widening the search, so these are online, free and self-guided options anyone can use.',
      });
    }
    return { rows, relaxations: taken };
  }

  /**
   * Matches a couple's situation and stores the intake, under the partner's Idempotency-Key
   * (a retry replays the first response). Matching reads outside the write transaction;
   * the transaction holds only the INSERT and the stored response.
   */
  submitIntake(req: CreateIntakeRequest, owner: IdempotencyOwner, idempotencyKey?: string): Promise<IdempotentResult<IntakeResponse>> {
    const partnerId = owner.partnerId;
    return this.idempotency.run(
      owner,
      SUBMIT_INTAKE,
      idempotencyKey,
      req,
      async (tx, matched) => ({ status: 201, body: await this.storeIntake(req, partnerId, matched, tx) }),
      () => this.match(req),
    );
  }

  /**
   * Erases one of the partner's intakes before its retention ends (404 for another partner's or a
   * missing one). Referrals keep their ids and history (intake_id is set to null, as on purge);
   * stored Idempotency-Key responses that would replay the answers go too.
   */
  async deleteIntake(partnerId: string, id: string): Promise<void> {
    await this.intakes.transaction(async (tx) => {
      if (!(await this.intakes.deleteOwn(tx, partnerId, id))) throw ProblemException.notFound('Intake');
      await this.idempotency.eraseResponsesFor(tx, partnerId, SUBMIT_INTAKE, id);
    });
  }

  /** The pure part of an intake: safety, recommendation, hotlines, ranked matches (reads only). */
  async match(req: CreateIntakeRequest) {
    const profile = this.toProfile(req);
    const safety = assessSafety(profile.safety);
    const recommendation = recommendHelp(profile.willingness, safety);
    // Hotlines come from the directory and are returned whatever the other filters say.
    const [hotlineRows, found] = await Promise.all([
      safety.hotlineSpecialties.length
        ? this.resources.findHotlines(safety.hotlineSpecialties, [profile.region, profile.country].filter((a): a is string => !!a))
        : Promise.resolve([]),
      this.findWithRelaxation(initialConstraints(profile, recommendation.type, safety)),
    ]);
    const hotlines = hotlineRows.map((row) => mapResource(row));
    const candidates: Candidate[] = found.rows.map((row) => ({ resource: mapResource(row), distanceMeters: row.distance_m ?? undefined }));
    const matches = rankCandidates(profile, recommendation.type, candidates, req.limit ?? DEFAULT_MATCH_COUNT);
    return { profile, safety, recommendation, hotlines, matches, relaxations: found.relaxations };
  }

  private async storeIntake(
    req: CreateIntakeRequest,
    partnerId: string | null,
    matched: Awaited<ReturnType<IntakeService['match']>>,
    tx: EntityManager,
  ): Promise<IntakeResponse> {
    const { profile, safety, recommendation, hotlines, matches, relaxations } = matched;
    const expiresAt = new Date(Date.now() + this.env.INTAKE_RETENTION_DAYS * DAY_MS);
    const stored = await this.intakes.save({
      partnerId,
      // Structured answers only (the DTO admits nothing else); the point is not kept, only the region.
      answers: {
        concerns: profile.concerns, willingness: profile.willingness, safetyLevel: safety.level, relationship: profile.relationship ?? null,
        region: profile.region ?? null, country: profile.country ?? null, formats: profile.formats, languages: profile.languages,
        budgetMinor: profile.budgetMinor ?? null, insurance: profile.insurance ? (profile.insurance === 'none' ? 'none' : 'given') : null,
      },
      safetyLevel: safety.level,
      recommendation: recommendation.type,
      doNotContact: req.doNotContact ?? true,
      matchedResourceIds: matches.map((m) => m.resource.id),
      expiresAt,
    }, tx);

    return {
      id: stored.id,
      expiresAt: expiresAt.toISOString(),
      safety: {
        level: safety.level,
        guidance: safety.guidance,
        couplesCounselingRecommended: !safety.couplesCounselingContraindicated,
        reasons: safety.reasons,
        resources: hotlines,
      },
      recommendation,
      matches,
      relaxations,
      nextSteps: nextSteps(profile, safety),
    };
  }
}
