import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { EmbeddedStartError } from './start-error.js';

/** Port, password and API key secret of one data directory; owner-only (0600). */
export const CREDENTIALS_FILE = 'mend-embedded.json';
/** The password of data directories made before passwords were generated; rotated on their next start. */
export const LEGACY_PASSWORD = 'mend-embedded';

export interface Credentials {
  password: string;
  apiKeySecret: string;
  port?: number;
  postmasterPid?: number;
}

export const newSecret = () => randomBytes(32).toString('base64url');

export function readCredentials(dataDir: string): Credentials | undefined {
  const file = join(dataDir, CREDENTIALS_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Credentials;
    if (typeof parsed.password === 'string' && typeof parsed.apiKeySecret === 'string') return parsed;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EACCES') {
      throw new EmbeddedStartError(
        `${file} (the embedded database's password) is readable only by its owner, and this is another user. ` +
          `Fix: run Mend as the user who first started it, or set EMBEDDED_PG_DIR to a data directory of your own.`,
      );
    }
  }
  throw new EmbeddedStartError(
    `${file} is damaged (it should hold the embedded database's password). ` +
      `Fix: if nothing in this database matters, move the directory aside (\`mv ${dataDir} ${dataDir}.old\`) and start again; ` +
      `otherwise restore the file from a backup.`,
  );
}

export function writeCredentials(dataDir: string, credentials: Credentials): void {
  const file = join(dataDir, CREDENTIALS_FILE);
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(partial, 0o600);
  renameSync(partial, file);
}
