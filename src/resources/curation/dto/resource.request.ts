import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { NestedObject } from '../../../common/dto/field-decorators.js';
import {
  ACCESSIBILITY,
  type AccessibilityCode,
  type Approach,
  APPROACHES,
  type Audience,
  AUDIENCES,
  AVAILABILITY,
  type Availability,
  type Credential,
  CREDENTIALS,
  ELIGIBILITY,
  type Eligibility,
  type Format,
  FORMATS,
  LINE_ROLES,
  type LineRole,
  PAYMENT_OPTIONS,
  type PaymentOption,
  RESOURCE_KINDS,
  type ResourceKind,
  SPECIALTIES,
  type Specialty,
} from '../../../taxonomy/taxonomy.js';
import { ContactChannelInput } from './contact-channel.input.js';
import { CostInput, CostPatch } from './cost.input.js';
import { IsBorneOutByRecord, IsEmptyUnlessField, IsNotInFuture, IsTranslationsOfRecord } from './cross-field.validators.js';
import { LocationInput } from './location.input.js';
import { OrganizationInput, OrganizationPatch } from './organization.input.js';
import {
  AccessibilityCodes,
  AREA,
  CodeList,
  OptionalHttpUrl,
  PHONE,
  RemovableInteger,
  RemovableList,
  RemovableText,
  requiredUnlessDemo,
  SLUG,
  Text,
  URL_OPTIONS,
} from './resource-field.decorators.js';
import { TranslationsInput, TranslationsPatch } from './resource-texts.input.js';

export const RESOURCE_STATUSES = ['active', 'inactive'] as const;

/**
 * A directory record, in the shape of a curated seed record (ResourceRecord, resource-record.ts): a
 * record from seeds/data/*.json can be posted as it is. Validated against the taxonomy.
 */
export class CreateResourceRequest {
  @ApiProperty({
    example: 'riverbend-couples-therapy',
    maxLength: 120,
    description: 'Unique, kebab-case; the resource can be fetched by it.',
  })
  @Matches(SLUG, { message: 'slug must be kebab-case (a-z, 0-9, single hyphens) and not a UUID' })
  @MaxLength(120)
  @IsString()
  slug: string;

  @Text({ example: 'Riverbend Couples Therapy', maxLength: 200 })
  name: string;

  @Text({ maxLength: 2000, description: 'What the resource offers, in our own words (1–3 sentences).' })
  description: string;

  @NestedObject(OrganizationInput)
  organization: OrganizationInput;

  @OptionalHttpUrl({ example: 'https://riverbend.example/couples', maxLength: 500 })
  url?: string;

  @ApiPropertyOptional({ example: '1-800-799-7233', description: 'As dialled in the country.' })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a phone number such as 1-800-799-7233 or 988' })
  @IsString()
  phone?: string;

  @ApiPropertyOptional({ example: 'intake@riverbend.example', maxLength: 254 })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  @IsString()
  email?: string;

  @ApiProperty({ enum: RESOURCE_KINDS.codes, example: 'practice' })
  @IsIn(RESOURCE_KINDS.codes)
  kind: ResourceKind;

  @CodeList(FORMATS.codes, 'How sessions happen.', ['in_person', 'video'])
  formats: Format[];

  @NestedObject(CostInput)
  cost: CostInput;

  @CodeList(SPECIALTIES.codes, 'Specialties.', ['infidelity', 'trust_rebuilding'])
  specialties: Specialty[];

  @CodeList(APPROACHES.codes, 'Therapeutic approaches.', ['gottman'])
  approaches: Approach[];

  @ApiProperty({ type: [String], example: ['en', 'es'], description: 'ISO 639-1 codes.' })
  @Matches(/^[a-z]{2}$/, { each: true, message: 'each value of languages must be an ISO 639-1 code such as en or es' })
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsArray()
  languages: string[];

  @CodeList(AUDIENCES.codes, 'Audiences the resource welcomes.', ['unmarried_couples'])
  audiences: Audience[];

