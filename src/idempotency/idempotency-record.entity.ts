import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An Idempotency-Key seen from one API key on one endpoint (IETF httpapi idempotency-key draft).
 * Per key, not per partner: the partner's public publishable key must not replay or pre-claim
 * its secret key's requests. The primary key makes concurrent first attempts race on a unique
 * constraint, not a check.
 */
@Entity({ name: 'idempotency_record' })
export class IdempotencyRecord {
  @PrimaryColumn({ type: 'uuid' })
  apiKeyId: string;

  /** For erasure and for a partner's deletion. */
  @Index('idempotency_record_partner_idx')
  @Column({ type: 'uuid' })
  partnerId: string;

  @PrimaryColumn({ type: 'text' })
  endpoint: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  requestHash: string;

  @Column({ type: 'text', default: 'in_progress' })
  state: 'in_progress' | 'completed';

  @Column({ type: 'integer', nullable: true })
  responseStatus: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseBody: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Index('idempotency_record_expires_idx')
  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
