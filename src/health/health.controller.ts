import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';

import { ApiProblem } from '../common/problem/api-problem.decorator.js';
import { DirectoryIndexHealthIndicator } from './directory-index.health.js';
import { DirectoryIndexStatus, HealthIndicatorStatus, LivenessResponse, ReadinessResponse } from './health.response.js';

@ApiTags('health')
@ApiSecurity({}) // no key: for load balancers and orchestrators
@ApiExtraModels(HealthIndicatorStatus, DirectoryIndexStatus)
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly directoryIndex: DirectoryIndexHealthIndicator,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'checkLiveness', summary: 'Liveness: the process is up and serving HTTP' })
  @ApiOkResponse({ description: 'Alive', type: LivenessResponse })
  checkLiveness(): LivenessResponse {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false }) // documented below, the same under jest and node
  @ApiOperation({
    operationId: 'checkReadiness',
    summary: 'Readiness: the database answers within 1.5 s and the directory index is built',
    description:
      'After start-up the directory index is built in the background (seconds per 100,000 resources); until then this is 503 and directory searches answer 503 directory_not_ready.',
  })
  @ApiOkResponse({ description: 'Ready to serve traffic', type: ReadinessResponse })
  @ApiProblem(503, 'Not ready (code not_ready, with the failing checks); Retry-After says when to look again.')
  checkReadiness() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1500 }),
      () => this.directoryIndex.check('directoryIndex'),
    ]);
  }
}
