import type { ReferralResponse } from './dto/referral.dto.js';
import type { Referral, ReferralEvent } from './referral.entity.js';
import { allowedTransitions } from './referral-lifecycle.js';

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
    capacityAtReferral: r.capacitySnapshot,
    allowedTransitions: [...allowedTransitions(r.status)],
    history: events.map((e) => ({
      from: e.fromStatus,
      to: e.toStatus,
      reason: e.reason,
      outcome: e.outcome,
      keyId: e.keyId,
      at: e.createdAt.toISOString(),
    })),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
