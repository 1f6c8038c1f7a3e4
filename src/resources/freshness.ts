import { Injectable } from '@nestjs/common';

import { Clock } from '../common/clock.js';
import { Environment } from '../config/environment.js';
import { type VerificationCutoffs, verificationCutoffs, type VerificationPolicy, verificationPolicy } from './verification.js';

/**
 * The freshness policy of this instance (Environment) on its Clock: the cutoffs a read computes
 * verification statuses with, taken once per request so every listing in one answer is judged
 * at the same moment.
 */
@Injectable()
export class Freshness {
  readonly policy: VerificationPolicy;

  constructor(
    env: Environment,
    private readonly clock: Clock,
  ) {
    this.policy = verificationPolicy(env);
  }

  now(): Date {
    return this.clock.now();
  }

  cutoffs(now: Date = this.clock.now()): VerificationCutoffs {
    return verificationCutoffs({ policy: this.policy, now });
  }
}
