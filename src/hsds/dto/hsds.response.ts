import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/*
 * The HSDS 3.0 shapes Mend publishes (https://docs.openreferral.org/en/latest/), with the
 * specification's field names and nesting. Only the fields Mend fills are listed; optional
 * fields Mend has no value for are left out rather than sent as null (HSDS types them as
 * plain strings and numbers). Validated against the compiled HSDS schemas in
 * test/fixtures/hsds/ by test/hsds.e2e-spec.ts.
 */

export class HsdsTaxonomyDetailResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'mend:format' }) name: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: 'https://mend.dev/hsds/taxonomies/mend:format' }) uri: string;
  @ApiProperty({ example: '1' }) version: string;
}

export class HsdsTaxonomyTermResponse {
  @ApiProperty({ format: 'uuid', description: 'The same for this term in every Mend export.' }) id: string;
  @ApiProperty({ example: 'video', description: 'The Mend code (GET /v1/taxonomy), or the name of a `mend` fact.' }) code: string;
  @ApiProperty({ example: 'Video' }) name: string;
  @ApiProperty() description: string;
  @ApiProperty({
    example: 'mend:format',
    description: "`mend:<vocabulary>` for Mend's vocabularies, `mend` for facts HSDS has no field for.",
  })
  taxonomy: string;
  @ApiProperty({ format: 'uuid' }) taxonomy_id: string;
  @ApiProperty({ example: 'https://mend.dev/hsds/taxonomies/mend:format/video' }) term_uri: string;
  @ApiProperty({ example: 'en' }) language: string;
  @ApiProperty({ type: HsdsTaxonomyDetailResponse }) taxonomy_detail: HsdsTaxonomyDetailResponse;
}

export class HsdsAttributeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The service the attribute describes.' }) link_id: string;
  @ApiProperty({ example: 'service' }) link_entity: string;
  @ApiProperty({ example: 'format', description: 'The Mend vocabulary the term belongs to, or `mend` for a fact.' }) link_type: string;
  @ApiProperty({ format: 'uuid' }) taxonomy_term_id: string;
  @ApiPropertyOptional({
    example: 'true',
    description: 'The fact, for terms of the `mend` taxonomy (booleans as "true"/"false", integers in decimal).',
  })
  value?: string;
  @ApiProperty({ type: HsdsTaxonomyTermResponse }) taxonomy_term: HsdsTaxonomyTermResponse;
}

/** What every record nested in a service has: its own id and the service's (HSDS's service_id foreign key). */
export class HsdsServiceRecord {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) service_id: string;
}

export class HsdsLanguageResponse extends HsdsServiceRecord {
  @ApiProperty({ example: 'Spanish' }) name: string;
  @ApiProperty({ example: 'es', description: 'ISO 639-1.' }) code: string;
}

export class HsdsServiceAreaResponse extends HsdsServiceRecord {
  @ApiProperty({ example: 'Ohio' }) name: string;
  @ApiProperty({ example: 'US-OH', description: 'The ISO 3166-2 region or ISO 3166-1 country code.' }) extent: string;
  @ApiProperty({ example: 'text' }) extent_type: string;
  @ApiProperty({ example: 'https://www.iso.org/obp/ui/#iso:code:3166:US-OH' }) uri: string;
  @ApiProperty({ example: 'ISO 3166-2 US-OH' }) description: string;
}

export class HsdsCostOptionResponse extends HsdsServiceRecord {
  @ApiProperty({ example: 'Lowest fee per session' }) option: string;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({
    example: 90,
    description: 'In major units (dollars); the exact minor units are in the mend fee_min_minor / fee_max_minor attributes.',
  })
  amount: number;
  @ApiPropertyOptional({ example: 'per session' }) amount_description?: string;
}

export class HsdsPhoneLanguageResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) phone_id: string;
  @ApiProperty({ example: 'American Sign Language' }) name: string;
  @ApiProperty({ example: 'ase', description: 'ISO 639-3 (ase: American Sign Language).' }) code: string;
}

export class HsdsPhoneResponse extends HsdsServiceRecord {
  @ApiProperty({ example: '1-800-799-7233' }) number: string;
  @ApiPropertyOptional({
    enum: ['textphone', 'video'],
    description: 'RFC 6350 type of a TTY (textphone) or videophone (video) number, from the contact channels; absent on the main phone.',
  })
  type?: string;
  @ApiPropertyOptional({ example: 'Videophone (sign language)' }) description?: string;
  @ApiPropertyOptional({
    type: [HsdsPhoneLanguageResponse],
    description: 'A videophone of a resource listed with ASL: American Sign Language, which the line is answered in.',
  })
  languages?: HsdsPhoneLanguageResponse[];
}

export class HsdsAccessibilityResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) location_id: string;
  @ApiProperty({ example: 'Wheelchair accessible: A step-free entrance and an accessible restroom at the location where sessions happen.' })
  description: string;
}

export class HsdsScheduleResponse extends HsdsServiceRecord {
  @ApiProperty({ enum: ['WEEKLY'] }) freq: string;
  @ApiPropertyOptional({ example: 'SA,SU' }) byday?: string;
  @ApiPropertyOptional({ example: '00:00' }) opens_at?: string;
  @ApiPropertyOptional({ example: '23:59' }) closes_at?: string;
  @ApiProperty({ example: 'Weekends: sessions on Saturday or Sunday.' }) description: string;
}

