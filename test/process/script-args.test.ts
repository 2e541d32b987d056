/**
 * The project's scripts with options (benchmarks, generators, measures) answer a stranger's first
 * tries: `--help` prints the script's doc comment, an unknown option is one line and exit 2, never a
 * stack trace (scripts/lib/script-args.ts). Neither runs the script's work.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docComment } from '../../scripts/lib/script-args.ts';

const root = join(import.meta.dirname, '..', '..');
const scripts = readdirSync(join(root, 'scripts')).filter((name) => name.endsWith('.ts') && readFileSync(join(root, 'scripts', name), 'utf8').includes('scriptArgs(import.meta.url'));
const run = (name: string, args: string[]) => spawnSync(process.execPath, [join('scripts', name), ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });

describe('scripts with options', () => {
  it('all read them through scriptArgs (test-budget.ts, run by npm test itself with a command word, aside)', () => {
    expect(scripts.sort()).toEqual(['bench-cli.ts', 'bench-scale.ts', 'bench-search.ts', 'bench-triage.ts', 'generate-synthetic.ts', 'measure-explain.ts']);
    const other = readdirSync(join(root, 'scripts')).filter((name) => name.endsWith('.ts') && /\bparseArgs\(/.test(readFileSync(join(root, 'scripts', name), 'utf8')));
    expect(other).toEqual(['test-budget.ts']);
  });

  // One script stands for all (each run imports what its script imports: seconds on a busy machine).
  it('--help prints the doc comment at the top of the script; an unknown option is one line, exit 2', () => {
    const name = 'bench-triage.ts';
    const help = run(name, ['--help']);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toBe(`${docComment(readFileSync(join(root, 'scripts', name), 'utf8'))}\n`);
    expect(help.stdout).toMatch(/^npm run bench:triage \[-- --size 1024/);
    const bad = run(name, ['--no-such-option']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe(`${name}: Unknown option '--no-such-option'\nRun node scripts/${name} --help for its options.\n`);
  });

  it('docComment: the leading doc comment without its frame; none is empty', () => {
    for (const name of scripts) expect(docComment(readFileSync(join(root, 'scripts', name), 'utf8')).length, name).toBeGreaterThan(40);
    expect(docComment('#!/usr/bin/env node\n/**\n * npm run x\n *\n * Does y.\n */\nconst a = 1;')).toBe('npm run x\n\nDoes y.');
    expect(docComment('const a = 1; /** late */')).toBe('');
  });
});
