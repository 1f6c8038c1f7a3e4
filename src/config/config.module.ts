import { type DynamicModule, Module } from '@nestjs/common';

import { Clock } from '../common/clock.js';
import { Environment } from './environment.js';

/**
 * Provides the {@link Environment} its entry point validated once (main.ts, a script, a
 * benchmark, the test app) and handed to `AppModule.forRoot(env)`; nothing in `src/` reads
 * process.env. Global, unlike feature modules: every module reads its settings, and the value
 * belongs to the app instance (tests run several apps with different settings in one process),
 * so it cannot be a static provider that each module imports. The {@link Clock} comes with it
 * for the same reason: it is the instance's "now", which tests replace (createTestApp's `clock`).
 */
@Module({})
export class ConfigModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [{ provide: Environment, useValue: env }, Clock],
      exports: [Environment, Clock],
    };
  }
}
