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
  it('every non-terminal status may be cancelled; terminal ones go nowhere', () => {
    // Written out here, not derived from the code: the four statuses a referral can still be cancelled from.
    const open = ['requested', 'accepted', 'in-progress', 'on-hold'];
    const terminal = ['rejected', 'completed', 'cancelled', 'failed'];
    expect([...REFERRAL_STATUSES].sort()).toEqual([...open, ...terminal].sort());
    for (const s of open) expect([s, canTransition(s as never, 'cancelled')]).toEqual([s, true]);
    for (const s of terminal) {
      expect([s, TERMINAL_STATUSES.has(s as never)]).toEqual([s, true]);
      expect([s, allowedTransitions(s as never)]).toEqual([s, []]);
    }
  });
});
