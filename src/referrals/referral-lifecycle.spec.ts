import { describe, expect, it } from '@jest/globals';
import { allowedTransitions, canTransition, REFERRAL_STATUSES, TERMINAL_STATUSES } from './referral-lifecycle.js';

describe('referral lifecycle', () => {
  it('follows requested → accepted → in-progress → completed', () => {
    expect(canTransition('requested', 'accepted')).toBe(true);
    expect(canTransition('accepted', 'in-progress')).toBe(true);
    expect(canTransition('in-progress', 'completed')).toBe(true);
  });
  it('cannot skip steps or leave a terminal status', () => {
    expect(canTransition('requested', 'completed')).toBe(false);
    expect(canTransition('requested', 'in-progress')).toBe(false);
    for (const s of TERMINAL_STATUSES) expect(allowedTransitions(s)).toEqual([]);
  });
  it('on-hold can resume', () => {
    expect(canTransition('accepted', 'on-hold')).toBe(true);
    expect(canTransition('on-hold', 'in-progress')).toBe(true);
  });
  it('every status may be cancelled or ends unless terminal', () => {
    for (const s of REFERRAL_STATUSES) {
      if (!TERMINAL_STATUSES.has(s)) expect(allowedTransitions(s).length).toBeGreaterThan(0);
    }
  });
});
