import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { type Locale, LOCALES } from '../../common/i18n/locale.js';
import {
  ACCESSIBILITY,
  APPROACHES,
  AUDIENCES,
  AVAILABILITY,
  CONTACT_CHANNELS,
  CREDENTIALS,
  ELIGIBILITY,
  FEE_PERIODS,
  FORMATS,
  LINE_ROLES,
  PAYMENT_OPTIONS,
  RESOURCE_KINDS,
  SPECIALTIES,
} from '../../taxonomy/taxonomy.js';
import { CURRENCIES } from '../resource-record.js';
import { TRANSLATED_FIELD_MAX } from '../resource-texts.js';
import { VERIFICATION_STATUSES, VERIFIED_BY } from '../verification.js';
import { FACET_FIELDS } from './search-resources.query.js';

export class OrganizationResponse {
  @ApiProperty({ example: 'Riverbend Couples Therapy' }) name: string;
  @ApiProperty({ nullable: true, type: String, example: 'https://example.org' }) website: string | null;
}

export class CostResponse {
  @ApiProperty() free: boolean;
  @ApiProperty() slidingScale: boolean;
  @ApiProperty({ nullable: true, type: 'integer', description: 'Lowest fee per session, in minor units (cents).', example: 9000 }) feeMin:
    number | null;
  @ApiProperty({ nullable: true, type: 'integer', description: 'Highest fee per session, in minor units (cents).', example: 15000 })
  feeMax: number | null;
  @ApiProperty({ enum: CURRENCIES, example: 'USD', description: 'ISO 4217 currency of the fees.' }) currency: string;
  @ApiProperty({
    enum: FEE_PERIODS.codes,
    example: 'per_session',
    description: 'What one fee buys: a session, a week or month of a subscription, a one-time payment or a whole program.',
  })
  feePeriod: string;
  @ApiProperty() insuranceAccepted: boolean;
  @ApiProperty({ type: [String], example: ['Aetna', 'Cigna'] }) insurers: string[];
  @ApiProperty({ description: 'Can be used with no insurance at all.' }) noInsuranceNeeded: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'In the response language where written for it (notesLang says).' })
  notes: string | null;
  @ApiProperty({
    nullable: true,
    enum: [...LOCALES, null],
    example: 'en',
    description: 'The language notes are written in (null without notes).',
  })
  notesLang: Locale | null;
}

export class ResourceTextsResponse {
  @ApiPropertyOptional({ maxLength: TRANSLATED_FIELD_MAX.name, example: 'Línea Nacional contra la Violencia Doméstica' }) name?: string;
  @ApiPropertyOptional({ maxLength: TRANSLATED_FIELD_MAX.description }) description?: string;
  @ApiPropertyOptional({ maxLength: TRANSLATED_FIELD_MAX.costNotes }) costNotes?: string;
}

export class ResourceTranslationsResponse {
  @ApiPropertyOptional({ type: ResourceTextsResponse, description: 'Spanish texts.' }) es?: ResourceTextsResponse;
}

export class LocationResponse {
  @ApiProperty({ nullable: true, type: String, example: '100 Main St' }) address: string | null;
  @ApiProperty({ example: 'Columbus' }) city: string;
  @ApiProperty({ example: 'US-OH', description: 'ISO 3166-2 region.' }) region: string;
  @ApiProperty({ nullable: true, type: String, example: '43215' }) postalCode: string | null;
  @ApiProperty({ example: 'US' }) country: string;
  @ApiProperty({ example: 39.9671 }) latitude: number;
  @ApiProperty({ example: -83.0044 }) longitude: number;
}

export class CapacityResponse {
  @ApiProperty() acceptingNewClients: boolean;
  @ApiProperty({ nullable: true, type: 'integer', description: 'Typical wait before a first session, when known.' }) waitTimeDays:
    number | null;
}

export class ContactChannelResponse {
  @ApiProperty({ enum: CONTACT_CHANNELS.codes, example: 'text' }) type: 'call' | 'text' | 'chat' | 'tty' | 'videophone' | 'relay';
  @ApiProperty({
    example: '88788',
    description: 'A number as dialled in the country, or an https URL: for chat, and for a videophone answered from a web page.',
  })
  value: string;
  @ApiPropertyOptional({ example: 'START', description: 'For text: the word to send.' }) keyword?: string;
}

export class ProvenanceResponse {
  @ApiProperty({ nullable: true, type: String, description: 'Where the facts come from.' }) sourceUrl: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastVerifiedAt: string | null;
  @ApiProperty({
    description:
      'A fictional listing for demonstration: never a real service to contact (shown as "Example listing"). Never among safety lines.',
  })
  demo: boolean;
}

export class VerificationResponse {
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    example: '2026-11-25T00:00:00.000Z',
    description: 'When the details were last confirmed; null when never (demo listings).',
  })
  lastVerifiedAt: string | null;
  @ApiProperty({
    nullable: true,
    enum: [...VERIFIED_BY, null],
    example: 'curator',
    description:
      'Who confirmed them: a Mend curator, the provider itself (through its listing key), an import from another directory, or a curator reviewing a report from the field.',
  })
  verifiedBy: (typeof VERIFIED_BY)[number] | null;
  @ApiProperty({
    enum: VERIFICATION_STATUSES,
    example: 'current',
    description:
      'Computed when read from the freshness policy: current; due for a check (180 days by default, 90 for safety lines; also a listing never verified); stale (365 days, 180 for safety lines): ranked lower in intakes with a details_stale caveat, and a stale safety line is never shown as one.',
  })
  status: (typeof VERIFICATION_STATUSES)[number];
  @ApiProperty({
    example: false,
    description:
      'True while several independent reports from the field say this line does not answer or has closed, until a curator reviews them. Such a line is left out of every safety list; where it is still shown (the directory, by id), show this warning with it.',
  })
  reportedNotWorking: boolean;
}

