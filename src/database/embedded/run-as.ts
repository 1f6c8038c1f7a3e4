import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';

import { EmbeddedStartError } from './start-error.js';

/** The cluster's superuser, and the system user the server runs as when Mend runs as root. */
export const POSTGRES_USER = 'postgres';
/** Root-owned cache of the binaries when running as root (the `postgres` user cannot enter most clones). */
export const DEFAULT_ROOT_CACHE = '/var/cache/mend';
/** Data directories of root's quick starts whose configured place `postgres` cannot reach. */
export const DEFAULT_ROOT_DATA = '/var/lib/mend';

export interface SystemIds {
  uid: number;
  gid: number;
}

export const isRoot = () => process.getuid?.() === 0;

/** The user the server runs as, for messages: `user "postgres"` as root, otherwise this process's user. */
export function runAsLabel(ids: SystemIds | undefined): string {
  if (ids) return `user "${POSTGRES_USER}"`;
  try {
    return `user "${userInfo().username}"`;
  } catch {
    return `user "${process.getuid?.() ?? 'you'}"`; // a uid without a passwd entry (some containers)
  }
}

/** The `postgres` system user's ids, creating the user when it does not exist. */
export function postgresIds(): SystemIds {
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, POSTGRES_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    // PostgreSQL refuses to run as root, so root's quick start runs it as `postgres`.
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', POSTGRES_USER], {
        stdio: 'ignore',
      });
      return { uid: id('-u'), gid: id('-g') };
    } catch {
      throw new EmbeddedStartError(
        `Running as root, the embedded PostgreSQL must run as an unprivileged user "${POSTGRES_USER}", which does not exist and could not be created. ` +
          `Fix: create it (\`useradd --system --user-group ${POSTGRES_USER}\`), or run Mend as a normal user, or set DATABASE_URL.`,
      );
    }
  }
}

/** The first of `dir` and its parents that the user may not enter (owner, group, or other execute bit); undefined when it may enter all. */
export function blockingDirectory(dir: string, { uid, gid }: SystemIds): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(d)) {
      const s = statSync(d);
      const ok = s.uid === uid ? s.mode & 0o100 : s.gid === gid ? s.mode & 0o010 : s.mode & 0o001;
      if (!ok) return d;
    }
    if (d === dirname(d)) return undefined;
  }
}
