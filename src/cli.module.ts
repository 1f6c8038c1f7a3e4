import { type DynamicModule, Module, type Type } from '@nestjs/common';

import { ConfigModule } from './config/config.module.js';
import type { Environment } from './config/environment.js';
import { DatabaseModule } from './database/database.module.js';

/**
 * The application context of a CLI script (scripts/*.ts): the database and the one feature module
 * whose services the script calls, on the Environment the script validated, so it runs the app's
 * own code, built by dependency injection. No HTTP server and no schedules (a long import must not
 * deliver webhooks or purge data on the side).
 */
@Module({})
export class CliModule {
  static with(feature: Type, env: Environment): DynamicModule {
    return { module: CliModule, imports: [ConfigModule.forRoot(env), DatabaseModule, feature] };
  }
}
