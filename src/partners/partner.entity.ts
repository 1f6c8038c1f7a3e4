import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An organisation integrating Mend (a relationship blog, a clinic, a helpline). */
@Entity({ name: 'partner' })
export class Partner {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** Origins whose pages may use the partner's publishable keys (CORS, widget framing). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  allowedOrigins: string[];

  /** Requests per minute per key. */
  @Column({ type: 'integer', default: 600 })
  rateLimitPerMinute: number;

  /** HTTPS endpoint for referral status events, if registered. */
  @Column({ type: 'text', nullable: true })
  webhookUrl: string | null;

  /** Signs webhook deliveries (Mend-Signature); random per partner, rotatable. Secret: never logged. */
  @Column({ type: 'text', nullable: true })
  webhookSigningSecret: string | null;

  /** The secret before the last rotation: deliveries are signed with both until it expires. */
  @Column({ type: 'text', nullable: true })
  webhookPreviousSigningSecret: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  webhookPreviousSecretExpiresAt: Date | null;

  @Column({ type: 'text', default: 'active' })
  status: 'active' | 'suspended';

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
