import { Injectable } from '@nestjs/common';

/**
 * The time, as one injectable (provided by ConfigModule, global): code whose rules depend on the
 * date (claim expiries, whether a listing's details are due or stale, report windows) reads it
 * here, so tests hold it still (a FixedClock through createTestApp's `clock`, or
 * jest.spyOn(app.get(Clock), 'now')) instead of waiting or editing rows. The database's own now()
 * is not used for these rules, so a test's clock and its data agree.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stays where it is put (tests, scripts replaying a date). */
export class FixedClock extends Clock {
  constructor(private at: Date) {
    super();
  }

  override now(): Date {
    return new Date(this.at);
  }

  set(at: Date | string): void {
    this.at = new Date(at);
  }

  advanceDays(days: number): void {
    this.at = new Date(this.at.getTime() + days * 86_400_000);
  }
}
