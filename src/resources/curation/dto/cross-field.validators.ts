import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

import { accessibilityProblem } from '../../accessibility.js';
import { translationsProblem } from '../../resource-texts.js';

const sibling = (args: ValidationArguments, field: string): unknown => (args.object as Record<string, unknown>)[field];

/** A number not below a sibling number field, when both are given (a fee range: feeMax ≥ feeMin). */
export function IsNotLessThanField(field: string, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'notLessThanField',
      target: object.constructor,
      propertyName,
      constraints: [field],
      options: { message: `$property must not be less than ${field}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const other = sibling(args, field);
          return typeof value !== 'number' || typeof other !== 'number' || value >= other;
        },
      },
    });
}

/** An ISO 3166-2 region of the country in a sibling field (US-OH is in US). */
export function IsRegionOfCountryField(field: string, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'regionOfCountry',
      target: object.constructor,
      propertyName,
      constraints: [field],
      options: { message: `$property must be a region of the location's ${field}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const country = sibling(args, field);
          return typeof value !== 'string' || typeof country !== 'string' || value.startsWith(`${country}-`);
        },
      },
    });
}

/** A list that may be non-empty only when a sibling field has the given value (lineRoles only on hotlines). */
export function IsEmptyUnlessField(field: string, expected: string, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'emptyUnlessField',
      target: object.constructor,
      propertyName,
      constraints: [field, expected],
      options: { message: `$property is only for resources whose ${field} is ${expected}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          return !Array.isArray(value) || value.length === 0 || sibling(args, field) === expected;
        },
      },
    });
}

/** A non-empty list when the record is a real (non-demo) resource of the given kind (lineRoles on a real hotline). */
export function IsNotEmptyForRealKind(kind: string, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'notEmptyForRealKind',
      target: object.constructor,
      propertyName,
      constraints: [kind],
      options: { message: `a real (non-demo) ${kind} needs at least one $property value`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          if (sibling(args, 'kind') !== kind || sibling(args, 'demo') === true) return true;
          return Array.isArray(value) && value.length > 0;
        },
      },
    });
}

/**
 * A date not later than `toleranceMs` from now (a verification date cannot be in the future; a day
 * of slack covers a curator a time zone ahead writing today's date). Unparseable values are left to
 * the format check.
 */
export function IsNotInFuture(toleranceMs: number, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'notInFuture',
      target: object.constructor,
      propertyName,
      constraints: [toleranceMs],
      options: { message: '$property must not be in the future', ...options },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') return true;
          const time = Date.parse(value);
          return Number.isNaN(time) || time <= Date.now() + toleranceMs;
        },
      },
    });
}

/** Why a list of accessibility codes is not borne out by the rest of the record (accessibilityProblem). */
function accessibilityProblemOf(args: ValidationArguments): string | undefined {
  if (!Array.isArray(args.value)) return undefined;
  const channels = sibling(args, 'contactChannels');
  const locations = sibling(args, 'locations');
  return accessibilityProblem(
    args.value as string[],
    Array.isArray(channels) ? (channels as { type: string }[]) : [],
    Array.isArray(locations) ? locations : [],
  );
}

/**
 * Accessibility codes the rest of the record bears out: tty and videophone with a contact channel
 * of that type (its number), wheelchair_access with a location.
 */
export function IsBorneOutByRecord(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'borneOutByRecord',
      target: object.constructor,
      propertyName,
      options: { message: (args: ValidationArguments) => `$property: ${accessibilityProblemOf(args)}`, ...options },
      validator: {
        validate: (_value: unknown, args: ValidationArguments) => accessibilityProblemOf(args) === undefined,
      },
    });
}

/** Why translations are not well formed for this record (translationsProblem: known languages and fields, cost notes only beside cost.notes). */
function translationsProblemOf(args: ValidationArguments): string | undefined {
  const cost = sibling(args, 'cost') as { notes?: unknown } | undefined;
  return translationsProblem(args.value ?? undefined, typeof cost?.notes === 'string' && cost.notes.length > 0);
}

/** Translations the record can carry: the record checks' rule (resource-texts.ts), so a valid request never fails them. */
export function IsTranslationsOfRecord(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'translationsOfRecord',
      target: object.constructor,
      propertyName,
      options: { message: (args: ValidationArguments) => `${translationsProblemOf(args)}`, ...options },
      validator: {
        validate: (_value: unknown, args: ValidationArguments) => translationsProblemOf(args) === undefined,
      },
    });
}
