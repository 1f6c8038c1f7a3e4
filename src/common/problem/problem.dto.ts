import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'radiusKm', description: 'Dotted field path or query parameter.' }) field: string;
  @ApiProperty({ example: 'min', description: 'Stable reason code.' }) code: string;
  @ApiProperty({ example: 'radiusKm must not be less than 1' }) message: string;
}

/** RFC 9457 problem details, the shape of every error (served as application/problem+json). */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'https://mend.dev/problems/validation-failed' }) type: string;
  @ApiProperty({ example: 'Bad Request' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiPropertyOptional({ example: 'The request has invalid fields: radiusKm.' }) detail?: string;
  @ApiPropertyOptional({ example: '/v1/resources' }) instance?: string;
  @ApiProperty({ example: 'validation_failed', description: 'Stable machine-readable code.' }) code: string;
  @ApiPropertyOptional({ example: '6ea06bae-ab56-41e0-9758-41bd09c199c7' }) requestId?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
}
