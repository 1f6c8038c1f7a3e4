import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { IdempotentResult } from '../common/http/idempotency.js';
import { createdAtCursors } from '../common/pagination/created-at-cursor.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import { IntakeService } from '../intake/intake.service.js';
import { needsCaution } from '../intake/matching/constraints.js';
import { jointWorkConflict } from '../intake/matching/joint-work.js';
import type { ListingPrincipal, Principal } from '../partners/principal.js';
import { ResourcesService } from '../resources/resources.service.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import type {
  AnswerReferralRequest,
  CreateReferralRequest,
  ListProviderReferralsQuery,
  ListReferralsQuery,
  ProviderReferralListResponse,
  ProviderReferralResponse,
  ReferralListResponse,
  ReferralResponse,
  UpdateReferralRequest,
} from './dto/referral.dto.js';
import type { Referral, ReferralActor } from './referral.entity.js';
import { canTransition, type ReferralOutcome, type ReferralStatus, TERMINAL_STATUSES } from './referral-lifecycle.js';
import { ReferralErrors } from './referrals.errors.js';
import { mapProviderReferral, mapReferral } from './referrals.mapper.js';
import { ReferralsRepository } from './referrals.repository.js';

const CREATE_REFERRAL = 'POST /v1/referrals';

/** What an unscreened intake, or one with control among its concerns, is never referred to. */
const CAUTIOUS_CONFLICTS: (string | undefined)[] = ['program_for_people_who_use_abuse', 'workshop', 'requires_safe_relationship'];

export const REFERRAL_EVENTS = { created: 'referral.created', statusChanged: 'referral.status_changed' } as const;

@Injectable()
export class ReferralsService {
  constructor(
    private readonly referrals: ReferralsRepository,
    private readonly idempotency: IdempotencyService,
    private readonly intakes: IntakeService,
    private readonly resources: ResourcesService,
    private readonly webhooks: WebhooksService,
  ) {}

  createReferral(principal: Principal, body: CreateReferralRequest, idempotencyKey?: string): Promise<IdempotentResult<ReferralResponse>> {
    return this.idempotency.run(principal, CREATE_REFERRAL, idempotencyKey, body, async (tx) => {
      const intake = await this.intakes.findReferralContext(tx, principal.partnerId, body.intakeId);
      if (!intake) throw ReferralErrors.intakeNotFound();
      const resource = await this.resources.findReferralFacts(body.resourceId, tx);
      if (!resource || resource.status !== 'active') throw ReferralErrors.resourceNotFound();
      // The same rule the matching engine applies; the reason names the resource, never the answers.
      const conflict = jointWorkConflict(resource);
      // Unscreened, a program for people who use abuse could be sent to the person at risk: only after a clear all-no screen.
      // Not screened, or control among the concerns: no program for people who use abuse, no intensive,
      // nothing only for relationships without abuse (the matching engine offers none of these either).
      const cautious = needsCaution(intake, { answered: intake.safetyScreened, jointWorkExcluded: intake.jointWorkExcluded });
      // A person who said they are worried about their own behaviour may be referred to a program for it (and to no joint work).
      const forThem = intake.ownBehaviour && conflict === 'program_for_people_who_use_abuse';
      const refused = !forThem && (intake.jointWorkExcluded || (cautious && CAUTIOUS_CONFLICTS.includes(conflict))) ? conflict : undefined;
      if (refused) throw ReferralErrors.unsafe(refused);
      const referral = await this.referrals.insert(tx, {
        partnerId: principal.partnerId,
        intakeId: body.intakeId,
        resourceId: body.resourceId,
        clientReference: body.clientReference ?? null,
        allowProviderResponse: body.allowProviderResponse ?? false,
        status: 'requested',
        doNotContact: intake.doNotContact,
        jointSessionsAppropriate: intake.jointWorkExcluded ? false : intake.safetyScreened ? true : null,
        capacitySnapshot: {
          acceptingNewClients: resource.acceptingNewClients,
          waitTimeDays: resource.waitTimeDays,
          capturedAt: new Date().toISOString(),
        },
      });
      const event = await this.referrals.addEvent(tx, {
        referralId: referral.id,
        partnerId: principal.partnerId,
        actor: 'partner',
        keyId: principal.keyId,
        fromStatus: null,
        toStatus: 'requested',
      });
      const response = mapReferral(referral, [event]);
      await this.notify(tx, principal.partnerId, referral.id, REFERRAL_EVENTS.created, response);
      return { status: 201, body: response };
    });
  }

  async updateReferral(principal: Principal, id: string, body: UpdateReferralRequest): Promise<ReferralResponse> {
    if (body.outcome && !TERMINAL_STATUSES.has(body.status)) throw ReferralErrors.outcomeNeedsFinalStatus();
    return this.referrals.transaction(async (tx) => {
      const referral = await this.referrals.findOwn(principal.partnerId, id, tx, true);
      const { from, response } = await this.transition(tx, referral, body, {
        partnerId: principal.partnerId,
        actor: 'partner',
        keyId: principal.keyId,
      });
      await this.notify(tx, principal.partnerId, id, REFERRAL_EVENTS.statusChanged, response, from);
      return response;
    });
  }