export class ResourceResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'riverbend-couples-therapy' }) slug: string;
  @ApiProperty({ description: 'In the response language where written for it (nameLang says).' }) name: string;
  @ApiProperty({ enum: LOCALES, example: 'es', description: 'The language name is written in.' }) nameLang: Locale;
  @ApiProperty({
    description:
      'What the resource offers, in the response language where written for it, otherwise as stored (English); descriptionLang says which, so a client can mark the text (lang="en").',
  })
  description: string;
  @ApiProperty({ enum: LOCALES, example: 'es', description: 'The language description is written in.' }) descriptionLang: Locale;
  @ApiProperty({ type: OrganizationResponse }) organization: OrganizationResponse;
  @ApiProperty({ nullable: true, type: String }) url: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ enum: RESOURCE_KINDS.codes }) kind: string;
  @ApiProperty({ enum: FORMATS.codes, isArray: true }) formats: string[];
  @ApiProperty({ type: CostResponse }) cost: CostResponse;
  @ApiProperty({ enum: SPECIALTIES.codes, isArray: true }) specialties: string[];
  @ApiProperty({ enum: APPROACHES.codes, isArray: true }) approaches: string[];
  @ApiProperty({ type: [String], description: 'ISO 639-1 codes.', example: ['en', 'es'] }) languages: string[];
  @ApiProperty({ enum: AUDIENCES.codes, isArray: true }) audiences: string[];
  @ApiProperty({
    enum: ACCESSIBILITY.codes,
    isArray: true,
    description:
      'How a person with a disability can reach and use it (GET /v1/taxonomy defines each code). tty, videophone and relay come with their numbers in contactChannels.',
    example: ['asl', 'videophone', 'text_based'],
  })
  accessibility: string[];
  @ApiProperty({ enum: CREDENTIALS.codes, isArray: true }) credentials: string[];
  @ApiProperty({ enum: PAYMENT_OPTIONS.codes, isArray: true }) paymentOptions: string[];
  @ApiProperty({ type: [LocationResponse] }) locations: LocationResponse[];
  @ApiProperty({
    type: [String],
    description: 'ISO 3166-2 regions or countries a remote service may serve (licensure).',
    example: ['US-OH'],
  })
  serviceAreas: string[];
  @ApiProperty({ type: CapacityResponse }) capacity: CapacityResponse;
  @ApiProperty({ enum: AVAILABILITY.codes, isArray: true }) availability: string[];
  @ApiProperty({ description: 'Both partners can join one live session together.' }) jointSessions: boolean;
  @ApiProperty({
    description: 'The provider says it is not for relationships with abuse or coercive control; never suggested when safety is at stake.',
  })
  safeRelationshipsOnly: boolean;
  @ApiProperty({
    description:
      'The provider says it is not for people in an acute crisis (e.g. suicidal thoughts); never suggested when self-harm risk is reported.',
  })
  notForCrisis: boolean;
  @ApiProperty({
    enum: ELIGIBILITY.codes,
    isArray: true,
    description: 'Who the service is ONLY for (empty: anyone). Unlike audiences, which say whom it welcomes.',
  })
  eligibility: string[];
  @ApiProperty({ enum: LINE_ROLES.codes, isArray: true, description: 'For hotlines: what the line is for (empty for other kinds).' })
  lineRoles: string[];
  @ApiProperty({ type: [ContactChannelResponse], description: 'Other ways in: text, chat, TTY, videophone (sign language), relay.' })
  contactChannels: ContactChannelResponse[];
  @ApiProperty({
    type: ResourceTranslationsResponse,
    description:
      'Every text written for other languages (name, description and cost notes above are English), whatever the response language.',
  })
  translations: ResourceTranslationsResponse;
  @ApiProperty({ type: ProvenanceResponse }) provenance: ProvenanceResponse;
  @ApiProperty({ type: VerificationResponse, description: 'How fresh the details are: when and by whom they were last confirmed.' })
  verification: VerificationResponse;
  @ApiProperty({ enum: ['active', 'inactive'] }) status: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiPropertyOptional({ description: 'Distance from the searched point, km (only with near/postalCode).', example: 3.2 })
  distanceKm?: number;
}

export class PageInfo {
  @ApiProperty({ type: 'integer', example: 20 }) limit: number;
  @ApiProperty({ nullable: true, type: String, description: 'Cursor of the next page; null on the last page.' }) nextCursor: string | null;
  @ApiProperty({
    type: 'integer',
    description: 'Resources matching the filters, over all pages, counted exactly.',
    example: 42,
  })
  total: number;
  @ApiProperty({
    deprecated: true,
    description: 'Always true: total is always exact. Kept for clients that read it (it was false when totals were capped at 1,000).',
  })
  totalExact: boolean;
}

export class FacetValue {
  @ApiProperty({ example: 'video' }) value: string;
  @ApiProperty({ type: 'integer', example: 12 }) count: number;
}

export class ResourceListResponse {
  @ApiProperty({ type: [ResourceResponse] }) data: ResourceResponse[];
  @ApiProperty({ type: PageInfo }) page: PageInfo;
  @ApiPropertyOptional({
    description: 'Counts per value for each requested facet field, over all matching resources.',
    type: 'object',
    properties: Object.fromEntries(
      FACET_FIELDS.map((field) => [field, { type: 'array', items: { $ref: '#/components/schemas/FacetValue' } }]),
    ),
    additionalProperties: false,
    example: {
      format: [
        { value: 'video', count: 12 },
        { value: 'in_person', count: 9 },
      ],
    },
  })
  facets?: Partial<Record<(typeof FACET_FIELDS)[number], FacetValue[]>>;
}
