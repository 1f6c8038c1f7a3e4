import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { IdempotentResult } from '../common/http/idempotency.js';
import { IdempotencyErrors } from './idempotency.errors.js';

const RETENTION_HOURS = 24;
// A first attempt still "in progress" after this long died mid-way (its work was rolled back): a
// retry may take over. Twice the longest a request can run (REQUEST_TIMEOUT_MS default 15 s).
const STALE_IN_PROGRESS_SECONDS = 30;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Canonical JSON (sorted keys) so the same body in another key order is the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Whose Idempotency-Keys: one API key's (records are per key), within its partner (erasure). */
export interface IdempotencyOwner {
  partnerId: string;
  keyId: string;
}

/**
 * IETF Idempotency-Key semantics, per API key and endpoint, for 24 h:
 * - first attempt: a row is claimed with INSERT … ON CONFLICT DO NOTHING (a unique constraint,
 *   not a check-then-insert race), then the work and the stored response commit in ONE transaction;
 * - same key, same body, finished → the original response is replayed;
 * - same key, other body → 422; same key while the first is still running → 409.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * `key` is the header's value (@IdempotencyKey()), undefined without one; a key that is not
   * 1–255 visible ASCII characters is a 400.
   * `prepare` runs after the key is claimed and outside any transaction (it may use the pool
   * freely: holding a transaction's connection while waiting for others starved the pool under
   * load); `commit` runs in the one transaction that also stores the response, and must use `tx`.
   */
  async run<T, P = void>(
    owner: IdempotencyOwner,
    endpoint: string,
    key: string | undefined,
    request: unknown,
    commit: (tx: EntityManager, prepared: P) => Promise<{ status: number; body: T }>,
    prepare: () => Promise<P> = async () => undefined as P,
  ): Promise<IdempotentResult<T>> {
    if (key !== undefined && !KEY_PATTERN.test(key)) throw IdempotencyErrors.invalidKey();
    if (!key) {
      const prepared = await prepare();
      const result = await this.dataSource.transaction((tx) => commit(tx, prepared));
      return { ...result, replayed: false };
    }
    const requestHash = createHash('sha256').update(canonical(request)).digest('hex');
    const claimed = await this.claim(owner, endpoint, key, requestHash);
    if (!claimed) return this.replay<T>(owner.keyId, endpoint, key, requestHash);
    try {
      const prepared = await prepare();
      const result = await this.dataSource.transaction(async (tx) => {
        const done = await commit(tx, prepared);
        await tx.query(
          `UPDATE idempotency_record SET state = 'completed', response_status = $4, response_body = $5
           WHERE api_key_id = $1 AND endpoint = $2 AND key = $3`,
          [owner.keyId, endpoint, key, done.status, JSON.stringify(done.body)],
        );
        return done;
      });
      return { ...result, replayed: false };
    } catch (error) {
      // The work was rolled back: free the key so the client may retry. If the database itself is
      // gone, the claim stays until it goes stale; the original error is what the client needs.
      await this.dataSource
        .query(`DELETE FROM idempotency_record WHERE api_key_id = $1 AND endpoint = $2 AND key = $3 AND state = 'in_progress'`, [owner.keyId, endpoint, key])
        .catch(() => undefined);
      throw error;
    }
  }

  private async claim(owner: IdempotencyOwner, endpoint: string, key: string, requestHash: string): Promise<boolean> {
    // Expired records, and first attempts that died long ago, no longer hold their key.
    await this.dataSource.query(
      `DELETE FROM idempotency_record WHERE api_key_id = $1 AND endpoint = $2 AND key = $3
         AND (expires_at < now() OR (state = 'in_progress' AND created_at < now() - make_interval(secs => $4)))`,
      [owner.keyId, endpoint, key, STALE_IN_PROGRESS_SECONDS],
    );
    const rows = await this.dataSource.query(
      `INSERT INTO idempotency_record (api_key_id, partner_id, endpoint, key, request_hash, state, expires_at)
       VALUES ($1, $2, $3, $4, $5, 'in_progress', now() + make_interval(hours => $6))
       ON CONFLICT DO NOTHING RETURNING key`,
      [owner.keyId, owner.partnerId, endpoint, key, requestHash, RETENTION_HOURS],
    );
    return rows.length === 1;
  }

  private async replay<T>(keyId: string, endpoint: string, key: string, requestHash: string): Promise<IdempotentResult<T>> {
    const [record] = await this.dataSource.query(
      `SELECT request_hash, state, response_status, response_body FROM idempotency_record WHERE api_key_id = $1 AND endpoint = $2 AND key = $3`,
      [keyId, endpoint, key],
    );
    if (!record) {
      // Released between our claim and this read (the first attempt failed): ask for a retry.
      throw IdempotencyErrors.retry();
    }
    if (record.request_hash !== requestHash) {
      throw IdempotencyErrors.keyReused();
    }
    if (record.state !== 'completed') {
      throw IdempotencyErrors.inProgress();
    }
    return { status: record.response_status, body: record.response_body as T, replayed: true };
  }

  /**
   * Erasure: forgets every stored response of the partner's on `endpoint` that created record `id`
   * (the response's own id), so a replay cannot bring erased data back. In the caller's transaction.
   */
  async eraseResponsesFor(tx: EntityManager, partnerId: string, endpoint: string, id: string): Promise<void> {
    await tx.query(`DELETE FROM idempotency_record WHERE partner_id = $1 AND endpoint = $2 AND response_body->>'id' = $3`, [partnerId, endpoint, id]);
  }

  /**
   * Erasure of an intake: forgets every stored response of the partner's, on any endpoint and from
   * any of its keys, that carries the intake's id, as its own id (the intake's creation) or as
   * `intakeId` (referral creations): a replay would otherwise hand the erased id back.
   */
  async eraseResponsesCarryingIntake(tx: EntityManager, partnerId: string, intakeId: string): Promise<void> {
    await tx.query(
      `DELETE FROM idempotency_record WHERE partner_id = $1 AND (response_body->>'id' = $2 OR response_body->>'intakeId' = $2)`,
      [partnerId, intakeId],
    );
  }

  /** Deletes records past their 24 h (run with the other retention jobs). */
  async purgeExpired(): Promise<number> {
    const [, affected] = await this.dataSource.query(`DELETE FROM idempotency_record WHERE expires_at < now()`);
    return affected ?? 0;
  }
}
