import { ApiPropertyOptional, type ApiPropertyOptions, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

import { stack } from '../../../common/decorator-stack.js';
import { NestedObject } from '../../../common/dto/field-decorators.js';
import { TRANSLATED_FIELD_MAX } from '../../resource-texts.js';
import { RemovableText } from './resource-field.decorators.js';

/** One optional text of a translation: not blank, and within the length of the English field it stands for. */
function TranslatedText(field: keyof typeof TRANSLATED_FIELD_MAX, api: ApiPropertyOptions = {}) {
  return stack(
    ApiPropertyOptional({ maxLength: TRANSLATED_FIELD_MAX[field], ...api }),
    IsOptional(),
    Matches(/\S/, { message: '$property must not be blank' }),
    MaxLength(TRANSLATED_FIELD_MAX[field]),
    IsString(),
  );
}

/** Texts written in one language for the listing's English name, description and cost notes. */
export class ResourceTextsInput {
  @TranslatedText('name', { example: 'Línea Nacional contra la Violencia Doméstica' })
  name?: string;

  @TranslatedText('description')
  description?: string;

  @TranslatedText('costNotes', { description: 'Only beside cost.notes.' })
  costNotes?: string;
}

/** The listing's texts per language other than English (the stored name, description and cost notes are English). */
export class TranslationsInput {
  @NestedObject(ResourceTextsInput, { optional: true, description: 'In Spanish, as the service writes it itself where it does.' })
  es?: ResourceTextsInput;
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
