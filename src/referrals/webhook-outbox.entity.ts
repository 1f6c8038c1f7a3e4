import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Durable outbox of webhook events, written in the same transaction as the change it reports,
 * so no event is lost if the process dies; delivered by WebhookDispatcher with SKIP LOCKED.
 */
@Entity({ name: 'webhook_outbox' })
@Index('webhook_outbox_due_idx', ['state', 'nextAttemptAt'])
export class WebhookOutbox {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  partnerId: string;

  /** The referral the event reports; erasing the referral deletes its events (FK ON DELETE CASCADE). */
  @Index('webhook_outbox_referral_idx')
  @Column({ type: 'uuid', nullable: true })
  referralId: string | null;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'text', default: 'pending' })
  state: 'pending' | 'delivering' | 'delivered' | 'failed';

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
}
