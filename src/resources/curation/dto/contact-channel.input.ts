import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUrl, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

import { CONTACT_CHANNELS, type ContactChannelType } from '../../../taxonomy/taxonomy.js';
import { PHONE } from './resource-field.decorators.js';

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
