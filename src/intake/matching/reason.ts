import { type MessageArg, money, msg, phrase, term } from '../../common/i18n/message.js';
import type { MatchableResource, Reason } from './types.js';

/** A reason or caveat: its code, and its message in the reader's language. */
export const reason = (code: string, id: string, values?: Record<string, MessageArg>): Reason => ({ code, message: msg(id, values) });

/** An amount in the resource's own currency. */
export const fee = (r: MatchableResource, minor: number): MessageArg => money(minor, r.cost.currency);

export const feePeriod = (code: string): MessageArg => term('feePeriod', code);

/** " (from $32 per week)" when a fee is not per session; "" otherwise. */
export const periodNote = (r: MatchableResource): MessageArg =>
  r.cost.feePeriod && r.cost.feePeriod !== 'per_session'
    ? phrase('reason.note.fromPerPeriod', { fee: fee(r, r.cost.feeMin ?? 0), period: feePeriod(r.cost.feePeriod) })
    : '';
