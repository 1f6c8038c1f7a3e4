import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';

@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'checkLiveness', summary: 'Liveness: the process is up and serving HTTP' })
  @ApiOkResponse({ description: 'Alive', schema: { example: { status: 'ok' } } })
  checkLiveness() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false }) // documented below, the same under jest and node
  @ApiOperation({ operationId: 'checkReadiness', summary: 'Readiness: the database answers within 1.5 s' })
  @ApiOkResponse({ description: 'Ready to serve traffic' })
  @ApiServiceUnavailableResponse({ description: 'Not ready (problem+json with the failing checks)' })
  checkReadiness() {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 1500 })]);
  }
}
