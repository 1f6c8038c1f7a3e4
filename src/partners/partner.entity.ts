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

  @Column({ type: 'text', default: 'active' })
  status: 'active' | 'suspended';

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