  /**
   * The referrals to the listing key's resource whose partners let the provider answer, newest
   * first, in the provider's view (no intake, partner or client reference).
   */
  async listForProvider(listing: ListingPrincipal, query: ListProviderReferralsQuery): Promise<ProviderReferralListResponse> {
    const limit = query.limit ?? 20;
    const after = query.cursor ? createdAtCursors.decode(query.cursor) : undefined;
    const rows = await this.referrals.listForProvider(listing.resourceId, { after, limit });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      data: page.map(({ referral }) => mapProviderReferral(referral)),
      page: {
        limit,
        nextCursor: rows.length > limit && last ? createdAtCursors.encode({ createdAt: last.cursorAt, id: last.referral.id }) : null,
      },
    };
  }

  /**
   * The provider accepts or declines a referral to its own resource, when the referring partner
   * allowed it: through the same lifecycle as the partner's own changes (a referral already
   * accepted, cancelled or ended answers 409), recorded as the provider's, and sent to the
   * partner's webhook as referral.status_changed with changedBy: provider. Any other referral
   * (another resource's, one that does not allow it, another partner's) is a 404 like a missing one.
   * doNotContact and jointSessionsAppropriate are the partner's and stay as they are.
   */
  async answerAsProvider(listing: ListingPrincipal, id: string, body: AnswerReferralRequest): Promise<ProviderReferralResponse> {
    if (body.reason && body.status !== 'rejected') throw ReferralErrors.reasonNeedsRejection();
    return this.referrals.transaction(async (tx) => {
      const referral = await this.referrals.findForProvider(listing.resourceId, id, tx, true);
      const { from, saved, response } = await this.transition(tx, referral, body, {
        partnerId: null, // a listing key belongs to no partner
        actor: 'provider',
        keyId: listing.keyId,
      });
      await this.notify(tx, saved.partnerId, id, REFERRAL_EVENTS.statusChanged, response, from, 'provider');
      return mapProviderReferral(saved);
    });
  }

  /**
   * One move along the lifecycle, by the partner or the provider: a missing referral is a 404, a
   * move the lifecycle does not allow a 409; the change is saved with its event in the history.
   */
  private async transition(
    tx: EntityManager,
    referral: Referral | null,
    change: { status: ReferralStatus; reason?: string; outcome?: ReferralOutcome },
    by: { partnerId: string | null; actor: ReferralActor; keyId: string },
  ): Promise<{ from: ReferralStatus; saved: Referral; response: ReferralResponse }> {
    if (!referral) throw ReferralErrors.notFound();
    if (!canTransition(referral.status, change.status)) throw ReferralErrors.invalidTransition(referral.status, change.status);
    const from = referral.status;
    referral.status = change.status;
    referral.outcome = change.outcome ?? referral.outcome;
    const saved = await this.referrals.update(tx, referral);
    await this.referrals.addEvent(tx, {
      referralId: referral.id,
      ...by,
      fromStatus: from,
      toStatus: change.status,
      reason: change.reason ?? null,
      outcome: change.outcome ?? null,
    });
    return { from, saved, response: mapReferral(saved, await this.referrals.history([referral.id], tx)) };
  }

  async getReferral(principal: Principal, id: string): Promise<ReferralResponse> {
    const referral = await this.referrals.findOwn(principal.partnerId, id);
    if (!referral) throw ReferralErrors.notFound();
    return mapReferral(referral, await this.referrals.history([id]));
  }

  async listReferrals(principal: Principal, query: ListReferralsQuery): Promise<ReferralListResponse> {
    const limit = query.limit ?? 20;
    const after = query.cursor ? createdAtCursors.decode(query.cursor) : undefined;
    const rows = await this.referrals.list(principal.partnerId, {
      status: query.status,
      createdFrom: query.createdFrom ? new Date(query.createdFrom) : undefined,
      createdTo: query.createdTo ? new Date(query.createdTo) : undefined,
      after,
      limit,
    });
    const page = rows.slice(0, limit);
    const events = await this.referrals.history(page.map((r) => r.referral.id));
    const last = page[page.length - 1];
    return {
      data: page.map(({ referral }) =>
        mapReferral(
          referral,
          events.filter((e) => e.referralId === referral.id),
        ),
      ),
      page: {
        limit,
        nextCursor: rows.length > limit && last ? createdAtCursors.encode({ createdAt: last.cursorAt, id: last.referral.id }) : null,
      },
    };
  }

  /**
   * Erases a referral: its history and webhook events go with it (ON DELETE CASCADE, so queued
   * events are never sent), and so do stored Idempotency-Key responses that would replay it.
   */
  async deleteReferral(principal: Principal, id: string): Promise<void> {
    await this.referrals.transaction(async (tx) => {
      if (!(await this.referrals.delete(tx, principal.partnerId, id))) throw ReferralErrors.notFound();
      await this.idempotency.eraseResponsesFor(tx, principal.partnerId, CREATE_REFERRAL, id);
    });
  }

  /** Queues the event for the partner's webhook, in the same transaction as the change. */
  private async notify(
    tx: EntityManager,
    partnerId: string,
    referralId: string,
    type: string,
    referral: ReferralResponse,
    previousStatus?: string,
    changedBy: ReferralActor = 'partner',
  ): Promise<void> {
    const { history: _history, ...summary } = referral;
    await this.webhooks.queueEvent(tx, {
      partnerId,
      referralId,
      type,
      payload: { referral: summary, ...(previousStatus ? { previousStatus, changedBy } : {}) },
    });
  }
}
