import type { ProviderReferralResponse, ReferralResponse } from './dto/referral.dto.js';
import type { Referral, ReferralEvent } from './referral.entity.js';
import { allowedTransitions, canTransition, PROVIDER_ANSWERS } from './referral-lifecycle.js';

export function mapReferral(r: Referral, events: ReferralEvent[]): ReferralResponse {
  return {
    id: r.id,
    intakeId: r.intakeId,
    resourceId: r.resourceId,
    clientReference: r.clientReference,
    status: r.status,
    outcome: r.outcome,
    doNotContact: r.doNotContact,
    jointSessionsAppropriate: r.jointSessionsAppropriate,
    allowProviderResponse: r.allowProviderResponse,
    capacityAtReferral: r.capacitySnapshot,
    allowedTransitions: [...allowedTransitions(r.status)],
    history: events.map((e) => ({
      from: e.fromStatus,
      to: e.toStatus,
      reason: e.reason,
      outcome: e.outcome,
      keyId: e.keyId,
      by: e.actor,
      at: e.createdAt.toISOString(),
    })),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The provider's view: no intake, partner or client reference (see ProviderReferralResponse). */
export function mapProviderReferral(r: Referral): ProviderReferralResponse {
  return {
    id: r.id,
    status: r.status,
    answerable: PROVIDER_ANSWERS.some((to) => canTransition(r.status, to)),
    doNotContact: r.doNotContact,
    jointSessionsAppropriate: r.jointSessionsAppropriate,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