  @ApiPropertyOptional({
    enum: ACCESSIBILITY.codes,
    isArray: true,
    description:
      'How a person with a disability can reach and use it (GET /v1/taxonomy defines each code); only what the provider states. ' +
      'tty and videophone need a contact channel of that type (its number); wheelchair_access needs a location. ' +
      'Codes the contact channels state (tty, videophone, relay; text_based for text, chat or chat sessions) are added when stored. Absent means none.',
    example: ['asl', 'wheelchair_access'],
  })
  @IsOptional()
  @IsBorneOutByRecord()
  @AccessibilityCodes()
  accessibility?: AccessibilityCode[];

  @CodeList(CREDENTIALS.codes, 'Clinician credentials.', ['licensed_clinician'])
  credentials: Credential[];

  @CodeList(PAYMENT_OPTIONS.codes, 'Payment options.', ['insurance', 'cash'])
  paymentOptions: PaymentOption[];

  @ApiProperty({ type: [LocationInput], description: 'Where sessions happen in person, in order (the first is the main one).' })
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @ArrayMaxSize(50)
  @IsArray()
  @Type(() => LocationInput)
  locations: LocationInput[];

  @ApiProperty({
    type: [String],
    example: ['US-OH'],
    description: 'ISO 3166-2 regions or whole countries a remote service may serve (licensure).',
  })
  @Matches(AREA, { each: true, message: 'each value of serviceAreas must be an ISO 3166-2 region (US-OH) or a country code (US)' })
  @ArrayUnique()
  @ArrayMaxSize(100)
  @IsArray()
  serviceAreas: string[];

  @ApiProperty()
  @IsBoolean()
  acceptingNewClients: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 365, description: 'Typical wait before a first session, in days.' })
  @IsOptional()
  @Max(365)
  @Min(0)
  @IsInt()
  waitTimeDays?: number;

  @CodeList(AVAILABILITY.codes, 'Availability.', ['evenings'])
  availability: Availability[];

  @ApiProperty({ description: 'Both partners can join one live session together.' })
  @IsBoolean()
  jointSessions: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'The provider says it is not for relationships with abuse or coercive control (never suggested when safety is at stake).',
  })
  @IsOptional()
  @IsBoolean()
  requiresSafeRelationship?: boolean;

  @ApiPropertyOptional({
    description:
      'The provider says it is not for people in an acute crisis, such as suicidal thoughts (never suggested when self-harm risk is reported). Absent means false.',
  })
  @IsOptional()
  @IsBoolean()
  notForCrisis?: boolean;

  @ApiPropertyOptional({
    enum: ELIGIBILITY.codes,
    isArray: true,
    description: 'Who the service is ONLY for (absent or empty: anyone). Audiences say whom it welcomes.',
    example: ['military_community'],
  })
  @IsOptional()
  @IsIn(ELIGIBILITY.codes, { each: true, message: `each value of eligibility must be one of: ${ELIGIBILITY.codes.join(', ')}` })
  @ArrayUnique()
  @ArrayMaxSize(ELIGIBILITY.codes.length)
  @IsArray()
  eligibility?: Eligibility[];

  @ApiPropertyOptional({
    enum: LINE_ROLES.codes,
    isArray: true,
    description: 'For hotlines only: what the line is for. A hotline without a role is never shown as a safety line.',
    example: ['domestic_violence'],
  })
  @IsOptional()
  @IsEmptyUnlessField('kind', 'hotline')
  @IsIn(LINE_ROLES.codes, { each: true, message: `each value of lineRoles must be one of: ${LINE_ROLES.codes.join(', ')}` })
  @ArrayUnique()
  @ArrayMaxSize(LINE_ROLES.codes.length)
  @IsArray()
  lineRoles?: LineRole[];

  @ApiPropertyOptional({ type: [ContactChannelInput], description: 'Other ways in: text, chat, TTY, videophone (sign language), relay.' })
  @IsOptional()
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @ArrayMaxSize(20)
  @IsArray()
  @Type(() => ContactChannelInput)
  contactChannels?: ContactChannelInput[];

  @IsTranslationsOfRecord()
  @NestedObject(TranslationsInput, {
    optional: true,
    description:
      'The name, description and cost notes above are English; these are the texts for readers of other languages (a response in that language shows them, and says so in nameLang, descriptionLang, cost.notesLang). ' +
      'A change to an English text that leaves its translation alone drops the translation (never kept beside English it no longer says).',
  })
  translations?: TranslationsInput;

  @ApiPropertyOptional({ default: false, description: 'A fictional listing for demonstration.' })
  @IsOptional()
  @IsBoolean()
  demo?: boolean;

  @ApiPropertyOptional({
    example: 'https://riverbend.example/fees',
    maxLength: 500,
    description: 'Where the facts come from. Required unless demo.',
  })
  @ValidateIf(requiredUnlessDemo)
  @IsDefined({ message: 'sourceUrl is required for a real (non-demo) resource' })
  @IsUrl(URL_OPTIONS, { message: 'sourceUrl must be an http(s) URL' })
  @MaxLength(500)
  @IsString()
  sourceUrl?: string;

  @ApiPropertyOptional({
    example: '2026-11-25',
    description:
      'When the facts were last checked (ISO 8601 date or date-time, not more than a day ahead). Required unless demo; POST /v1/resources/{id}/verify sets it to now.',
  })
  @ValidateIf(requiredUnlessDemo)
  @IsDefined({ message: 'lastVerifiedAt is required for a real (non-demo) resource' })
  @IsISO8601({ strict: true }, { message: 'lastVerifiedAt must be an ISO 8601 date such as 2026-11-25' })
  @IsString()
  @IsNotInFuture(86_400_000, { message: 'lastVerifiedAt must not be more than a day in the future' })
  lastVerifiedAt?: string;
}

