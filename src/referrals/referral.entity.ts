import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

import type { ReferralOutcome, ReferralStatus } from './referral-lifecycle.js';

/**
 * A referral of a couple (by intake) to a resource, made by a partner. It keeps only ids,
 * the status history and the partner's own opaque reference — never names or contact details.
 */
@Entity({ name: 'referral' })
@Index('referral_partner_created_idx', ['partnerId', 'createdAt', 'id'])
@Index('referral_resource_created_idx', ['resourceId', 'createdAt', 'id'])
export class Referral {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  partnerId: string;

  /** Null once the intake has been purged (retention); the referral itself stays. */
  @Column({ type: 'uuid', nullable: true })
  intakeId: string | null;

  @Column({ type: 'uuid' })
  resourceId: string;

  /** The partner's own opaque id for its case, never a name. */
  @Column({ type: 'text', nullable: true })
  clientReference: string | null;

  @Column({ type: 'text', default: 'requested' })
  status: ReferralStatus;

  @Column({ type: 'text', nullable: true })
  outcome: ReferralOutcome | null;

  /** Copied from the intake: nobody may reach out to the couple unprompted. */
  @Column({ type: 'boolean' })
  doNotContact: boolean;

  /**
   * False when the intake's safety answers rule out joint sessions; null when the intake was not
   * screened (questions skipped). Neutral on purpose: it tells the provider to see partners
   * separately, or to screen each alone first, without disclosing why.
   */
  @Column({ type: 'boolean', nullable: true })
  jointSessionsAppropriate: boolean | null;

  /**
   * The referring partner lets the resource's provider (its listing key) see this referral and
   * answer it (accepted or rejected). Off unless the partner asks.
   */
  @Column({ type: 'boolean', default: false })
  allowProviderResponse: boolean;

  /** The resource's capacity when the referral was made. */
  @Column({ type: 'jsonb' })
  capacitySnapshot: { acceptingNewClients: boolean; waitTimeDays: number | null; capturedAt: string };

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Who changed a referral: the referring partner's key, or the provider's listing key answering it. */
export type ReferralActor = 'partner' | 'provider';

/** One status change: who (partner and key, or the provider's listing key), when, from, to, and why. */
@Entity({ name: 'referral_event' })
@Index('referral_event_referral_idx', ['referralId', 'createdAt'])
@Check('referral_event_actor_check', `actor IN ('partner', 'provider')`)
export class ReferralEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  referralId: string;

  /** Null when the provider answered (a listing key belongs to no partner). */
  @Column({ type: 'uuid', nullable: true })
  partnerId: string | null;

  @Column({ type: 'text', default: 'partner' })
  actor: ReferralActor;

  @Column({ type: 'uuid', nullable: true })
  keyId: string | null;

  @Column({ type: 'text', nullable: true })
  fromStatus: ReferralStatus | null;

  @Column({ type: 'text' })
  toStatus: ReferralStatus;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text', nullable: true })
  outcome: ReferralOutcome | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
