import { Intake } from '../intake/intake.entity.js';
import { ApiKey } from '../partners/api-key.entity.js';
import { Partner } from '../partners/partner.entity.js';
import { Referral, ReferralEvent } from '../referrals/referral.entity.js';

/**
 * Every TypeORM entity, listed explicitly so the app, scripts and tests load the same set without
 * globs. Entities are the records a partner creates and reads back one by one (partners, keys,
 * intakes, referrals and their events); the directory, the outbox, idempotency records and the
 * bookkeeping tables are plain SQL in their module's repository, defined by the migrations alone.
 */
export const ENTITIES = [Intake, Partner, ApiKey, Referral, ReferralEvent];
