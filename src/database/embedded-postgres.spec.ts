import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recoverStalePostmaster } from './embedded-postgres.js';

describe('recoverStalePostmaster', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'mend-pid-'));

  it('does nothing without a postmaster.pid', async () => {
    const messages: string[] = [];
    await recoverStalePostmaster(dataDir(), (m) => messages.push(m));
    expect(messages).toEqual([]);
  });

  it('removes a postmaster.pid whose process is gone, and says so', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'postmaster.pid'), '999999999\n/data\n');
    const messages: string[] = [];
    await recoverStalePostmaster(dir, (m) => messages.push(m));
    expect(existsSync(join(dir, 'postmaster.pid'))).toBe(false);
    expect(messages[0]).toMatch(/stale/i);
  });

  it('refuses to touch a live server whose parent is alive (another running Mend)', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'postmaster.pid'), `${process.pid}\n/data\n`); // alive, parent alive
    await expect(recoverStalePostmaster(dir, () => undefined)).rejects.toThrow(/already in use/);
    expect(existsSync(join(dir, 'postmaster.pid'))).toBe(true);
  });
});
