import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { Clock } from '../common/clock.js';
import type { IdempotentResult } from '../common/http/idempotency.js';
import type { Locale, RequestLocale } from '../common/i18n/locale.js';
import { msg } from '../common/i18n/message.js';
import type { RenderContext } from '../common/i18n/render.js';
import { parseNear, placeOfPoint, postalCodeCountry, requireOnePlace, requirePostalCode } from '../common/place/place.js';
import { Environment } from '../config/environment.js';
import { type IdempotencyOwner, IdempotencyService } from '../idempotency/idempotency.service.js';
import type { ResourceResponse } from '../resources/dto/resource.response.js';
import { localizeResource } from '../resources/resource-texts.js';
import { ResourcesService } from '../resources/resources.service.js';
import type { LineRole } from '../taxonomy/taxonomy.js';
import type { CreateIntakeRequest } from './dto/create-intake.request.js';
import type { IntakeResponse } from './dto/intake.response.js';
import type { SafetyLinesQuery, SafetyLinesResponse } from './dto/safety-lines.query.js';
import { IntakeErrors } from './intake.errors.js';
import { type IntakeOutcome, mapEmergency, mapIntakeResponse, toCandidateCriteria, toMatchable } from './intake.mapper.js';
import { IntakeRepository } from './intake.repository.js';
import {
  accountabilityConstraints,
  type CandidateConstraints,
  fallbackConstraints,
  initialConstraints,
  relaxationSteps,
} from './matching/constraints.js';
import { keepForRanking } from './matching/exclusions.js';
import { FITS_HELP, helpTypeFit } from './matching/help-type.js';
import { type CandidatePool, countByFacts, rankPool } from './matching/preselect.js';
import { rankingFacts, type ResourceFact } from './matching/ranking-facts.js';
import { assessSafety, recommendHelp } from './matching/safety.js';
import { chooseSafetyLines, type LinePlan, orderChannels, planSafetyLines } from './matching/safety-lines.js';
import { within } from './matching/score.js';
import type { Candidate, Concern, HelpType, IntakeProfile, Reason } from './matching/types.js';
import { DEFAULT_MATCH_COUNT, MIN_MATCHES } from './matching/weights.js';

const DAY_MS = 86_400_000;

const SUBMIT_INTAKE = 'POST /v1/intakes';
/** Plans differ by country, region, audiences, concerns and roles: a few hundred in practice. */
const MAX_CACHED_LINE_PLANS = 1000;

/** A directory candidate as the engine sees it, with its public representation kept for the response. */
interface FoundCandidate extends Candidate {
  response: ResourceResponse;
}

export interface IntakeReferralContext {
  doNotContact: boolean;
  jointWorkExcluded: boolean;
  safetyScreened: boolean;
  concerns: Concern[];
  /** The person said they are worried about their own behaviour: a program for people who use abuse is for them. */
  ownBehaviour: boolean;
}

@Injectable()
export class IntakeService {
  /** Chosen safety lines per directory answer (see linesFor), then per plan. */
  private readonly chosenLines = new WeakMap<readonly ResourceResponse[], Map<string, ResourceResponse[]>>();

