import type { Environment } from '../config/environment.js';
import { VERIFICATION_STATUS } from '../taxonomy/taxonomy.js';

/** Who last confirmed a listing's details: a curator, the provider itself, an import from another directory, or a curator reviewing a report. */
export const VERIFIED_BY = ['curator', 'provider', 'import', 'report_review'] as const;
export type VerifiedBy = (typeof VERIFIED_BY)[number];

/** current: checked within the due period; due: time for a check (or never checked); stale: past the stale period. */
export const VERIFICATION_STATUSES = VERIFICATION_STATUS.codes;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** The freshness policy (Environment): days after the last verification a listing is due, then stale; shorter for safety lines. */
export interface VerificationPolicy {
  dueDays: number;
  staleDays: number;
  safetyLineDueDays: number;
  safetyLineStaleDays: number;
}

export function verificationPolicy(env: Environment): VerificationPolicy {
  return {
    dueDays: env.VERIFICATION_DUE_DAYS,
    staleDays: env.VERIFICATION_STALE_DAYS,
    safetyLineDueDays: env.SAFETY_LINE_DUE_DAYS,
    safetyLineStaleDays: env.SAFETY_LINE_STALE_DAYS,
  };
}

/** What a status is computed against: the policy and the moment of the read. */
export interface VerificationCheck {
  policy: VerificationPolicy;
  now: Date;
}

const DAY_MS = 86_400_000;

/**
 * The verification times at or before which a listing is due or stale, at `now`. The one
 * definition of the thresholds: verificationStatus() compares with them, and the SQL that counts
 * and lists listings by status (curation stats, `npm run curation:due`) is given them as values.
 */
export interface VerificationCutoffs {
  dueAtOrBefore: Date;
  staleAtOrBefore: Date;
  safetyLineDueAtOrBefore: Date;
  safetyLineStaleAtOrBefore: Date;
}

export function verificationCutoffs({ policy, now }: VerificationCheck): VerificationCutoffs {
  const back = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return {
    dueAtOrBefore: back(policy.dueDays),
    staleAtOrBefore: back(policy.staleDays),
    safetyLineDueAtOrBefore: back(policy.safetyLineDueDays),
    safetyLineStaleAtOrBefore: back(policy.safetyLineStaleDays),
  };
}

/**
 * A safety line: a real hotline with a role (crisis, domestic violence, …), the listings
 * chooseSafetyLines picks from. These follow the safety-line periods: a number that stopped
 * working must not wait a year to be noticed.
 */
export function isSafetyLine(r: { kind: string; line_roles: readonly string[] | null; demo: boolean }): boolean {
  return r.kind === 'hotline' && (r.line_roles?.length ?? 0) > 0 && !r.demo;
}

/**
 * The status of a listing verified at `lastVerifiedAt`. A listing never verified (a demo listing,
 * or one added without a date) is `due`, not `stale`: it needs a check, but nobody can say its
 * details are old, and the stale caveat says when they were last checked.
 */
export function verificationStatus(lastVerifiedAt: Date | null, safetyLine: boolean, cutoffs: VerificationCutoffs): VerificationStatus {
  if (lastVerifiedAt === null) return 'due';
  const at = lastVerifiedAt.getTime();
  if (at <= (safetyLine ? cutoffs.safetyLineStaleAtOrBefore : cutoffs.staleAtOrBefore).getTime()) return 'stale';
  if (at <= (safetyLine ? cutoffs.safetyLineDueAtOrBefore : cutoffs.dueAtOrBefore).getTime()) return 'due';
  return 'current';
}
