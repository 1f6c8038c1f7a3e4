import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthIndicatorService } from '@nestjs/terminus';

import { DirectorySearch } from '../resources/directory-search.js';

/**
 * Readiness of the in-memory directory index: down until it is built (directory reads answer 503
 * meanwhile). DirectorySearch is looked up in the app rather than imported with ResourcesModule:
 * importing it here would move the directory's routes ahead of the others in docs/openapi.json.
 */
@Injectable()
export class DirectoryIndexHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly moduleRef: ModuleRef,
  ) {}

  check(key: 'directoryIndex') {
    const { ready, ...status } = this.moduleRef.get(DirectorySearch, { strict: false }).status();
    const indicator = this.indicators.check(key);
    return ready ? indicator.up(status) : indicator.down(status);
  }
}
