import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions, OmitType, PartialType } from '@nestjs/swagger';
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
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { stack } from '../../../common/decorator-stack.js';
import { NestedObject } from '../../../common/dto/field-decorators.js';
import { UUID_TEXT } from '../../../common/uuid.js';
import {
  ACCESSIBILITY,
  type AccessibilityCode,
  type Approach,
  APPROACHES,
  type Audience,
  AUDIENCES,
  AVAILABILITY,
  type Availability,
  CONTACT_CHANNELS,
  type ContactChannelType,
  type Credential,
  CREDENTIALS,
  ELIGIBILITY,
  type Eligibility,
  FEE_PERIODS,
  type FeePeriod,
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
import { CURRENCIES } from '../../resource-record.js';
import { TRANSLATED_FIELD_MAX } from '../../resource-texts.js';
import {
  IsBorneOutByRecord,
  IsEmptyUnlessField,
  IsNotInFuture,
  IsNotLessThanField,
  IsRegionOfCountryField,
  IsTranslationsOfRecord,
} from './cross-field.validators.js';

export const RESOURCE_STATUSES = ['active', 'inactive'] as const;

// Kebab-case, and never shaped like a UUID: GET /v1/resources/{id} reads those as ids.
const SLUG = new RegExp(`^(?!${UUID_TEXT}$)[a-z0-9]+(-[a-z0-9]+)*$`);
const REGION = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
const AREA = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
const PHONE = /^\+?[0-9][0-9 ().-]{1,28}$/;
const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true };
/** Fees above this (minor units: $100,000) are a typo, not a price. */
const MAX_FEE_MINOR = 10_000_000;

// Each stack ends with its type check: class-validator runs a property's decorators bottom-up
// and (stopAtFirstError) reports the first failure, so `"cheap"` for a fee says "must be an
// integer", not "must not be greater than".

/** A required list of taxonomy codes (from src/taxonomy/taxonomy.ts), each at most once. */
function CodeList(codes: readonly string[], description: string, example: string[]) {
  return applyDecorators(
    ApiProperty({ enum: codes, isArray: true, description, example }),
    IsIn(codes, { each: true, message: `each value of $property must be one of: ${codes.join(', ')}` }),
    ArrayUnique(),
    ArrayMaxSize(codes.length),
    IsArray(),
  );
}

/** A list of accessibility codes, each at most once (the checks against the rest of the record are the full record's). */
function AccessibilityCodes() {
  return applyDecorators(
    IsIn(ACCESSIBILITY.codes, { each: true, message: `each value of accessibility must be one of: ${ACCESSIBILITY.codes.join(', ')}` }),
    ArrayUnique(),
    ArrayMaxSize(ACCESSIBILITY.codes.length),
    IsArray(),
  );
}

/** A required, non-empty string of at most the `maxLength` it documents. */
function Text(api: ApiPropertyOptions & { maxLength: number }) {
  return stack(ApiProperty(api), MaxLength(api.maxLength), MinLength(1), IsString());
}

/** An optional http(s) URL of at most the `maxLength` it documents. */
function OptionalHttpUrl(api: ApiPropertyOptions & { maxLength: number }) {
  return stack(
    ApiPropertyOptional(api),
    IsOptional(),
    IsUrl(URL_OPTIONS, { message: '$property must be an http(s) URL' }),
    MaxLength(api.maxLength),
    IsString(),
  );
}

/** A real (non-demo) listing must say where its facts come from and when they were checked. */
const requiredUnlessDemo = (o: { demo?: boolean }, value: unknown) => o.demo !== true || (value !== undefined && value !== null);

/** Chat is a web page; a videophone is a number, or a web page with a video call button. */
const isWebChannel = (o: ContactChannelInput) =>
  o.type === 'chat' || (o.type === 'videophone' && typeof o.value === 'string' && /^https?:/i.test(o.value));

export class ContactChannelInput {
  @ApiProperty({ enum: CONTACT_CHANNELS.codes, example: 'text' })
  @IsIn(CONTACT_CHANNELS.codes)
  type: ContactChannelType;

  @ApiProperty({
    example: '88788',
    maxLength: 500,
    description:
      "A number as dialled in the country (text, tty, videophone, relay, call), or an https URL: for chat, and for a videophone answered from a web page (a video call button such as 988's ASL Now).",
  })
  @ValidateIf((o: ContactChannelInput) => isWebChannel(o))
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'a chat or web videophone channel value must be an https URL' })
  @ValidateIf((o: ContactChannelInput) => !isWebChannel(o))
  @Matches(PHONE, { message: 'value must be a phone number such as 1-800-799-7233 or 711' })
  @MaxLength(500)
  @MinLength(1)
  @IsString()
  value: string;

  @ApiPropertyOptional({ example: 'START', maxLength: 40, description: 'For text: the word to send.' })
  @IsOptional()
  @MaxLength(40)
  @MinLength(1)
  @IsString()
  keyword?: string;
}

export class OrganizationInput {
  @Text({ example: 'Riverbend Couples Therapy', maxLength: 200, description: 'Organizations are shared by name across resources.' })
  name: string;

  @OptionalHttpUrl({ example: 'https://riverbend.example', maxLength: 500 })
  website?: string;
}

export class CostInput {
  @ApiProperty({ description: 'Costs the couple nothing.' })
  @IsBoolean()
  free: boolean;

