import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsNumber, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

import { MoneyAmount, OptionalText, PageCursor, PageLimit, PostalCodeField } from '../../common/dto/field-decorators.js';
import { QueryBoolean, QueryEnumList, toList } from '../../common/dto/query-decorators.js';
import { LangField } from '../../common/i18n/localized.js';
import { LAT_LNG_PATTERN } from '../../common/place/place.js';
import {
  ACCESSIBILITY,
  APPROACHES,
  AUDIENCES,
  AVAILABILITY,
  CREDENTIALS,
  ELIGIBILITY,
  FORMATS,
  PAYMENT_OPTIONS,
  RESOURCE_KINDS,
  SPECIALTIES,
} from '../../taxonomy/taxonomy.js';

export const SORTS = ['relevance', 'distance', 'fee', 'name'] as const;
export type SortOrder = (typeof SORTS)[number];
export const FACET_FIELDS = [
  'kind',
  'format',
  'specialty',
  'approach',
  'language',
  'audience',
  'accessibility',
  'credential',
  'payment',
  'availability',
] as const;
export type FacetField = (typeof FACET_FIELDS)[number];
export const SUPPORTED_POSTAL_COUNTRIES = ['US', 'CA'] as const;

/** GET /v1/resources query: every filter optional and combinable (AND across parameters, OR within one). */
export class SearchResourcesQuery {
  @OptionalText({
    description:
      'Full-text search over name, description, organization and specialties (stemmed, ranked). Everyday words find the taxonomy: "affair" or "cheating" → infidelity, "money" → financial conflict, "drinking" → substance use, "online" → video/chat.',
    example: 'affair recovery',
    maxLength: 200,
  })
  q?: string;

  @QueryEnumList(RESOURCE_KINDS.codes, 'Kind of resource.', ['practice', 'online_service'])
  kind?: string[];

  @QueryEnumList(FORMATS.codes, 'How sessions happen.', ['video'])
  format?: string[];

  @QueryBoolean('Only resources that cost nothing.')
  free?: boolean;

  @QueryBoolean('Only resources with a sliding-scale fee.')
  slidingScale?: boolean;

  @ApiPropertyOptional({
    description:
      'Budget per session in currency units of the resource (e.g. 80 = $80): resources whose lowest fee is within it, free ones, and sliding-scale ones with no published minimum.',
    example: 80,
    minimum: 0,
    maximum: 100000,
  })
  @IsOptional()
  @Type(() => Number)
  @MoneyAmount(100000)
  maxFee?: number;

  @OptionalText({ description: 'Accepts this insurer (case-insensitive exact name).', example: 'Aetna', maxLength: 100 })
  insurance?: string;

  @QueryBoolean('Only resources that can be used without any insurance.')
  noInsuranceNeeded?: boolean;

  @QueryEnumList(SPECIALTIES.codes, 'Specialty.', ['infidelity'])
  specialty?: string[];

  @QueryEnumList(APPROACHES.codes, 'Therapeutic approach.', ['gottman'])
  approach?: string[];

  @ApiPropertyOptional({ description: 'Language (ISO 639-1). Repeat or comma list; any of them.', type: [String], example: ['es'] })
  @IsOptional()
  @Transform(({ value }) => toList(value))
  @ArrayMaxSize(20)
  @Matches(/^[a-z]{2}$/, { each: true, message: 'each value of language must be an ISO 639-1 code such as en or es' })
  language?: string[];

  @QueryEnumList(AUDIENCES.codes, 'Audience the resource welcomes.', ['lgbtq_affirming'])
  audience?: string[];

  @QueryEnumList(
    ACCESSIBILITY.codes,
    'Accessibility the person needs (GET /v1/taxonomy defines each code). Unlike the other lists, every code named must be met: a Deaf couple who sign needs `asl`, and a TTY-only practice does not help them.',
    ['asl'],
    'all',
  )
  accessibility?: string[];

  @QueryEnumList(
    ELIGIBILITY.codes,
    'Who the resource is only for. Programs for people who use abuse (`people_who_use_abuse`) are left out of searches unless asked for here: a person searching for help is never shown one by chance.',
    ['military_community'],
  )
  eligibility?: string[];

  @QueryEnumList(CREDENTIALS.codes, 'Clinician credential.', ['gottman_certified'])
  credential?: string[];

  @QueryEnumList(PAYMENT_OPTIONS.codes, 'Payment option.', ['sliding_scale'])
  payment?: string[];

  @QueryEnumList(AVAILABILITY.codes, 'Availability.', ['evenings'])
  availability?: string[];

  @ApiPropertyOptional({
    description:
      'A region (ISO 3166-2, e.g. US-OH) or country (US): remote resources licensed to serve it, plus in-person resources located there.',
    example: 'US-OH',
    pattern: '^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$',
  })
  @IsOptional()
  @IsString()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @Matches(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, { message: 'serves must be an ISO 3166-2 region (US-OH) or a country code (US)' })
  serves?: string;

  @ApiPropertyOptional({
    description:
      'A point "lat,lng" (e.g. 39.9612,-82.9988): resources with a location within radiusKm, each with distanceKm. Use instead of postalCode (no example value, so "Try it out" does not send both).',
    pattern: LAT_LNG_PATTERN.source,
  })
  @IsOptional()
  @IsString()
  @Matches(LAT_LNG_PATTERN, { message: 'near must be "lat,lng" in decimal degrees, e.g. 39.96,-82.99' })
  near?: string;

  @PostalCodeField(
    'A postal code (US ZIP, or the first three characters of a Canadian code), resolved offline to a point; use instead of near.',
  )
  postalCode?: string;

  @ApiPropertyOptional({ description: 'Country of postalCode.', enum: SUPPORTED_POSTAL_COUNTRIES, default: 'US' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsIn(SUPPORTED_POSTAL_COUNTRIES)
  country?: (typeof SUPPORTED_POSTAL_COUNTRIES)[number];

  @ApiPropertyOptional({ description: 'Search radius around near/postalCode, in km.', default: 40, minimum: 1, maximum: 500, example: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(500)
  radiusKm?: number;

  @QueryBoolean('Only resources accepting new clients now.')
  acceptingNewClients?: boolean;

  @QueryBoolean('Only resources where both partners can join one live session together.')
  jointSessions?: boolean;

  @ApiPropertyOptional({
    description:
      'Order: relevance (needs q; default when q is given), distance (needs near/postalCode; default then), fee (lowest first, free first), name (default otherwise).',
    enum: SORTS,
  })
  @IsOptional()
  @IsIn(SORTS)
  sort?: SortOrder;

  @PageLimit('Page size.')
  limit?: number;

  @PageCursor('Opaque cursor from page.nextCursor (or the Link header), to fetch the next page with the same filters.', 512)
  cursor?: string;

  @QueryEnumList(FACET_FIELDS, 'Fields to count values of, over all resources matching the current filters.', ['format', 'kind'])
  facets?: string[];

  @LangField(
    'The language of the texts Mend writes: en or es (provider descriptions stay as written). Wins over Accept-Language; not part of the page cursor.',
  )
  lang?: 'en' | 'es';
}
