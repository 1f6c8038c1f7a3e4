import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { describe, expect, it } from '@jest/globals';

/** Every .ts file under `dir`, specs excluded. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('one validated Environment', () => {
  it('is the only way src/ gets its settings: only main.ts reads process.env', () => {
    const root = join(process.cwd(), 'src');
    const readers = sources(root)
      .filter((file) => /\bprocess\.env\b/.test(readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
      .map((file) => relative(root, file));
    expect(readers).toEqual(['main.ts']);
  });
});
