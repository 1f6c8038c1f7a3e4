import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';

import { DEFAULT_ROOT_CACHE, isRoot } from './run-as.js';
import { EmbeddedStartError } from './start-error.js';

/** What a run of initdb or postgres left: its output, its exit code, or why it could not run at all. */
export interface RunResult {
  output: string;
  code: number | null;
  spawnError?: NodeJS.ErrnoException;
}

function freeSpace(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    try {
      const s = statfsSync(d);
      return `${((s.bavail * s.bsize) / 1024 ** 2).toFixed(0)} MiB free`;
    } catch {
      if (d === dirname(d)) return 'free space unknown';
    }
  }
}

/** One paragraph for a failed initdb/postgres run: what happened and a fix that works. */
export function explain(step: string, binary: string, dataDir: string, result: RunResult, runAs: string): EmbeddedStartError {
  const owner = /"(.*)"/.exec(runAs)?.[1] ?? runAs;
  const output = result.output;
  const tail = output.trim().split('\n').slice(-6).join(' | ');
  const error = result.spawnError;
  if (error) {
    const why =
      error.code === 'EACCES'
        ? `permission denied (${runAs} may not run it)`
        : error.code === 'ENOENT'
          ? 'the file is missing'
          : (error.code ?? error.message);
    return new EmbeddedStartError(
      `The embedded PostgreSQL could not ${step}: running ${binary} failed: ${why}. ` +
        `Fix: reinstall the binaries (\`rm -rf node_modules && npm install\`)` +
        (isRoot() ? `, and remove the root cache so it is rebuilt (\`rm -rf ${DEFAULT_ROOT_CACHE}\`)` : '') +
        `; or set DATABASE_URL to use a PostgreSQL server.`,
    );
  }
  if (/No space left on device|could not extend file|ENOSPC/i.test(output)) {
    return new EmbeddedStartError(
      `The embedded PostgreSQL could not ${step} in ${dataDir}: the disk is full (${freeSpace(dataDir)}). ` +
        `Fix: free some space on that disk (\`df -h ${dirname(dataDir)}\` shows it), or set EMBEDDED_PG_DIR to a folder on another disk, then start again.`,
    );
  }
  if (/Permission denied|could not change permissions|could not create directory|could not access directory/i.test(output)) {
    return new EmbeddedStartError(
      `The embedded PostgreSQL could not ${step}: ${runAs} may not use ${dataDir} (${tail}). ` +
        `Fix: give the folder to that user (\`chown -R ${owner} ${dataDir}\`), or set EMBEDDED_PG_DIR to a folder ${runAs} owns, or set DATABASE_URL.`,
    );
  }
  if (/database files are incompatible|was initialized by PostgreSQL version/i.test(output)) {
    return new EmbeddedStartError(
      `The data in ${dataDir} was made by another PostgreSQL major version than the pinned embedded one (${tail}). ` +
        `Fix: move it aside (\`mv ${dataDir} ${dataDir}.old\`) to start with an empty database, or dump it with the old version and restore it.`,
    );
  }
  if (/lock file .* already exists/i.test(output)) {
    return new EmbeddedStartError(
      `Another PostgreSQL already runs on ${dataDir} (${tail}). Fix: stop the other Mend process (Ctrl-C in its terminal), then start again.`,
    );
  }
  return new EmbeddedStartError(
    `The embedded PostgreSQL could not ${step} in ${dataDir} (exit code ${result.code ?? 'none'}): ${tail || 'no output'}. ` +
      `Fix: if the folder holds nothing you need, move it aside (\`mv ${dataDir} ${dataDir}.old\`) and start again; or set DATABASE_URL to use a PostgreSQL server.`,
  );
}
