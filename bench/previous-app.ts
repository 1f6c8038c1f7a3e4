import { execFileSync, execSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { findFreePort } from '../src/database/embedded-postgres.js';
import { log } from './bench-support.js';

/**
 * The Mend app as it was at an earlier commit (the SQL path of bench:intake): `git archive` of that
 * commit into /var/tmp/mend-previous-<sha> (kept, so later runs reuse the build), installed from its
 * own package-lock.json (`npm ci`: its dependencies, not this checkout's, which have moved on) and
 * built, then started in this process, as the current app is, on the same database.
 */

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO, encoding: 'utf8' }).trim();

/**
 * The last commit before the directory index answered the app's reads: the parent of the commit that
 * added src/resources/directory-search.ts. Undefined when this checkout has no such commit (the
 * app's reads are still SQL).
 */
export function commitBeforeIndex(): string | undefined {
  const added = git('log', '--diff-filter=A', '--format=%H', '--', 'src/resources/directory-search.ts').split('\n').filter(Boolean).pop();
  return added ? git('rev-parse', `${added}^`) : undefined;
}

export async function startPreviousApp(
  ref: string,
  databaseUrl: string,
  settings: Record<string, string>,
): Promise<{ close: () => Promise<void>; port: number; commit: string }> {
  const commit = git('rev-parse', '--verify', `${ref}^{commit}`);
  const dir = `/var/tmp/mend-previous-${commit.slice(0, 12)}`;
  // Reused once built with its own node_modules (earlier builds linked this checkout's: rebuilt).
  const built =
    existsSync(join(dir, 'dist/src/app.setup.js')) &&
    existsSync(join(dir, 'node_modules/typescript')) &&
    !lstatSync(join(dir, 'node_modules')).isSymbolicLink();
  if (!built) {
    log(`building the app at ${commit.slice(0, 12)} in ${dir} (npm ci, then tsc; once)`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execSync(`git archive --format=tar ${commit} | tar -x -C ${dir}`, { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    try {
      execFileSync(process.execPath, [join(dir, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
        cwd: dir,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    } catch (error) {
      // A commit from a merged branch may not type-check in its bench/ or scripts/ (they moved on
      // with later commits); tsc still emits, and only the app's own build is used here.
      if (!existsSync(join(dir, 'dist/src/app.setup.js'))) throw error;
      log(`the app at ${commit.slice(0, 12)} built with type errors outside what is used here (above); using dist/src`);
    }
  } else {
    log(`the app at ${commit.slice(0, 12)}: reusing its build in ${dir}`);
  }
  const { createApp } = (await import(pathToFileURL(join(dir, 'dist/src/app.setup.js')).href)) as {
    createApp: (env: unknown) => Promise<{ listen(options: { port: number; host: string }): Promise<unknown>; close(): Promise<void> }>;
  };
  const { validateEnvironment } = (await import(pathToFileURL(join(dir, 'dist/src/config/environment.js')).href)) as {
    validateEnvironment: (raw: Record<string, unknown>) => { PORT: number; HOST: string };
  };
  const port = await findFreePort();
  // As bench-support's startMend; `settings` must carry the current app's API_KEY_SECRET so the bench partner's key works here too.
  const env = validateEnvironment({
    ...process.env,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    SEED_ON_START: 'false',
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    RATE_LIMIT_ANON_PER_MINUTE: '1000000',
    ...settings,
  });
  const app = await createApp(env);
  await app.listen({ port: env.PORT, host: env.HOST });
  return { close: () => app.close(), port, commit };
}
