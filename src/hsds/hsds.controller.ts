import { applyDecorators, Controller, Get, Header, Param, Query, type Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  type ApiOperationOptions,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';

import { ProblemDetailsDto } from '../common/problem/problem.dto.js';
import { PublicAccess } from '../partners/access.decorator.js';
import { HsdsOrganizationQuery, HsdsPageQuery, HsdsServicesQuery } from './dto/hsds.query.js';
import { HsdsOrganizationPage, HsdsOrganizationResponse, HsdsServicePage, HsdsServiceResponse } from './dto/hsds.response.js';
import { HsdsService } from './hsds.service.js';

const CACHE = 'public, max-age=60';
const NOT_FOUND = { type: ProblemDetailsDto, description: 'No such id (problem+json, code not_found).' };
const BAD_PARAMETER = { type: ProblemDetailsDto, description: 'Invalid parameter (problem+json naming it).' };

/** A page of HSDS records: public for a minute, 400 naming a bad parameter. */
function HsdsPage(path: string, type: Type, operation: ApiOperationOptions) {
  return applyDecorators(
    Get(path),
    Header('cache-control', CACHE),
    ApiOperation(operation),
    ApiOkResponse({ type }),
    ApiBadRequestResponse(BAD_PARAMETER),
  );
}

/** One HSDS record by its Mend id: public for a minute, 404 for an unknown id. */
function HsdsRecord(path: string, type: Type, operation: ApiOperationOptions) {
  return applyDecorators(
    Get(path),
    Header('cache-control', CACHE),
    ApiOperation(operation),
    ApiParam({ name: 'id', format: 'uuid' }),
    ApiOkResponse({ type }),
    ApiNotFoundResponse(NOT_FOUND),
  );
}

/**
 * The directory in Open Referral HSDS 3.0 (https://docs.openreferral.org/en/latest/), shaped
 * as the HSDS API reference shapes it, for 211-style directories and other HSDS tools.
 */
@ApiTags('hsds')
@PublicAccess('directory:read')
@Controller('hsds')
export class HsdsController {
  constructor(private readonly hsds: HsdsService) {}

  @HsdsPage('services', HsdsServicePage, {
    operationId: 'listHsdsServices',
    summary: 'HSDS services, paged',
    description:
      'Every resource of the directory as an HSDS service, inactive ones too (see status), ordered by name. One-to-one fields and the organization; `full=true` nests everything else.',
  })
  listHsdsServices(@Query() query: HsdsServicesQuery): Promise<HsdsServicePage> {
    return this.hsds.listServices(query);
  }

  @HsdsRecord('services/:id', HsdsServiceResponse, {
    operationId: 'getHsdsService',
    summary: 'One fully nested HSDS service',
    description: 'The id is the Mend resource id.',
  })
  getHsdsService(@Param('id') id: string): Promise<HsdsServiceResponse> {
    return this.hsds.getService(id);
  }

  @HsdsPage('organizations', HsdsOrganizationPage, {
    operationId: 'listHsdsOrganizations',
    summary: 'HSDS organizations, paged',
    description: 'Organizations with at least one service, ordered by name.',
  })
  listHsdsOrganizations(@Query() query: HsdsPageQuery): Promise<HsdsOrganizationPage> {
    return this.hsds.listOrganizations(query);
  }

  @HsdsRecord('organizations/:id', HsdsOrganizationResponse, {
    operationId: 'getHsdsOrganization',
    summary: 'One HSDS organization with its services',
    description: 'Services with their one-to-one fields; `full_service=true` nests them fully.',
  })
  @ApiBadRequestResponse(BAD_PARAMETER)
  getHsdsOrganization(@Param('id') id: string, @Query() query: HsdsOrganizationQuery): Promise<HsdsOrganizationResponse> {
    return this.hsds.getOrganization(id, query.full_service === true, query.include_demo === true);
  }
}
