import type { ResourceResponse } from '../../resources/dto/resource.response.js';

export const CONCERNS = ['infidelity', 'lying', 'financial_secrecy', 'hidden_substance_use', 'gambling', 'jealousy_control', 'communication_breakdown', 'other'] as const;
export type Concern = (typeof CONCERNS)[number];
export const WILLINGNESS = ['both', 'one_unsure', 'one_unwilling'] as const;
export type Willingness = (typeof WILLINGNESS)[number];
export const RELATIONSHIPS = ['married', 'unmarried', 'engaged', 'separated'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export type SafetyLevel = 'none' | 'elevated' | 'urgent';
export type HelpType = 'couples_counseling' | 'discernment_counseling' | 'individual_counseling' | 'safety_first';

export interface SafetyAnswers {
  physicalViolence?: boolean;
  feelsAfraid?: boolean;
  coerciveControl?: boolean;
  selfHarmRisk?: boolean;
  sexualViolence?: boolean;
}

/** A couple's situation, normalised: what the engine reasons about (no names, no free text). */
export interface IntakeProfile {
  concerns: Concern[];
  willingness: Willingness;
  safety: SafetyAnswers;
  relationship?: Relationship;
  /** Where they are: a point (in-person search) and/or a region for licensure (US-OH) and country. */
  point?: { lat: number; lng: number };
  region?: string;
  country?: string;
  maxTravelKm: number;
  /** Preferred formats; empty = any. */
  formats: string[];
  languages: string[];
  /** Per session, minor units; undefined = not given; 0 = needs free help. */
  budgetMinor?: number;
  /** Insurer name lower-cased, 'none' for no insurance, undefined if not given. */
  insurance?: string;
  approaches: string[];
  audiences: string[];
  availability: string[];
}

export interface Candidate {
  resource: ResourceResponse;
  /** Metres to the nearest location, when searched near a point. */
  distanceMeters?: number;
}

export interface Reason {
  code: string;
  text: string;
}

export interface Match {
  resource: ResourceResponse;
  score: number;
  reasons: Reason[];
  caveats: Reason[];
}
