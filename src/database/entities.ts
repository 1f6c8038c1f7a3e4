import { IdempotencyRecord } from '../idempotency/idempotency-record.entity.js';
import { Intake } from '../intake/intake.entity.js';
import { ApiKey } from '../partners/api-key.entity.js';
import { Partner } from '../partners/partner.entity.js';
import { Referral, ReferralEvent } from '../referrals/referral.entity.js';

/** Every TypeORM entity, listed explicitly so the app, scripts and tests load the same set without globs. */
export const ENTITIES: Function[] = [Intake, Partner, ApiKey, Referral, ReferralEvent, IdempotencyRecord];
