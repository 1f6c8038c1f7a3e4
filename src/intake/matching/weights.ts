/**
 * Every ranking weight, in one place. A resource's score is the sum of the weights it
 * earns divided by the sum it could have earned for this intake (so 0–1, comparable
 * across intakes). The reasoning behind each is in docs/matching.md.
 */
export const WEIGHTS = {
  /** The kind of help recommended (couples, discernment, individual, safety) — the right door first. */
  helpTypeFit: 0.35,
  /** What broke trust: a clinician who knows that work (affair recovery, money, substance use). */
  concernFit: 0.2,
  /** Cost is the most common reason couples never start; within budget or sliding scale. */
  affordability: 0.15,
  /** Their insurer is accepted (only when they named one). */
  insurance: 0.08,
  /** Offers a format they asked for. */
  formatFit: 0.08,
  /** Closer in-person help is easier to keep going to (linear to maxTravelKm). */
  proximity: 0.07,
  /** Speaks a language they asked for (beyond matching at all, which is a hard filter). */
  language: 0.05,
  /** Approach, audience (e.g. LGBTQ+ affirming, unmarried couples) and availability preferences. */
  approach: 0.04,
  audience: 0.05,
  availability: 0.03,
  /** Can start soon. */
  capacity: 0.05,
} as const;

/**
 * Taken off the score of a listing whose details are stale (not confirmed for over a year by
 * default): a dead number or a closed practice is a door that does not open, and a person who
 * finally reached out may not try again. Only the score: whether it fits the recommended help and
 * the strong preferences still decide first, so a stale listing drops behind current ones that fit
 * about as well, and is never hidden (its details may still be right; the caveat says to check).
 */
export const STALE_PENALTY = 0.15;

/** Concern → the directory specialties that address it. */
export const CONCERN_SPECIALTIES: Record<string, string[]> = {
  infidelity: ['infidelity', 'trust_rebuilding'],
  lying: ['trust_rebuilding', 'communication'],
  financial_secrecy: ['financial_conflict', 'trust_rebuilding'],
  hidden_substance_use: ['substance_use'],
  gambling: ['gambling', 'financial_conflict'],
  jealousy_control: ['jealousy_control', 'trust_rebuilding'],
  communication_breakdown: ['communication'],
  other: [],
};

/** Concern → support-group specialties for the partner, when the other will not come (Al-Anon, Gam-Anon, SMART Family & Friends). */
export const FAMILY_SUPPORT_SPECIALTIES: Record<string, string[]> = {
  hidden_substance_use: ['substance_use'],
  gambling: ['gambling'],
};

/** The family-support specialties the couple's concerns call for (none unless drinking, drugs or gambling were named). */
export function familySupportSpecialties(concerns: readonly string[]): string[] {
  return concerns.flatMap((c) => FAMILY_SUPPORT_SPECIALTIES[c] ?? []);
}

/** Fewer results than this after the hard filters triggers the relaxation steps. */
export const MIN_MATCHES = 5;
export const DEFAULT_MATCH_COUNT = 10;
