/**
 * Words as data: what the pure code (the matching engine, the problem factories) says, without
 * saying it in any language. One localisation step (render.ts) turns a Message into text for a
 * locale; the code that decides never formats a number, a list or a unit.
 */
export interface Message {
  /** A key of the catalogues (messages/en.ts, messages/es.ts). */
  id: string;
  values?: Record<string, MessageArg>;
}

export type MessageArg =
  /** Used as is: proper names (a resource's, an insurer's), numbers, codes shown as codes. */
  | string
  | number
  /** A price in minor units, in the resource's currency (Intl.NumberFormat). */
  | { money: { minor: number; currency: string } }
  /** A distance in metres: miles or km by the reader's country (render.ts usesMiles). */
  | { distanceMeters: number }
  /** A radius in km, said in the reader's unit ("25 miles", "40 km"). */
  | { radiusKm: number }
  /** Items joined as the locale joins them (Intl.ListFormat): "a, b, and c", "a, b y c". */
  | { list: MessageArg[]; type?: 'and' | 'or' }
  /** A language by its ISO 639-1 code, named in the reader's language ("Spanish", "español"). */
  | { language: string }
  /** An ISO 3166 country or region by its code, named in the reader's language ("Ohio", "Nueva York"). */
  | { place: string }
  /** A taxonomy term's label in the reader's language (`lower`: lower-cased, inside a sentence). */
  | { term: { vocabulary: string; code: string; lower?: boolean } }
  /** Another message, rendered first (a phrase inside a sentence). */
  | { message: Message };

export const msg = (id: string, values?: Record<string, MessageArg>): Message => (values ? { id, values } : { id });
export const money = (minor: number, currency: string): MessageArg => ({ money: { minor, currency } });
export const list = (items: MessageArg[], type: 'and' | 'or' = 'and'): MessageArg => ({ list: items, type });
export const term = (vocabulary: string, code: string, lower = false): MessageArg => ({ term: { vocabulary, code, lower } });
export const phrase = (id: string, values?: Record<string, MessageArg>): MessageArg => ({ message: msg(id, values) });

/** A code and what to say about it: a reason, caveat, next step or relaxation before it is rendered. */
export interface CodedMessage<Code extends string = string> {
  code: Code;
  message: Message;
}
