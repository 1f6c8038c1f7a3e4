import { describe, expect, it } from '@jest/globals';

import { hourSlot } from './scheduled-run.js';

describe('hourSlot', () => {
  it('is the start of the UTC hour, the same for every instance within it', () => {
    expect(hourSlot(new Date('2026-11-25T17:42:13.123Z')).toISOString()).toBe('2026-11-25T17:00:00.000Z');
    expect(hourSlot(new Date('2026-11-25T17:00:00.000Z')).toISOString()).toBe('2026-11-25T17:00:00.000Z');
  });
});