export class HsdsAddressResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) location_id: string;
  @ApiProperty({ description: 'Street address; empty when Mend lists only the city.', example: '' }) address_1: string;
  @ApiProperty({ example: 'Columbus' }) city: string;
  @ApiProperty({ example: 'US-OH', description: 'The ISO 3166-2 region.' }) region: string;
  @ApiProperty({ example: 'Ohio' }) state_province: string;
  @ApiProperty({ example: '43215', description: 'Empty when unknown.' }) postal_code: string;
  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2.' }) country: string;
  @ApiProperty({ enum: ['physical'] }) address_type: string;
}

export class HsdsLocationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['physical'] }) location_type: string;
  @ApiProperty({ format: 'uuid' }) organization_id: string;
  @ApiProperty({ example: 'Riverbend Couples Therapy — Columbus' }) name: string;
  @ApiProperty({ example: 39.9671 }) latitude: number;
  @ApiProperty({ example: -83.0044 }) longitude: number;
  @ApiPropertyOptional({
    type: [HsdsAccessibilityResponse],
    description: 'Physical access at the location: wheelchair_access (step-free entrance, accessible restroom).',
  })
  accessibility?: HsdsAccessibilityResponse[];
  @ApiProperty({ type: [HsdsAddressResponse] }) addresses: HsdsAddressResponse[];
}

export class HsdsServiceAtLocationResponse extends HsdsServiceRecord {
  @ApiProperty({ format: 'uuid' }) location_id: string;
  @ApiProperty({ type: HsdsLocationResponse }) location: HsdsLocationResponse;
}

/** HSDS organization_list: the organization's one-to-one fields. */
export class HsdsOrganizationSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Riverbend Couples Therapy' }) name: string;
  @ApiProperty({ description: 'Required by HSDS; Mend keeps no organization description, so it is empty.', example: '' })
  description: string;
  @ApiPropertyOptional({ example: 'https://riverbend.example' }) website?: string;
}

/**
 * An HSDS service. Lists (`GET /v1/hsds/services`, an organization's services) carry the
 * one-to-one fields and the organization; `full=true`, `full_service=true` and
 * `GET /v1/hsds/services/{id}` add every nested list.
 */
export class HsdsServiceResponse {
  @ApiProperty({ format: 'uuid', description: 'The Mend resource id.' }) id: string;
  @ApiProperty({ format: 'uuid' }) organization_id: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiPropertyOptional({ example: 'https://riverbend.example/couples' }) url?: string;
  @ApiPropertyOptional({ example: 'intake@riverbend.example' }) email?: string;
  @ApiProperty({ enum: ['active', 'inactive'] }) status: string;
  @ApiPropertyOptional({ description: 'Mend cost notes.' }) fees_description?: string;
  @ApiPropertyOptional({ description: 'Who the service welcomes (audiences), and whether it is for safe relationships only.' })
  eligibility_description?: string;
  @ApiPropertyOptional({
    description:
      'Sessions in ASL (directly or through an interpreter the provider arranges) and interpreters on request, from accessibility.',
  })
  interpretation_services?: string;
  @ApiPropertyOptional({ example: '2026-11-25', description: 'The date the facts were last verified.' }) assured_date?: string;
  @ApiProperty({ format: 'date-time' }) last_modified: string;
  @ApiProperty({ type: HsdsOrganizationSummaryResponse }) organization: HsdsOrganizationSummaryResponse;
  @ApiPropertyOptional({ type: [HsdsPhoneResponse] }) phones?: HsdsPhoneResponse[];
  @ApiPropertyOptional({ type: [HsdsScheduleResponse], description: 'From Mend availability (evenings, weekends, 24/7).' })
  schedules?: HsdsScheduleResponse[];
  @ApiPropertyOptional({ type: [HsdsServiceAreaResponse] }) service_areas?: HsdsServiceAreaResponse[];
  @ApiPropertyOptional({ type: [HsdsServiceAtLocationResponse] }) service_at_locations?: HsdsServiceAtLocationResponse[];
  @ApiPropertyOptional({ type: [HsdsLanguageResponse] }) languages?: HsdsLanguageResponse[];
  @ApiPropertyOptional({ type: [HsdsCostOptionResponse] }) cost_options?: HsdsCostOptionResponse[];
  @ApiPropertyOptional({
    type: [HsdsAttributeResponse],
    description:
      "Mend's vocabularies (taxonomies mend:kind, mend:format, mend:specialty, mend:approach, mend:audience, mend:accessibility, mend:credential, mend:payment, mend:availability) and the `mend` facts HSDS has no field for.",
  })
  attributes?: HsdsAttributeResponse[];
}

/** An HSDS organization with its services (one-to-one fields, or fully nested with full_service=true). */
export class HsdsOrganizationResponse extends HsdsOrganizationSummaryResponse {
  @ApiProperty({ type: [HsdsServiceResponse] }) services: HsdsServiceResponse[];
}

/** The HSDS API's page (components.schemas.Page). */
export class HsdsPage {
  @ApiProperty({ type: 'integer', example: 98, description: 'Items over all pages.' }) total_items: number;
  @ApiProperty({ type: 'integer', example: 5 }) total_pages: number;
  @ApiProperty({ type: 'integer', example: 1, description: 'This page, from 1.' }) page_number: number;
  @ApiProperty({ type: 'integer', example: 20, description: 'Items on this page.' }) size: number;
  @ApiProperty() first_page: boolean;
  @ApiProperty() last_page: boolean;
  @ApiProperty({ description: 'True when this page has no items.' }) empty: boolean;
}

export class HsdsServicePage extends HsdsPage {
  @ApiProperty({ type: [HsdsServiceResponse] }) contents: HsdsServiceResponse[];
}

export class HsdsOrganizationPage extends HsdsPage {
  @ApiProperty({ type: [HsdsOrganizationSummaryResponse] }) contents: HsdsOrganizationSummaryResponse[];
}
