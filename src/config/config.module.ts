import { Module } from '@nestjs/common';
import { Environment, validateEnvironment } from './environment.js';

/**
 * Provides the validated {@link Environment}. Tests and scripts can override it
 * with `.overrideProvider(Environment)`; nothing else reads process.env.
 */
@Module({
  providers: [{ provide: Environment, useFactory: () => validateEnvironment(process.env) }],
  exports: [Environment],
})
export class ConfigModule {}
