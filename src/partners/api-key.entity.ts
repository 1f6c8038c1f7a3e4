import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { Partner } from './partner.entity.js';

/**
 * An API key, stored only as an HMAC of the key plus a short visible prefix. A partner's keys
 * (secret, publishable) belong to the partner; a provider's listing key belongs to no partner but
 * to one resource (the database enforces exactly one owner), so nothing keyed on partner_id (its
 * records, key management, webhooks) can ever reach it.
 */
@Entity({ name: 'api_key' })
@Check(
  'api_key_owner_check',
  `(kind = 'listing' AND resource_id IS NOT NULL AND partner_id IS NULL) OR (kind <> 'listing' AND resource_id IS NULL AND partner_id IS NOT NULL)`,
)
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null for listing keys. */
  @Index('api_key_partner_idx')
  @Column({ type: 'uuid', nullable: true })
  partnerId: string | null;

  /** The one resource a listing key may act on (foreign key in the migration: resource has no entity). */
  @Index('api_key_resource_idx')
  @Column({ type: 'uuid', nullable: true })
  resourceId: string | null;

  @ManyToOne(() => Partner, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'api_key_partner_fk' })
  partner?: Partner;

  @Column({ type: 'text' })
  kind: 'secret' | 'publishable' | 'listing';

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
