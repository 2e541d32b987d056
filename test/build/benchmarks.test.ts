/**
 * Every benchmark script runs to its end at its smallest size, so none can rot unnoticed (issue 26:
 * bench:scale's synthetic data had stopped validating and nothing said so). Figures are printed, never
 * asserted: they mean nothing at this size or on a busy machine. Each writes a scratch report
 * (--report), never the project's BENCHMARKS.md. bench:search reuses dist/ (npm test's build).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIST } from '../support/browser.ts';
import { buildEnv } from '../support/build-env.ts';

const root = join(import.meta.dirname, '..', '..');
const HERE = 'test/build/benchmarks.test.ts';
const work = mkdtempSync(join(tmpdir(), 'kb-bench-smoke-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs one benchmark script; returns the section it wrote. */
function bench(script: string, args: string[], section: string): string {
  const report = join(work, `${script}.md`);
  const r = spawnSync(process.execPath, [`scripts/${script}.ts`, ...args, '--report', report], { cwd: root, encoding: 'utf8', env: buildEnv(), maxBuffer: 1 << 26 });
  expect(r.status, `${script} exited ${r.status}:\n${(r.stdout + r.stderr).slice(-3000)}`).toBe(0);
  const text = readFileSync(report, 'utf8');
  expect(text).toContain(`## ${section}\n`);
  console.log(`${script} (smoke run; figures not asserted):\n${text.slice(text.indexOf(`## ${section}`))}`);
  return text;
}

/** The rows of the markdown tables under a heading (header and separator lines left out). */
const rows = (text: string) => text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('|---'));

describe('benchmark scripts, smallest size', () => {
  it('every bench:* script of package.json has its smoke run', () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
    const benches = Object.keys(scripts).filter((name) => name.startsWith('bench:')).sort();
    // Here, or in the test file named (bench:faults' smoke run needs the process tier's fault injection).
    const smokeRuns: Record<string, string> = { 'bench:cli': HERE, 'bench:faults': 'test/process/output-processes.test.ts', 'bench:scale': HERE, 'bench:search': HERE, 'bench:triage': HERE };
    expect(benches).toEqual(Object.keys(smokeRuns));
    for (const name of benches) {
      const file = smokeRuns[name]!;
      const script = /scripts\/[\w-]+\.ts/.exec(scripts[name]!)![0];
      expect(readFileSync(join(root, file), 'utf8'), `${file} runs ${name}`).toContain(file === HERE ? `it('${name}:` : `'${script}'`);
    }
  });


  it('bench:scale: 10 entries on the edge fixture, beside plain Starlight and Starlight with our navigation', () => {
    const text = bench('bench-scale', ['--sizes', '10', '--data', 'test/fixtures/edge', '--work', join(work, 'scale')], 'Scale');
    expect(rows(text).filter((r) => r.startsWith('| 10 |'))).toHaveLength(1);
    expect(text).toContain('| Starlight with our navigation |');
  }, 300_000);

  it('bench:search: one query on dist/ against Pagefind, and the first judged query of each set', () => {
    // With a round trip emulated (--rtt), so that path runs too; it adds 20 ms to each of a few dozen requests.
    const text = bench('bench-search', ['--sizes', 'real', '--site', DIST, '--quick', '--rtt', '20', '--work', join(work, 'search')], 'Search');
    expect(text).toContain('with 20 ms added to every request');
    expect(rows(text).filter((r) => /^\| `222202` \|/.test(r))).toHaveLength(1);
    expect(rows(text).filter((r) => /^\| (judged|held-out) \| (ours|Pagefind) \|/.test(r))).toHaveLength(4);
  }, 300_000);

  it('bench:cli: the packed CLI three times beside bare Node, and the browser bundles', () => {
    const text = bench('bench-cli', ['--runs', '3'], 'CLI start-up and bundle size');
    expect(rows(text).filter((r) => /^\| v\d+\.\d+\.\d+ \|/.test(r))).toHaveLength(1);
    expect(rows(text).filter((r) => r.startsWith('| library'))).toHaveLength(4);
  }, 300_000);

  it('bench:triage: a 1 MB log through the compiled CLI, the counts as written', () => {
    const r = spawnSync(process.execPath, ['scripts/bench-triage.ts', '--size', '1', '--work', join(work, 'triage')], { cwd: root, encoding: 'utf8', env: buildEnv() });
    expect(r.status, (r.stdout + r.stderr).slice(-3000)).toBe(0);
    console.log(`bench-triage (smoke run; figures not asserted):\n${r.stdout}`);
    expect(r.stdout).toContain('counts as written');
  }, 120_000);
});
