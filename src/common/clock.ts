import { Injectable } from '@nestjs/common';

/**
 * The time, as one injectable: code whose rules depend on it (expiries) reads it here, so tests
 * can hold it still (jest.spyOn(app.get(Clock), 'now')) instead of waiting or editing rows.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
