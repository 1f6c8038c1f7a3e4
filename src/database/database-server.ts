import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';

import type { Environment } from '../config/environment.js';
import { adoptEmbeddedSecret, resolveDatabase, type ResolvedDatabase } from './database-url.js';

let handedOver: ResolvedDatabase | undefined;

/**
 * main.ts starts the database before Nest does, so that a database that cannot start is one
 * paragraph from main.ts rather than an error Nest logs with its stack; the next DatabaseServer takes it.
 */
export function handOverDatabase(resolved: ResolvedDatabase): void {
  handedOver = resolved;
}

/**
 * Where the database is: the configured server, or the embedded one this process started.
 * Owns the embedded server's lifetime: on shutdown the pool is closed first, then the server.
 */
export class DatabaseServer implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private resolved!: ResolvedDatabase;

  constructor(private readonly moduleRef: ModuleRef) {}

  static async start(env: Environment, moduleRef: ModuleRef, options: { attach?: boolean } = {}): Promise<DatabaseServer> {
    const server = new DatabaseServer(moduleRef);
    server.resolved = handedOver ?? (await resolveDatabase(env, (msg) => server.logger.log(msg), options));
    handedOver = undefined;
    adoptEmbeddedSecret(env, server.resolved);
    return server;
  }

  get url(): string {
    return this.resolved.url;
  }

  get isEmbedded(): boolean {
    return this.resolved.embedded !== undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.resolved.embedded) return;
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    if (dataSource?.isInitialized) await dataSource.destroy();
    await this.resolved.embedded.stop();
    this.logger.log('Embedded PostgreSQL stopped');
  }
}
