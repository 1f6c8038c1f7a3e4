import { PartialType } from '@nestjs/swagger';

import { OptionalHttpUrl, RemovableText, Text } from './resource-field.decorators.js';

export class OrganizationInput {
  @Text({ example: 'Riverbend Couples Therapy', maxLength: 200, description: 'Organizations are shared by name across resources.' })
  name: string;

  @OptionalHttpUrl({ example: 'https://riverbend.example', maxLength: 500 })
  website?: string;
}

export class OrganizationPatch extends PartialType(OrganizationInput) {
  @RemovableText() website?: string;
}
