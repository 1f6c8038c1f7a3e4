import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('..', import.meta.url));

/** For specs that check the code's layout: every .ts file under src/ but the specs, by path from src/, with its text. */
export function sourceFiles(): { path: string; text: string }[] {
  const under = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return under(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
    });
  return under(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));
}
