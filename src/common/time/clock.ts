/**
 * The app's notion of "now" for rules that depend on the date (whether a listing's details are
 * due for a check, when a report was made). Injected, so tests fix the time instead of waiting
 * for it; the database's own now() is not used for these, so a test's clock and its data agree.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stays where it is put (tests, scripts replaying a date). */
export class FixedClock extends Clock {
  constructor(private at: Date) {
    super();
  }

  now(): Date {
    return new Date(this.at);
  }

  set(at: Date | string): void {
    this.at = new Date(at);
  }

  advanceDays(days: number): void {
    this.at = new Date(this.at.getTime() + days * 86_400_000);
  }
}
