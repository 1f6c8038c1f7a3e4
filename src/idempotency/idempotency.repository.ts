import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** One Idempotency-Key's record: who used it, where, and what it answered. */
export interface IdempotencyRecordKey {
  keyId: string;
  endpoint: string;
  key: string;
}

export interface StoredIdempotencyRecord {
  requestHash: string;
  state: 'in_progress' | 'completed';
  responseStatus: number | null;
  responseBody: unknown;
}

/**
 * idempotency_record: an Idempotency-Key seen from one API key on one endpoint. Per key, not per
 * partner: the partner's public publishable key must not replay or pre-claim its secret key's
 * requests. The primary key (api_key_id, endpoint, key) makes concurrent first attempts race on
 * a unique constraint, not a check.
 */
@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Claims the key for a first attempt (INSERT … ON CONFLICT DO NOTHING); false when it is held
   * already. A record that has expired, or whose first attempt has been in progress for over
   * `staleSeconds` (it died), is freed first.
   *
   * The claim commits without waiting for its WAL flush (synchronous_commit off): if the server
   * loses it in a crash, no work was committed under it either (the work's own commit is
   * synchronous and flushes the WAL in order), so a retry starts afresh — what the client
   * expects. It saves one disk flush per write request.
   */
  claim(k: IdempotencyRecordKey, partnerId: string, requestHash: string, retentionHours: number, staleSeconds: number): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('SET LOCAL synchronous_commit = off');
      const insert = () =>
        tx.query<{ key: string }[]>(
          `INSERT INTO idempotency_record (api_key_id, partner_id, endpoint, key, request_hash, state, expires_at)
           VALUES ($1, $2, $3, $4, $5, 'in_progress', now() + make_interval(hours => $6))
           ON CONFLICT DO NOTHING RETURNING key`,
          [k.keyId, partnerId, k.endpoint, k.key, requestHash, retentionHours],
        );
      if ((await insert()).length === 1) return true;
      const released = await tx.query<unknown[]>(
        `DELETE FROM idempotency_record WHERE api_key_id = $1 AND endpoint = $2 AND key = $3
           AND (expires_at < now() OR (state = 'in_progress' AND created_at < now() - make_interval(secs => $4)))
         RETURNING key`,
        [k.keyId, k.endpoint, k.key, staleSeconds],
      );
      return released.length > 0 && (await insert()).length === 1;
    });
  }

  /** Stores the response of the first attempt, in the transaction of its work. */
  async complete(tx: EntityManager, k: IdempotencyRecordKey, status: number, body: unknown): Promise<void> {
    await tx.query(
      `UPDATE idempotency_record SET state = 'completed', response_status = $4, response_body = $5
       WHERE api_key_id = $1 AND endpoint = $2 AND key = $3`,
      [k.keyId, k.endpoint, k.key, status, JSON.stringify(body)],
    );
  }

  /** Frees a key whose first attempt failed (its work rolled back), so the client may retry. */
  async releaseInProgress(k: IdempotencyRecordKey): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_record WHERE api_key_id = $1 AND endpoint = $2 AND key = $3 AND state = 'in_progress'`,
      [k.keyId, k.endpoint, k.key],
    );
  }

  async find(k: IdempotencyRecordKey): Promise<StoredIdempotencyRecord | undefined> {
    const [record] = await this.dataSource.query<(StoredIdempotencyRecord | undefined)[]>(
      `SELECT request_hash AS "requestHash", state, response_status AS "responseStatus", response_body AS "responseBody"
       FROM idempotency_record WHERE api_key_id = $1 AND endpoint = $2 AND key = $3`,
      [k.keyId, k.endpoint, k.key],
    );
    return record;
  }

  /** Deletes the partner's stored responses on `endpoint` whose own id is `id`, in the caller's transaction. */
  async deleteResponsesWithId(tx: EntityManager, partnerId: string, endpoint: string, id: string): Promise<void> {
    await tx.query(`DELETE FROM idempotency_record WHERE partner_id = $1 AND endpoint = $2 AND response_body->>'id' = $3`, [
      partnerId,
      endpoint,
      id,
    ]);
  }

  /** Deletes the partner's stored responses, on any endpoint, that carry this intake id (as `id` or `intakeId`). */
  async deleteResponsesCarryingIntake(tx: EntityManager, partnerId: string, intakeId: string): Promise<void> {
    await tx.query(
      `DELETE FROM idempotency_record WHERE partner_id = $1 AND (response_body->>'id' = $2 OR response_body->>'intakeId' = $2)`,
      [partnerId, intakeId],
    );
  }

  async purgeExpired(): Promise<number> {
    // A DELETE answers [rows, affected count] through TypeORM's PostgreSQL driver.
    const [, affected] = await this.dataSource.query<[unknown[], number | null]>(`DELETE FROM idempotency_record WHERE expires_at < now()`);
    return affected ?? 0;
  }
}
