import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { DataSource } from 'typeorm';

import { Environment } from '../config/environment.js';
import { DatabaseServer } from '../database/database-server.js';

/** A key was revoked or rotated (by its hash), or a partner's status changed: drop cached copies. */
export type KeyEvent = { type: 'key'; hash: string } | { type: 'partner'; partnerId: string };

const PG_CHANNEL = 'mend_key_events';
const RECONNECT_MS = 1000;

/**
 * Broadcasts revocations and partner suspensions to every API instance, so a verified key cached
 * by another instance (ApiKeysService, AUTH_CACHE_SECONDS) stops working at once rather than when
 * its cache entry expires. Redis pub/sub when REDIS_URL is set (the instances share it already for
 * rate limits); PostgreSQL LISTEN/NOTIFY otherwise. Every instance also receives its own events.
 * If the channel is down, the cache TTL still bounds how long a revoked key keeps working.
 */
@Injectable()
export class KeyEvents implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('KeyEvents');
  private readonly handlers: ((event: KeyEvent) => void)[] = [];
  private publisher?: Redis;
  private subscriber?: Redis;
  private listener?: pg.Client;
  private stopped = false;

  constructor(
    private readonly env: Environment,
    private readonly database: DatabaseServer,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  private get redisChannel(): string {
    return `${this.env.RATE_LIMIT_REDIS_PREFIX}:key-events`;
  }

  async onModuleInit(): Promise<void> {
    if (this.env.REDIS_URL) {
      this.publisher = new Redis(this.env.REDIS_URL, { maxRetriesPerRequest: 1 });
      this.subscriber = new Redis(this.env.REDIS_URL);
      for (const client of [this.publisher, this.subscriber]) client.on('error', (e: Error) => this.logger.warn(`Redis: ${e.message}`));
      this.subscriber.on('message', (_channel: string, message: string) => this.receive(message));
      await this.subscriber
        .subscribe(this.redisChannel)
        .catch((e: Error) => this.logger.warn(`Not subscribed to key events: ${e.message}`));
    } else {
      await this.listen();
    }
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.database.url });
    client.on('notification', (n) => n.payload && this.receive(n.payload));
    client.on('error', (e) => {
      this.logger.warn(`Key-event listener lost: ${e.message}; reconnecting`);
      void client.end().catch(() => undefined);
      if (this.listener === client) this.listener = undefined;
      setTimeout(() => void this.listen(), RECONNECT_MS).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${PG_CHANNEL}`);
      this.listener = client;
    } catch (e) {
      this.logger.warn(`Key-event listener not started: ${(e as Error).message}`);
      void client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen(), RECONNECT_MS).unref();
    }
  }

  onEvent(handler: (event: KeyEvent) => void): void {
    this.handlers.push(handler);
  }

  async publish(event: KeyEvent): Promise<void> {
    const message = JSON.stringify(event);
    try {
      if (this.publisher) await this.publisher.publish(this.redisChannel, message);
      else await this.notify(message);
    } catch (e) {
      this.logger.warn(`Key event not broadcast (other instances drop it when their cache expires): ${(e as Error).message}`);
      this.receive(message); // this instance at least
    }
  }

  private async notify(message: string): Promise<void> {
    await this.dataSource.query('SELECT pg_notify($1, $2)', [PG_CHANNEL, message]);
  }

  private receive(message: string): void {
    let event: KeyEvent;
    try {
      event = JSON.parse(message) as KeyEvent;
    } catch {
      return;
    }
    for (const handler of this.handlers) handler(event);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.listener?.end().catch(() => undefined);
    await this.subscriber?.quit().catch(() => undefined);
    await this.publisher?.quit().catch(() => undefined);
  }
}