/**
 * A JSON merge patch (RFC 7396) of a resource: only the fields given change; objects
 * (organization, cost) merge field by field; arrays (locations too) replace; null removes an
 * optional field. The merged record must be valid as a whole.
 *
 * No field has a default here (src/common/openapi/contract.ts strips them from every request
 * schema): a generated client that filled in `requiresSafeRelationship: false` "by default" would
 * clear a listing's safety flag. The booleans are not nullable: turning a flag off takes an
 * explicit false.
 */
export class UpdateResourceRequest extends PartialType(
  OmitType(CreateResourceRequest, ['organization', 'cost', 'accessibility', 'translations'] as const),
) {
  @NestedObject(OrganizationPatch, { optional: true })
  organization?: OrganizationPatch;

  @NestedObject(CostPatch, { optional: true })
  cost?: CostPatch;

  @ApiPropertyOptional({ enum: RESOURCE_STATUSES, description: '"active" brings back a deleted (inactive) resource.' })
  @ValidateIf((_o, value) => value !== undefined)
  @IsIn(RESOURCE_STATUSES)
  status?: (typeof RESOURCE_STATUSES)[number];

  @RemovableText() url?: string;
  @RemovableText() phone?: string;
  @RemovableText() email?: string;
  @RemovableInteger() waitTimeDays?: number;
  @RemovableList(String) eligibility?: Eligibility[];
  // The codes alone: whether the channels and locations bear them out is checked on the merged record.
  @RemovableList(String)
  @IsOptional()
  @AccessibilityCodes()
  accessibility?: AccessibilityCode[];
  @RemovableList(String) lineRoles?: LineRole[];
  @RemovableList(ContactChannelInput) contactChannels?: ContactChannelInput[];
  @NestedObject(TranslationsPatch, { optional: true, description: 'Merged language by language, field by field; null removes.' })
  translations?: TranslationsPatch;
  @RemovableText() sourceUrl?: string;
  @RemovableText() lastVerifiedAt?: string;
}

export class VerifyResourceRequest {
  @OptionalHttpUrl({
    example: 'https://www.thehotline.org/',
    maxLength: 500,
    description: 'The page the facts were checked against; replaces the stored sourceUrl.',
  })
  sourceUrl?: string;
}
