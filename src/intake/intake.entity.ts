import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A stored intake: only the structured answers the referral step needs (no names,
 * contact details or narrative exist in the request), purged at expiresAt.
 */
@Entity({ name: 'intake' })
export class Intake {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The partner whose key created it (null for first-party use); partners only see their own. */
  @Column({ type: 'uuid', nullable: true })
  partnerId: string | null;

  @Column({ type: 'jsonb' })
  answers: Record<string, unknown>;

  @Column({ type: 'text' })
  safetyLevel: string;

  @Column({ type: 'text' })
  recommendation: string;

  @Column({ type: 'boolean', default: true })
  doNotContact: boolean;

  /** A safety answer ruled out joint work: referrals from it are safety-checked (never the answers themselves). */
  @Column({ type: 'boolean', default: false })
  jointWorkExcluded: boolean;

  /** Every safety question was answered (all no, unless jointWorkExcluded). Unscreened intakes are referred with care. */
  @Column({ type: 'boolean', default: false })
  safetyScreened: boolean;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  matchedResourceIds: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Index('intake_expires_at_idx')
  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
