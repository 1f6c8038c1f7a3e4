import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem/problem.js';
import { IdempotencyService, type IdempotentResult } from '../idempotency/idempotency.service.js';
import { IntakeService } from '../intake/intake.service.js';
import type { Principal } from '../partners/principal.js';
import { ResourcesService } from '../resources/resources.service.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import type { CreateReferralRequest, ListReferralsQuery, ReferralListResponse, ReferralResponse, UpdateReferralRequest } from './dto/referral.dto.js';
import { allowedTransitions, canTransition, TERMINAL_STATUSES } from './referral-lifecycle.js';
import type { Referral } from './referral.entity.js';
import { needsCaution } from '../intake/matching/constraints.js';
import { JOINT_WORK_CONFLICT_TEXT, jointWorkConflict } from '../intake/matching/joint-work.js';
import { mapReferral } from './referrals.mapper.js';
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
      if (!intake) {
        throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'intake_not_found', 'No intake of yours has this intakeId (it may have expired).', [
          { field: 'intakeId', code: 'not_found', message: 'intake not found' },
        ]);
      }
      const resource = await this.resources.findReferralFacts(body.resourceId, tx);
      if (!resource || resource.status !== 'active') {
        throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'resource_not_found', 'No active resource has this resourceId.', [
          { field: 'resourceId', code: 'not_found', message: 'resource not found' },
        ]);
      }
      // The same rule the matching engine applies; the reason names the resource, never the answers.
      const conflict = jointWorkConflict(resource);
      // Unscreened, a program for people who use abuse could be sent to the person at risk: only after a clear all-no screen.
      // Not screened, or control among the concerns: no program for people who use abuse, no intensive,
      // nothing only for relationships without abuse (the matching engine offers none of these either).
      const cautious = needsCaution(intake, { answered: intake.safetyScreened, jointWorkExcluded: intake.jointWorkExcluded });
      const refused = intake.jointWorkExcluded || (cautious && CAUTIOUS_CONFLICTS.includes(conflict!)) ? conflict : undefined;
      if (refused) {
        throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'referral_unsafe', JOINT_WORK_CONFLICT_TEXT[refused], [
          { field: 'resourceId', code: refused, message: 'not a safe referral for this intake' },
        ], { reason: refused });
      }
      const referral = await this.referrals.insert(tx, {
        partnerId: principal.partnerId,
        intakeId: body.intakeId,
        resourceId: body.resourceId,
        clientReference: body.clientReference ?? null,
        status: 'requested',
        doNotContact: intake.doNotContact,
        jointSessionsAppropriate: intake.jointWorkExcluded ? false : intake.safetyScreened ? true : null,
        capacitySnapshot: { acceptingNewClients: resource.acceptingNewClients, waitTimeDays: resource.waitTimeDays, capturedAt: new Date().toISOString() },
      });
      const event = await this.referrals.addEvent(tx, { referralId: referral.id, partnerId: principal.partnerId, keyId: principal.keyId, fromStatus: null, toStatus: 'requested' });
      const response = mapReferral(referral, [event]);
      await this.notify(tx, principal.partnerId, referral.id, REFERRAL_EVENTS.created, response);
      return { status: 201, body: response };
    });
  }

  async updateReferral(principal: Principal, id: string, body: UpdateReferralRequest): Promise<ReferralResponse> {
    if (body.outcome && !TERMINAL_STATUSES.has(body.status)) {
      throw ProblemException.badRequest('outcome', 'outcome_needs_final_status', 'outcome is recorded only with a final status: completed, failed, rejected or cancelled.');
    }
    return this.referrals.transaction(async (tx) => {
      const referral = await this.referrals.findOwn(principal.partnerId, id, tx, true);
      if (!referral) throw ProblemException.notFound('Referral');
      if (!canTransition(referral.status, body.status)) {
        throw new ProblemException(
          HttpStatus.CONFLICT,
          'invalid_transition',
          `A referral cannot go from ${referral.status} to ${body.status}.`,
          undefined,
          { currentStatus: referral.status, allowedTransitions: [...allowedTransitions(referral.status)] },
        );
      }
      const from = referral.status;
      referral.status = body.status;
      referral.outcome = body.outcome ?? referral.outcome;
      const saved = await this.referrals.update(tx, referral);
      await this.referrals.addEvent(tx, {
        referralId: id, partnerId: principal.partnerId, keyId: principal.keyId, fromStatus: from, toStatus: body.status,
        reason: body.reason ?? null, outcome: body.outcome ?? null,
      });
      const response = mapReferral(saved, await this.referrals.history([id], tx));
      await this.notify(tx, principal.partnerId, id, REFERRAL_EVENTS.statusChanged, response, from);
      return response;
    });
  }

  async getReferral(principal: Principal, id: string): Promise<ReferralResponse> {
    const referral = await this.referrals.findOwn(principal.partnerId, id);
    if (!referral) throw ProblemException.notFound('Referral');
    return mapReferral(referral, await this.referrals.history([id]));
  }

  async listReferrals(principal: Principal, query: ListReferralsQuery): Promise<ReferralListResponse> {
    const limit = query.limit ?? 20;
    const after = query.cursor ? decodeListCursor(query.cursor) : undefined;
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
      data: page.map(({ referral }) => mapReferral(referral, events.filter((e) => e.referralId === referral.id))),
      page: { limit, nextCursor: rows.length > limit && last ? encodeListCursor(last.cursorAt, last.referral.id) : null },
    };
  }

  /**
   * Erases a referral: its history and webhook events go with it (ON DELETE CASCADE, so queued
   * events are never sent), and so do stored Idempotency-Key responses that would replay it.
   */
  async deleteReferral(principal: Principal, id: string): Promise<void> {
    await this.referrals.transaction(async (tx) => {
      if (!(await this.referrals.delete(tx, principal.partnerId, id))) throw ProblemException.notFound('Referral');
      await this.idempotency.eraseResponsesFor(tx, principal.partnerId, CREATE_REFERRAL, id);
    });
  }

  /** Queues the event for the partner's webhook, in the same transaction as the change. */
  private async notify(tx: EntityManager, partnerId: string, referralId: string, type: string, referral: ReferralResponse, previousStatus?: string): Promise<void> {
    const { history: _history, ...summary } = referral;
    await this.webhooks.queueEvent(tx, { partnerId, referralId, type, payload: { referral: summary, ...(previousStatus ? { previousStatus } : {}) } });
  }
}

const CURSOR_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A real UTC instant in the cursor's format: it reads back as itself (no day 30 of February, no hour 24, no year 0). */
function isCursorTime(text: string): boolean {
  if (!CURSOR_AT.test(text)) return false;
  const time = new Date(text);
  return !Number.isNaN(time.getTime()) && time.getUTCFullYear() >= 1 && time.toISOString().slice(0, 19) === text.slice(0, 19);
}

function encodeListCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}

function decodeListCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Exactly what encodeListCursor writes (the microsecond text of created_at, a UUID): both are
    // cast in SQL, and text that Date.parse takes (`1`, February 30, year 0) PostgreSQL refuses.
    if (typeof createdAt === 'string' && isCursorTime(createdAt) && typeof id === 'string' && UUID.test(id)) return { createdAt, id };
  } catch {
    /* fall through */
  }
  throw ProblemException.badRequest('cursor', 'invalid_cursor', 'cursor is not a valid page cursor.');
}
