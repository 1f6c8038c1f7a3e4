import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { Partner } from './partner.entity.js';

/** An API key, stored only as an HMAC of the key plus a short visible prefix. */
@Entity({ name: 'api_key' })
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('api_key_partner_idx')
  @Column({ type: 'uuid' })
  partnerId: string;

  @ManyToOne(() => Partner, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'api_key_partner_fk' })
  partner?: Partner;

  @Column({ type: 'text' })
  kind: 'secret' | 'publishable';

  @Column({ type: 'text' })
  environment: 'live' | 'test';

  @Column({ type: 'text', nullable: true })
  name: string | null;

  /** e.g. mend_sk_live_Ab12Cd — enough to recognise a key, useless to use it. */
  @Column({ type: 'text' })
  prefix: string;

  @Index('api_key_hash_key', { unique: true })
  @Column({ type: 'text' })
  hash: string;

  @Column({ type: 'text', array: true })
  scopes: string[];

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  /** The key this one replaced (rotation). */
  @Column({ type: 'uuid', nullable: true })
  rotatedFromId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
