import { Logger, Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';

import { Environment } from '../config/environment.js';
import { dataSourceOptions } from './data-source-options.js';
import { DatabaseServer } from './database-server.js';
import { runMigrations } from './migrate.js';

@Module({
  providers: [
    {
      provide: DatabaseServer,
      inject: [Environment, ModuleRef],
      useFactory: (env: Environment, moduleRef: ModuleRef) => DatabaseServer.start(env, moduleRef),
    },
  ],
  exports: [DatabaseServer],
})
class DatabaseServerModule {}

/** TypeORM on PostgreSQL (server or embedded); migrations run at start-up, never `synchronize`. */
@Module({
  imports: [
    DatabaseServerModule,
    TypeOrmModule.forRootAsync({
      imports: [DatabaseServerModule],
      inject: [DatabaseServer, Environment],
      useFactory: (server: DatabaseServer, env: Environment) => dataSourceOptions(server.url, env.DB_POOL_SIZE),
      dataSourceFactory: async (options?: DataSourceOptions) => {
        const dataSource = await new DataSource(options!).initialize();
        const applied = await runMigrations(dataSource);
        if (applied.length) new Logger('Database').log(`Applied migrations: ${applied.join(', ')}`);
        return dataSource;
      },
    }),
  ],
  exports: [DatabaseServerModule, TypeOrmModule],
})
export class DatabaseModule {}
