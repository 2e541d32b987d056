/**
 * The suite's time budget (docs/testing.md): `npm test` at most 300 s, `npm run test:unit` at most 30 s,
 * on a quiet 2-core machine. `npm test` and `npm run test:unit` call it at both ends:
 *
 *   node scripts/test-budget.ts start <run>                        (first: notes the time and the load)
 *   node scripts/test-budget.ts check <run> --budget <s> --report <vitest JSON report>
 *
 * `check` prints the run's time, the load average, each tier's share and the slowest files (vitest's
 * JSON report has every file's time), then judges the budget. Wall-clock time on a shared machine says
 * more about the neighbours than about the tests, so it fails only when the run is over its budget by
 * more than MARGIN and the machine was quiet: a load average at the start at most the number of cores
 * (nobody else busy) and at the end at most twice that (the suite itself keeps every core busy). On a
 * busy machine it says so and passes: re-run there, or pass --strict to judge anyway.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/node/data-files.ts';

/** How far over its budget a run on a quiet machine may be before it fails: measurement noise. */
export const MARGIN = 0.1;
type Tier = 'unit' | 'process' | 'build';
/** Files slower than this are named as worth a look (not a failure): the per-file guides of docs/testing.md. */
const FILE_GUIDE_S: Record<Tier, number> = { unit: 5, process: 10, build: 40 };
const SHOWN = 12;

interface FileResult {
  name: string;
  startTime: number;
  endTime: number;
  status: string;
}
interface Report {
  startTime: number;
  testResults: FileResult[];
}
interface Start {
  time: number;
  load: number;
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { budget: { type: 'string' }, report: { type: 'string' }, strict: { type: 'boolean', default: false } },
});
const [command, run] = positionals;
const dir = join(PROJECT_ROOT, 'test-results');
const startFile = (name: string) => join(dir, `${name}.start.json`);
const fail = (message: string): never => {
  console.error(`test-budget: ${message}`);
  process.exit(2);
};

if (!run || !/^[\w-]+$/.test(run)) fail('usage: test-budget.ts start <run> | check <run> --budget <seconds> --report <file>');

if (command === 'start') {
  mkdirSync(dir, { recursive: true });
  writeFileSync(startFile(run!), JSON.stringify({ time: Date.now(), load: loadavg()[0]! } satisfies Start));
  process.exit(0);
}
if (command !== 'check') fail(`unknown command ${command}`);

const budget = Number(values.budget);
if (!(budget > 0)) fail('--budget <seconds> is required');
if (!values.report || !existsSync(values.report)) fail(`no vitest report at ${values.report ?? '(none given)'}`);
const report = JSON.parse(readFileSync(values.report!, 'utf8')) as Report;
const start: Start | undefined = existsSync(startFile(run!)) ? JSON.parse(readFileSync(startFile(run!), 'utf8')) : undefined;

const cores = availableParallelism();
const loadEnd = loadavg()[0]!;
const tierOf = (file: string): Tier => (/^test\/(build|e2e)\//.test(file) ? 'build' : /^test\/(cli|process)\//.test(file) ? 'process' : 'unit');
const files = report.testResults
  .map((t) => ({ file: relative(PROJECT_ROOT, t.name), seconds: (t.endTime - t.startTime) / 1000 }))
  .map((f) => ({ ...f, tier: tierOf(f.file) }))
  .sort((a, b) => b.seconds - a.seconds);
const vitestSeconds = (Math.max(...report.testResults.map((t) => t.endTime)) - report.startTime) / 1000;
// The whole run (installs, builds, type-check and vitest) when `start` was called for it; else vitest alone.
const runSeconds = start && Date.now() - start.time < 86_400_000 ? (Date.now() - start.time) / 1000 : vitestSeconds;
const s = (x: number) => `${x.toFixed(1)} s`;

const lines: string[] = [];
lines.push(`${run}: ${s(runSeconds)} (budget ${budget} s on ${cores} quiet cores); vitest ${s(vitestSeconds)} of it`);
for (const tier of ['unit', 'process', 'build'] as const) {
  const of = files.filter((f) => f.tier === tier);
  if (of.length) lines.push(`  ${tier} tier: ${of.length} files, ${s(of.reduce((n, f) => n + f.seconds, 0))} of file time`);
}
lines.push(`  load average: ${start ? start.load.toFixed(1) : '?'} at the start, ${loadEnd.toFixed(1)} at the end (${cores} cores)`);
lines.push(`  slowest files (time from a file's first test to its last, set-up included):`);
for (const f of files.slice(0, SHOWN)) lines.push(`  ${s(f.seconds).padStart(9)}  ${f.tier.padEnd(7)}  ${f.file}${f.seconds > FILE_GUIDE_S[f.tier] ? `  (over the ${FILE_GUIDE_S[f.tier]} s guide for a ${f.tier} file)` : ''}`);
console.log(lines.join('\n'));

const over = runSeconds / budget - 1;
const quiet = start !== undefined && start.load <= cores && loadEnd <= 2 * cores;
if (over <= 0) {
  console.log(`${run}: within its budget of ${budget} s.`);
} else if (over <= MARGIN && !values.strict) {
  console.log(`${run}: ${(over * 100).toFixed(0)}% over its budget of ${budget} s, within the ${MARGIN * 100}% allowed for noise.`);
} else if (!quiet && !values.strict) {
  console.log(`${run}: ${(over * 100).toFixed(0)}% over its budget of ${budget} s, on a busy machine (load ${start ? start.load.toFixed(1) : 'unknown'} at the start on ${cores} cores): not judged. Re-run on a quiet machine, or with --strict.`);
} else {
  console.error(`${run}: ${s(runSeconds)}, over its budget of ${budget} s by ${(over * 100).toFixed(0)}%. The slowest files are above; docs/testing.md has each tier's budget.`);
  process.exit(1);
}
