import type { ContactChannel } from '../src/resources/resource.row.js';
import type {
  Approach, Audience, Availability, Credential, Eligibility, Format, LineRole, PaymentOption, ResourceKind, Specialty,
} from '../src/taxonomy/taxonomy.js';

/** One curated resource as stored in `seeds/data/*.json` (upserted by slug). */
export interface SeedResource {
  slug: string; // kebab-case, unique
  name: string;
  description: string; // our own words, 1-3 sentences
  organization: { name: string; website?: string };
  url?: string;
  phone?: string; // as dialled in the country, e.g. "988" or "1-800-799-7233"
  email?: string;
  kind: ResourceKind;
  formats: Format[];
  cost: {
    free: boolean;
    slidingScale: boolean;
    feeMin?: number; // per session, integer minor units (cents/pence)
    feeMax?: number;
    currency: 'USD' | 'CAD' | 'GBP' | 'EUR' | 'AUD' | 'NZD';
    insuranceAccepted: boolean;
    insurers: string[]; // e.g. ["Aetna", "Cigna"]
    noInsuranceNeeded: boolean; // can be used without any insurance
    notes?: string;
  };
  specialties: Specialty[];
  approaches: Approach[];
  languages: string[]; // ISO 639-1
  audiences: Audience[];
  credentials: Credential[];
  paymentOptions: PaymentOption[];
  locations: {
    address?: string;
    city: string;
    region: string; // ISO 3166-2, e.g. "US-OH", "CA-ON", "GB-ENG"
    postalCode?: string;
    country: string; // ISO 3166-1 alpha-2
    latitude: number;
    longitude: number;
  }[];
  serviceAreas: string[]; // ISO 3166-2 codes or a whole country ("US")
  acceptingNewClients: boolean;
  waitTimeDays?: number;
  availability: Availability[];
  jointSessions: boolean; // both partners can attend one live session together
  requiresSafeRelationship?: boolean; // the provider says it is not for relationships with abuse (never offered in safety cases)
  notForCrisis?: boolean; // the provider says it is not for people in an acute crisis
  eligibility?: Eligibility[]; // who it is ONLY for (audiences say whom it welcomes)
  lineRoles?: LineRole[]; // hotlines: what the line is for (required for real hotlines)
  contactChannels?: ContactChannel[]; // text, chat, TTY, videophone, relay
  demo: boolean; // true for fictional listings
  sourceUrl?: string; // required for real (demo=false) resources
  lastVerifiedAt?: string; // YYYY-MM-DD, required for real resources
}
