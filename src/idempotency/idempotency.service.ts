import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { IdempotentResult } from '../common/http/idempotency.js';
import { IdempotencyErrors } from './idempotency.errors.js';
import { type IdempotencyRecordKey, IdempotencyRepository } from './idempotency.repository.js';

const RETENTION_HOURS = 24;
// A first attempt still "in progress" after this long died mid-way (its work was rolled back): a
// retry may take over. Twice the longest a request can run (REQUEST_TIMEOUT_MS default 15 s).
const STALE_IN_PROGRESS_SECONDS = 30;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Canonical JSON (sorted keys) so the same body in another key order is the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
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
  constructor(private readonly records: IdempotencyRepository) {}

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
    prepare: () => P | Promise<P> = () => undefined as P,
  ): Promise<IdempotentResult<T>> {
    if (key !== undefined && !KEY_PATTERN.test(key)) throw IdempotencyErrors.invalidKey();
    if (!key) {
      const prepared = await prepare();
      const result = await this.records.transaction((tx) => commit(tx, prepared));
      return { ...result, replayed: false };
    }
    const record: IdempotencyRecordKey = { keyId: owner.keyId, endpoint, key };
    const requestHash = createHash('sha256').update(canonical(request)).digest('hex');
    // Expired records, and first attempts that died long ago, no longer hold their key.
    const claimed = await this.records.claim(record, owner.partnerId, requestHash, RETENTION_HOURS, STALE_IN_PROGRESS_SECONDS);
    if (!claimed) return this.replay<T>(record, requestHash);
    try {
      const prepared = await prepare();
      const result = await this.records.transaction(async (tx) => {
        const done = await commit(tx, prepared);
        await this.records.complete(tx, record, done.status, done.body);
        return done;
      });
      return { ...result, replayed: false };
    } catch (error) {
      // The work was rolled back: free the key so the client may retry. If the database itself is
      // gone, the claim stays until it goes stale; the original error is what the client needs.
      await this.records.releaseInProgress(record).catch(() => undefined);
      throw error;
    }
  }

  private async replay<T>(key: IdempotencyRecordKey, requestHash: string): Promise<IdempotentResult<T>> {
    const record = await this.records.find(key);
    if (!record) {
      // Released between our claim and this read (the first attempt failed): ask for a retry.
      throw IdempotencyErrors.retry();
    }
    if (record.requestHash !== requestHash) {
      throw IdempotencyErrors.keyReused();
    }
    if (record.state !== 'completed') {
      throw IdempotencyErrors.inProgress();
    }
    return { status: record.responseStatus!, body: record.responseBody as T, replayed: true };
  }

  /**
   * Erasure: forgets every stored response of the partner's on `endpoint` that created record `id`
   * (the response's own id), so a replay cannot bring erased data back. In the caller's transaction.
   */
  eraseResponsesFor(tx: EntityManager, partnerId: string, endpoint: string, id: string): Promise<void> {
    return this.records.deleteResponsesWithId(tx, partnerId, endpoint, id);
  }

  /**
   * Erasure of an intake: forgets every stored response of the partner's, on any endpoint and from
   * any of its keys, that carries the intake's id, as its own id (the intake's creation) or as
   * `intakeId` (referral creations): a replay would otherwise hand the erased id back.
   */
  eraseResponsesCarryingIntake(tx: EntityManager, partnerId: string, intakeId: string): Promise<void> {
    return this.records.deleteResponsesCarryingIntake(tx, partnerId, intakeId);
  }

  /** Deletes records past their 24 h (run with the other retention jobs). */
  purgeExpired(): Promise<number> {
    return this.records.purgeExpired();
  }
}