  @ApiProperty({ description: 'Fees adjusted to income.' })
  @IsBoolean()
  slidingScale: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_FEE_MINOR,
    example: 9000,
    description: 'Lowest fee per session, in integer minor units (cents, pence).',
  })
  @IsOptional()
  @Max(MAX_FEE_MINOR)
  @Min(0)
  @IsInt({ message: 'feeMin must be an integer number of minor units (cents)' })
  feeMin?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_FEE_MINOR,
    example: 15000,
    description: 'Highest fee per session, in integer minor units; not below feeMin.',
  })
  @IsOptional()
  @IsNotLessThanField('feeMin')
  @Max(MAX_FEE_MINOR)
  @Min(0)
  @IsInt({ message: 'feeMax must be an integer number of minor units (cents)' })
  feeMax?: number;

  @ApiProperty({ enum: CURRENCIES, example: 'USD', description: 'ISO 4217 currency of the fees.' })
  @IsIn(CURRENCIES)
  currency: (typeof CURRENCIES)[number];

  @ApiPropertyOptional({ enum: FEE_PERIODS.codes, example: 'per_session', description: 'What one fee buys. Absent means per_session.' })
  @IsOptional()
  @IsIn(FEE_PERIODS.codes)
  feePeriod?: FeePeriod;

  @ApiProperty()
  @IsBoolean()
  insuranceAccepted: boolean;

  @ApiProperty({ type: [String], example: ['Aetna', 'Cigna'], description: 'Insurer names as the provider lists them.' })
  @MaxLength(100, { each: true })
  @MinLength(1, { each: true })
  @IsString({ each: true })
  @ArrayMaxSize(50)
  @IsArray()
  insurers: string[];

  @ApiProperty({ description: 'Can be used with no insurance at all.' })
  @IsBoolean()
  noInsuranceNeeded: boolean;

  @ApiPropertyOptional({ maxLength: 1000, example: 'First session free.' })
  @IsOptional()
  @MaxLength(1000)
  @IsString()
  notes?: string;
}

/** Texts written in one language for the listing's English name, description and cost notes. */
export class ResourceTextsInput {
  @ApiPropertyOptional({ maxLength: TRANSLATED_FIELD_MAX.name, example: 'Línea Nacional contra la Violencia Doméstica' })
  @IsOptional()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(TRANSLATED_FIELD_MAX.name)
  @IsString()
  name?: string;

  @ApiPropertyOptional({ maxLength: TRANSLATED_FIELD_MAX.description })
  @IsOptional()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(TRANSLATED_FIELD_MAX.description)
  @IsString()
  description?: string;

  @ApiPropertyOptional({ maxLength: TRANSLATED_FIELD_MAX.costNotes, description: 'Only beside cost.notes.' })
  @IsOptional()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(TRANSLATED_FIELD_MAX.costNotes)
  @IsString()
  costNotes?: string;
}

/** The listing's texts per language other than English (the stored name, description and cost notes are English). */
export class TranslationsInput {
  @NestedObject(ResourceTextsInput, { optional: true, description: 'In Spanish, as the service writes it itself where it does.' })
  es?: ResourceTextsInput;
}

export class LocationInput {
  @ApiPropertyOptional({ example: '100 Main St', maxLength: 200 })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  address?: string;

  @Text({ example: 'Columbus', maxLength: 100 })
  city: string;

  @ApiProperty({ example: 'US-OH', description: 'ISO 3166-2 region, inside country.', pattern: REGION.source })
  @IsRegionOfCountryField('country')
  @Matches(REGION, { message: 'region must be an ISO 3166-2 region such as US-OH' })
  @IsString()
  region: string;

  @ApiPropertyOptional({ example: '43215', maxLength: 12, pattern: '^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$/, { message: 'postalCode must be a postal code such as 43215' })
  @IsString()
  postalCode?: string;

  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2 country.', pattern: '^[A-Z]{2}$' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as US' })
  @IsString()
  country: string;

  @ApiProperty({ example: 39.9671, minimum: -90, maximum: 90 })
  @Max(90)
  @Min(-90)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  latitude: number;

  @ApiProperty({ example: -83.0044, minimum: -180, maximum: 180 })
  @Max(180)
  @Min(-180)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  longitude: number;
}

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

/** In a merge patch, null removes an optional field (RFC 7396): these say so, so a generated client can send it. */
const RemovableText = () => ApiPropertyOptional({ type: String, nullable: true });
const RemovableInteger = () => ApiPropertyOptional({ type: 'integer', nullable: true });
const RemovableList = (type: unknown) => ApiPropertyOptional({ type: type as never, isArray: true, nullable: true });

export class OrganizationPatch extends PartialType(OrganizationInput) {
  @RemovableText() website?: string;
}

export class ResourceTextsPatch extends PartialType(ResourceTextsInput) {
  @RemovableText() name?: string;
  @RemovableText() description?: string;
  @RemovableText() costNotes?: string;
}

export class TranslationsPatch {
  @NestedObject(ResourceTextsPatch, { optional: true, description: 'Spanish; null removes them all.' })
  es?: ResourceTextsPatch;
}

export class CostPatch extends PartialType(CostInput) {
  @RemovableInteger() feeMin?: number;
  @RemovableInteger() feeMax?: number;
  @RemovableText() notes?: string;
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
