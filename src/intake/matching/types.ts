import type { CodedMessage } from '../../common/i18n/message.js';
// The intake's concern and willingness codes are written once, in the widget's pure module: its
// browser build (tsconfig.widget.json, rootDir src/widget/client) cannot import from here.
import { CONCERNS, WILLINGNESS } from '../../widget/client/format.js';

export { CONCERNS, WILLINGNESS };
export type Concern = (typeof CONCERNS)[number];
/**
 * How the two partners feel about getting help (WILLINGNESS). `one_unsure` meant two things (hesitant about
 * counseling, or unsure about staying); it is still accepted, read as `one_leaning_out`, and deprecated.
 */
export const DEPRECATED_WILLINGNESS = ['one_unsure'] as const;
export type Willingness = (typeof WILLINGNESS)[number];
export const RELATIONSHIPS = ['married', 'unmarried', 'engaged', 'separated'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];
/**
 * What the person filling in the form says about themselves. `worried_about_my_behaviour`: they
 * are worried about their own controlling, jealous or abusive behaviour towards their partner.
 * Asked directly, never inferred from the safety answers (a survivor who minimises answers them the same way).
 */
export const ABOUT_ME = ['worried_about_my_behaviour'] as const;
export type AboutMe = (typeof ABOUT_ME)[number];

export type SafetyLevel = 'none' | 'elevated' | 'urgent';
export type HelpType = 'couples_counseling' | 'discernment_counseling' | 'individual_counseling' | 'safety_first';

export interface SafetyAnswers {
  physicalViolence?: boolean;
  feelsAfraid?: boolean;
  coerciveControl?: boolean;
  selfHarmRisk?: boolean;
  sexualViolence?: boolean;
  /** Choking or strangulation, asked apart from physicalViolence (a lethality sign). */
  strangulation?: boolean;
  /** A weapon used or threatened, or threats to kill (a lethality sign). */
  weaponOrThreatsToKill?: boolean;
}

/** A couple's situation, normalised: what the engine reasons about (no names, no free text). */
export interface IntakeProfile {
  concerns: Concern[];
  willingness: Willingness;
  safety: SafetyAnswers;
  relationship?: Relationship;
  /** The person filling in the form is worried about their own behaviour (ABOUT_ME). */
  aboutMe?: AboutMe;
  /** Where they are: a point (in-person search) and/or a region for licensure (US-OH) and country. */
  point?: { lat: number; lng: number };
  region?: string;
  country?: string;
  maxTravelKm: number;
  /**
   * The radius the candidate search reached after widening (default maxTravelKm). The directory's
   * box reaches further (its corners, √3 × the radius), so a distance beyond this is never said.
   */
  searchRadiusKm?: number;
  /** Preferred formats; empty = any. */
  formats: string[];
  languages: string[];
  /** Per session, minor units; undefined = not given; 0 = needs free help. */
  budgetMinor?: number;
  /** Insurer name lower-cased, 'none' for no insurance, undefined if not given. */
  insurance?: string;
  approaches: string[];
  audiences: string[];
  /** Accessibility needs (taxonomy codes): strong preferences, each met or said to be missing. */
  accessibility: string[];
  availability: string[];
}

/**
 * A resource as the engine reasons about it: only the facts its rules read. Intake maps the
 * directory's resources into it (intake.mapper.ts toMatchable) and maps the engine's answers back
 * to the response DTOs (mapMatch), so the public API can change without the rules changing, and
 * the other way round.
 */
export interface MatchableResource {
  id: string;
  name: string;
  kind: string;
  /** active or inactive. */
  status: string;
  /**
   * How fresh its details are (the directory's verification status at the time of the intake) and
   * how many whole days ago they were last confirmed (null: never). Absent: current.
   */
  freshness?: { status: 'current' | 'due' | 'stale'; checkedDaysAgo: number | null };
  /** A fictional listing: never a safety line. */
  demo: boolean;
  phone: string | null;
  formats: string[];
  specialties: string[];
  approaches: string[];
  languages: string[];
  audiences: string[];
  /** Accessibility codes (taxonomy), including those its contact channels state. */
  accessibility: string[];
  availability: string[];
  paymentOptions: string[];
  /** ISO 3166 codes where it may serve clients (licensure for remote help). */
  serviceAreas: string[];
  /** Credentials of its clinicians (licensed_clinician, …): only a licensed one is called "licensed". */
  credentials: string[];
  /** Who it is ONLY for. */
  eligibility: string[];
  /** Hotlines: what the line is for. */
  lineRoles: string[];
  contactChannels: { type: string }[];
  jointSessions: boolean;
  /** The provider says it is not for relationships with abuse. */
  requiresSafeRelationship: boolean;
  notForCrisis: boolean;
  acceptingNewClients: boolean;
  waitTimeDays: number | null;
  cost: {
    free: boolean;
    slidingScale: boolean;
    /** Minor units; null when not published. */
    feeMin: number | null;
    currency: string;
    /** What one fee buys (per_session, per_program, …). */
    feePeriod: string;
    insuranceAccepted: boolean;
    insurers: string[];
    noInsuranceNeeded: boolean;
  };
}

export interface Candidate {
  resource: MatchableResource;
  /** Metres to the nearest location, when searched near a point. */
  distanceMeters?: number;
}

/** A reason or caveat: a stable code, and what to say about it (rendered per locale in intake.mapper.ts). */
export type Reason = CodedMessage;

export interface Match {
  resource: MatchableResource;
  score: number;
  reasons: Reason[];
  caveats: Reason[];
}