  constructor(
    private readonly intakes: IntakeRepository,
    private readonly resources: ResourcesService,
    private readonly env: Environment,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  /** Validated request → the engine's profile: place resolved offline, money in minor units. */
  toProfile(req: CreateIntakeRequest): IntakeProfile {
    requireOnePlace(req);
    let point: IntakeProfile['point'];
    let region = req.region;
    let country = req.country ?? region?.slice(0, 2);
    if (req.postalCode) {
      const postalCountry = req.country ?? postalCodeCountry(req.postalCode);
      if (postalCountry !== 'US' && postalCountry !== 'CA') throw IntakeErrors.postalCountryUnsupported();
      const hit = requirePostalCode(req.postalCode, postalCountry);
      point = { lat: hit.lat, lng: hit.lng };
      region ??= hit.region;
      country = postalCountry;
    } else if (req.near) {
      point = parseNear(req.near);
      // Only what can be told for sure: a US military post office near London is not the US.
      const place = region || country ? undefined : placeOfPoint(point);
      region ??= place?.region;
      country ??= place?.country ?? region?.slice(0, 2);
    }
    if (region && country && region.slice(0, 2) !== country) throw IntakeErrors.regionCountryMismatch(region, country);
    const formats = req.formats?.includes('any') ? [] : (req.formats ?? []);
    const insurance = req.insurance?.trim().toLowerCase();
    return {
      concerns: req.concerns as Concern[],
      // The deprecated `one_unsure` meant leaning out of the relationship (it led to discernment counseling).
      willingness: req.willingness === 'one_unsure' ? 'one_leaning_out' : req.willingness,
      safety: { ...req.safety },
      relationship: req.relationship,
      point,
      region,
      country,
      maxTravelKm: req.maxTravelKm ?? 40,
      formats,
      languages: req.languages ?? [],
      budgetMinor: req.budgetPerSession === undefined ? undefined : Math.round(req.budgetPerSession * 100),
      aboutMe: req.aboutMe,
      insurance: insurance === '' ? undefined : insurance,
      approaches: req.preferences?.approaches ?? [],
      audiences: req.preferences?.audiences ?? [],
      accessibility: [...new Set(req.preferences?.accessibility ?? [])],
      availability: req.preferences?.availability ?? [],
    };
  }

  /**
   * Runs the candidate query, widening in the fixed order until enough resources FIT: the kind of
   * help recommended (the ranking's own help-type fit) within the budget, not just any results.
   * Counted over every candidate from the facts the directory reports (exact for this test, which
   * reads only those facts; preselect.ts), without reading a row.
   */
  private findWithRelaxation(initial: CandidateConstraints, profile: IntakeProfile, help: HelpType, facts: ResourceFact[]) {
    const fitting = (pool: CandidatePool<FoundCandidate>, c: CandidateConstraints) =>
      countByFacts(
        profile,
        help,
        pool,
        facts,
        (r) =>
          helpTypeFit(r, help, profile.concerns).fit >= FITS_HELP &&
          (profile.budgetMinor === undefined ||
            within(r, profile.budgetMinor) !== false ||
            (c.allowSlidingAboveBudget && r.cost.slidingScale)),
        MIN_MATCHES,
      );
    let constraints = initial;
    let pool = this.findCandidates(constraints, facts);
    const taken: Reason[] = [];
    for (const step of relaxationSteps(initial)) {
      if (fitting(pool, constraints) >= MIN_MATCHES) break;
      constraints = step.apply(constraints);
      taken.push({ code: step.code, message: step.message });
      pool = this.findCandidates(constraints, facts);
    }
    if (pool.size === 0) {
      constraints = fallbackConstraints(constraints);
      pool = this.findCandidates(constraints, facts);
      taken.push(
        pool.size
          ? { code: 'fallback_online_free_self_guided', message: msg('relaxation.fallback_online_free_self_guided') }
          : {
              code: 'no_options_found',
              // 211 is an information line in the US and Canada only.
              message: msg(
                !profile.country || profile.country === 'US' || profile.country === 'CA'
                  ? 'relaxation.no_options_found'
                  : 'relaxation.no_options_found.elsewhere',
              ),
            },
      );
    }
    return { pool, relaxations: taken, constraints };
  }

  /**
   * Matches a couple's situation and stores the intake, under the partner's Idempotency-Key
   * (a retry replays the first response). Matching reads outside the write transaction;
   * the transaction holds only the INSERT and the stored response.
   */
  submitIntake(
    req: CreateIntakeRequest,
    owner: IdempotencyOwner,
    idempotencyKey: string | undefined,
    requestLocale: RequestLocale,
  ): Promise<IdempotentResult<IntakeResponse>> {
    const partnerId = owner.partnerId;
    // A replay answers in the language the first response was written in (its `lang`).
    return this.idempotency.run(
      owner,
      SUBMIT_INTAKE,
      idempotencyKey,
      req,
      async (tx, matched) => ({ status: 201, body: await this.storeIntake(req, partnerId, matched, requestLocale, tx) }),
      () => this.match(req, requestLocale.locale),
    );
  }

  /**
   * Erases one of the partner's intakes before its retention ends (404 for another partner's or a
   * missing one). Referrals keep their ids and history (intake_id is set to null, as on purge);
   * stored Idempotency-Key responses that would replay the answers go too.
   */
  async deleteIntake(partnerId: string, id: string): Promise<void> {
    await this.intakes.transaction(async (tx) => {
      if (!(await this.intakes.deleteOwn(tx, partnerId, id))) throw IntakeErrors.notFound();
      await this.idempotency.eraseResponsesCarryingIntake(tx, partnerId, id);
    });
  }

  /**
   * What a referral from the partner's intake must respect, read in the referral's transaction:
   * doNotContact, the safety screen (never the answers themselves) and the concerns named.
   * Undefined for another partner's intake or one that expired.
   */
  async findReferralContext(tx: EntityManager, partnerId: string, intakeId: string): Promise<IntakeReferralContext | undefined> {
    const intake = await this.intakes.findOwnForReferral(tx, partnerId, intakeId);
    if (!intake) return undefined;
    const concerns = intake.answers.concerns;
    return {
      doNotContact: intake.doNotContact,
      jointWorkExcluded: intake.jointWorkExcluded,
      safetyScreened: intake.safetyScreened,
      concerns: Array.isArray(concerns) ? (concerns as Concern[]) : [],
      ownBehaviour: intake.answers.aboutMe === 'worried_about_my_behaviour',
    };
  }

  /** GET /v1/safety-lines: the lines an intake from this place and these needs would show (reads only). */
  safetyLines(query: SafetyLinesQuery, requestLocale: RequestLocale): SafetyLinesResponse {
    const country = query.country ?? query.region?.slice(0, 2);
    if (query.region && country && query.region.slice(0, 2) !== country) throw IntakeErrors.regionCountryMismatch(query.region, country);
    const safety = assessSafety({}, country);
    const plan = planSafetyLines(
      {
        country,
        region: query.region,
        audiences: query.audiences ?? [],
        accessibility: query.accessibility ?? [],
        concerns: [],
        languages: [],
      },
      { ...safety, reportedLineRoles: (query.roles ?? []) as LineRole[] },
      requestLocale.locale,
    );
    const ctx: RenderContext = { locale: requestLocale.locale, country: country ?? requestLocale.region };
    return {
      country: plan.country,
      countryAssumed: plan.countryAssumed,
      emergency: mapEmergency(safety.emergency, ctx),
      lines: this.linesFor(plan).map((line) => localizeResource(line, ctx.locale)),
    };
  }

  /**
   * The curated lines serving the plan's country and region, chosen by the pure chooser (which
   * leaves stale lines out; lines suspended by reports from the field never reach it), each with
   * the routes the person's needs call for (videophone, TTY, relay, text) first among its channels.
   * The directory returns the same array until it or a line's verification status changes, so the
   * choice is kept per plan until then: a catalogue with thousands of local lines costs one choice
   * per kind of plan, not per intake.
   */
  private linesFor(plan: LinePlan): ResourceResponse[] {
    const lines = this.resources.findSafetyLines([plan.country, plan.region].filter((a): a is string => !!a));
    let chosen = this.chosenLines.get(lines);
    if (!chosen) this.chosenLines.set(lines, (chosen = new Map<string, ResourceResponse[]>()));
    const key = JSON.stringify(plan);
    let choice = chosen.get(key);
    if (!choice) {
      const byId = new Map(lines.map((line) => [line.id, line]));
      const now = this.clock.now();
      choice = chooseSafetyLines(
        lines.map((line) => toMatchable(line, now)),
        plan,
      ).map((picked) => {
        const line = byId.get(picked.id)!;
        return { ...line, contactChannels: orderChannels(line.contactChannels, plan) };
      });
      if (chosen.size >= MAX_CACHED_LINE_PLANS) chosen.clear();
      chosen.set(key, choice);
    }
    return choice;
  }

  /** Every candidate meeting the constraints, with the facts the ranking reads; rows are read only when ranked. */
  private findCandidates(constraints: CandidateConstraints, facts: ResourceFact[]): CandidatePool<FoundCandidate> {
    const found = this.resources.findCandidates(toCandidateCriteria(constraints), facts);
    const now = this.clock.now();
    return {
      size: found.size,
      kinds: found.kinds,
      facts: found.facts,
      id: (i) => found.id(i),
      name: (i) => found.name(i),
      distances: found.distances,
      read: (i) => {
        const { resource, distanceMeters } = found.read(i);
        return { resource: toMatchable(resource, now), distanceMeters: distanceMeters ?? undefined, response: resource };
      },
    };
  }

  /** The pure part of an intake: safety, recommendation, safety lines, ranked matches (reads only). */
  match(req: CreateIntakeRequest, locale: Locale = 'en'): IntakeOutcome {
    const profile = this.toProfile(req);
    const safety = assessSafety(profile.safety, profile.country, profile.aboutMe === 'worried_about_my_behaviour');
    const recommendation = recommendHelp(profile.willingness, safety);
    const linePlan = planSafetyLines(profile, safety, locale);
    // Programs for people who use abuse only for a person who says they are worried about their own
    // behaviour (never inferred from control among the concerns: a survivor who minimises answers so).
    const offerAccountability = safety.ownBehaviour;
    // Candidates come from the in-memory directory index, synchronously; only the safety lines are read from PostgreSQL (below).
    // Every eligible candidate is ranked; rankPool reads only those that can reach the top (preselect.ts).
    const facts = rankingFacts(profile);
    const found = this.findWithRelaxation(initialConstraints(profile, recommendation.type, safety), profile, recommendation.type, facts);
    // Reasons speak of the radius the search reached, which widening may have grown.
    const ranking: IntakeProfile = { ...profile, searchRadiusKm: found.constraints.radiusKm };
    const keep = keepForRanking(ranking, safety, found.constraints);
    const ranked = rankPool(ranking, recommendation.type, found.pool, facts, req.limit ?? DEFAULT_MATCH_COUNT, keep);
    const forAccountability = offerAccountability
      ? rankPool(profile, 'individual_counseling', this.findCandidates(accountabilityConstraints(profile), facts), facts, 3, () => true)
      : { matches: [], read: [] };
    const responses = new Map([...ranked.read, ...forAccountability.read].map((f) => [f.response.id, f.response]));
    const matches = ranked.matches.map((m) => ({ match: m, resource: responses.get(m.resource.id)! }));
    const accountability = forAccountability.matches.map((m) => responses.get(m.resource.id)!);
    return {
      profile,
      safety,
      // When no real program is listed near the person (none, or only fictional demo ones), the explanation says so and
      // points to a DV line: it never promises programs "shown separately" that a person could not find.
      recommendation:
        offerAccountability &&
        !accountability.some((r) => !r.provenance.demo) &&
        recommendation.type === 'individual_counseling' &&
        !safety.selfHarm
          ? { ...recommendation, explanation: msg('recommendation.own_behaviour.explanationNoneListed') }
          : recommendation,
      lines: this.linesFor(linePlan),
      linePlan,
      matches,
      accountability,
      relaxations: found.relaxations,
    };
  }

  private async storeIntake(
    req: CreateIntakeRequest,
    partnerId: string | null,
    matched: IntakeOutcome,
    requestLocale: RequestLocale,
    tx: EntityManager,
  ): Promise<IntakeResponse> {
    const { profile, safety, recommendation, matches } = matched;
    // The one localisation step: the engine's messages become text in the reader's language and units.
    const ctx: RenderContext = { locale: requestLocale.locale, country: profile.country ?? requestLocale.region };
    const expiresAt = new Date(Date.now() + this.env.INTAKE_RETENTION_DAYS * DAY_MS);
    // Any safety yes forces doNotContact: a message or call can alert the partner who causes harm.
    const doNotContact = safety.riskReported ? true : (req.doNotContact ?? true);
    const stored = await this.intakes.save(
      {
        partnerId,
        // Structured answers only (the DTO admits nothing else); the point is not kept, only the region.
        answers: {
          concerns: profile.concerns,
          willingness: profile.willingness,
          safetyLevel: safety.level,
          relationship: profile.relationship ?? null,
          region: profile.region ?? null,
          country: profile.country ?? null,
          formats: profile.formats,
          languages: profile.languages,
          budgetMinor: profile.budgetMinor ?? null,
          aboutMe: profile.aboutMe ?? null,
          insurance: profile.insurance ? (profile.insurance === 'none' ? 'none' : 'given') : null,
        },
        safetyLevel: safety.level,
        recommendation: recommendation.type,
        doNotContact,
        jointWorkExcluded: safety.jointWorkExcluded,
        safetyScreened: safety.answered,
        matchedResourceIds: matches.map((m) => m.resource.id),
        expiresAt,
      },
      tx,
    );

    return mapIntakeResponse(
      matched,
      { id: stored.id, expiresAt, doNotContact, doNotContactForced: safety.riskReported && req.doNotContact === false },
      ctx,
    );
  }
}
