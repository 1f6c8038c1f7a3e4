import { CommonErrors } from '../problem/common.errors.js';
import type { ProblemException } from '../problem/problem.js';

/**
 * How one list's keyset cursor is laid out: its typed payload, and the JSON it is written as.
 * The JSON is the wire format of cursors already handed out, so it must not change.
 */
export interface CursorFormat<Payload> {
  write(payload: Payload): unknown;
  /**
   * The payload, or undefined unless `wire` is exactly what write() makes: a cursor's values are
   * cast in SQL, so anything the cast would refuse must be a 400 here, not a database error.
   */
  read(wire: unknown): Payload | undefined;
  /** The problem for a cursor that is JSON but not this list's; 400 invalid_cursor by default. */
  invalid?: () => ProblemException;
}

/** Opaque keyset cursors: the format's JSON in base64url. */
export class CursorCodec<Payload> {
  constructor(private readonly format: CursorFormat<Payload>) {}

  encode(payload: Payload): string {
    return Buffer.from(JSON.stringify(this.format.write(payload))).toString('base64url');
  }

  /** The payload of a cursor this codec wrote; otherwise a 400 naming `cursor`. */
  decode(cursor: string): Payload {
    let wire: unknown;
    try {
      wire = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      throw CommonErrors.invalidCursor();
    }
    const payload = this.format.read(wire);
    if (payload === undefined) throw (this.format.invalid ?? CommonErrors.invalidCursor)();
    return payload;
  }
}
