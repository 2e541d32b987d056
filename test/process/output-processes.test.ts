/**
 * The output writer with real processes (issue 25): `build:api` killed with SIGKILL while it writes,
 * two builds of different data into one folder at once, and a full disk. The faults are injected
 * into node:fs of the child (scripts/lib/fs-faults.ts), so the same test runs against any writer.
 * A smoke run of scripts/fuzz-output.ts (npm run bench:faults runs the long one).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectedArtifact, folderState, smallDataSets } from '../../scripts/lib/output-check.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'kb-output-processes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const SITE = 'https://errors.example.org';

describe('build:api as a process', () => {
  it('kill -9 in the middle of writing, and concurrent writers, leave one complete artifact (fuzz-output smoke run)', () => {
    const r = spawnSync(process.execPath, ['scripts/fuzz-output.ts', '--kills', '1', '--at', '12', '--rounds', '1', '--writers', '2', '--seed', '1'], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^kills: 1 build killed with SIGKILL at chosen moments/);
    expect(r.stdout).toContain('violations: 0');
    expect(r.status).toBe(0);
  }, 120_000);

  it('a full disk half-way through a file: one line on stderr, exit 1, the previous artifact whole, nothing left beside it', () => {
    const data = smallDataSets(join(work, 'data'));
    const parent = join(work, 'enospc');
    mkdirSync(parent);
    const out = join(parent, 'out');
    const build = (set: 'a' | 'b', fault?: string) =>
      spawnSync(process.execPath, ['--import', './scripts/lib/fs-faults.ts', 'scripts/build-api.ts', out], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, KB_DATA_DIR: data[set], SITE_URL: SITE, FS_FAULT_DIR: out, FS_FAULT: fault ?? 'none' },
      });
    expect(build('a').status).toBe(0);
    const r = build('b', 'ENOSPC@4:writeFileSync');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^build:api: cannot write the JSON artifact to ${out}: the disk is full \\(ENOSPC, writing [^)]+\\)\\. Free some space and run again; ${out} is unchanged\\.\\n$`));
    expect(folderState(out, { a: expectedArtifact(data.a, SITE), b: expectedArtifact(data.b, SITE) })).toBe('a');
    expect(readdirSync(parent)).toEqual(['out']);
  }, 60_000);
});
