/**
 * npm run bench:triage [-- --size 1024 --work /tmp/kb-triage]
 *
 * `vision-errors triage` over a generated log of --size MB (default 1024): the log is written to
 * --work by repeating test/fixtures/logs/mixed.log's lines between lines of noise (nine in ten lines
 * hold no vendor response), then the CLI reads it as a user would (node lib/cli/main.js triage <file>
 * --json, the compiled CLI: run npm run build:lib first). Prints the time, the throughput, the peak
 * memory of the CLI process (resident set, from /proc) and checks the counts against what was
 * written. A benchmark, not a test: test/build/benchmarks.test.ts runs it on 1 MB; exits 1 when the counts differ from what was written.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/node/data-files.ts';
import { scriptArgs } from './lib/script-args.ts';

const { values } = scriptArgs(import.meta.url, { size: { type: 'string', default: '1024' }, work: { type: 'string', default: '/tmp/kb-triage' }, keep: { type: 'boolean' } });
const megabytes = Number(values.size);
const work = values.work!;
const cliMain = join(PROJECT_ROOT, 'lib', 'cli', 'main.js');
if (!existsSync(cliMain)) throw new Error('lib/cli/main.js is missing: run npm run build:lib first');

const sample = readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'logs', 'mixed.log'), 'utf8').trimEnd().split('\n');
const noise = [
  '2026-12-07T10:00:00.123Z INFO  request id=7f3a handled in 35 ms by worker 4 of 8',
  '10.0.0.12 - - [07/Dec/2026:10:00:00 +0000] "POST /v1/photos HTTP/1.1" 200 5120 "-" "app/2.3"',
  '2026-12-07T10:00:00.125Z DEBUG cache hit ratio 0.93, 12000 keys, 512 MB',
  '2026-12-07T10:00:00.126Z INFO  {"level":"info","msg":"upload done","status":200,"bytes":48211}',
  '2026-12-07T10:00:00.127Z WARN  slow query 1200 ms: SELECT * FROM jobs WHERE state = 4',
];

mkdirSync(work, { recursive: true });
const file = join(work, `triage-${megabytes}mb.log`);
const log = (m: string) => console.error(`[bench:triage] ${m}`);

log(`writing ${megabytes} MB of log to ${file}…`);
const out = createWriteStream(file);
let bytes = 0;
let rounds = 0;
const target = megabytes * 1024 * 1024;
while (bytes < target) {
  // One round: the sample's 18 lines, each followed by 9 lines of noise.
  const chunk = `${sample.map((line) => [line, ...Array.from({ length: 9 }, (_, i) => noise[(i + rounds) % noise.length])].join('\n')).join('\n')}\n`;
  bytes += Buffer.byteLength(chunk);
  rounds++;
  if (!out.write(chunk)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');

log(`running vision-errors triage over ${rounds} rounds (${(bytes / 1024 / 1024).toFixed(0)} MB)…`);
const started = performance.now();
const child = spawn(process.execPath, [cliMain, 'triage', file, '--json'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
let peakKb = 0;
const sampleMemory = () => {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
  } catch {
    // the process has ended
  }
};
const timer = setInterval(sampleMemory, 200);
let stdout = '';
child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
const [code] = (await once(child, 'exit')) as [number];
clearInterval(timer);
const seconds = (performance.now() - started) / 1000;
const report = JSON.parse(stdout) as { lines: number; found: number; unrecognised: number; entries: { id: string; count: number }[] };
const expected = { lines: rounds * 18 * 10, found: rounds * 9, unrecognised: rounds };
const ok = report.lines === expected.lines && report.found === expected.found && report.unrecognised === expected.unrecognised;
console.log(
  [
    `triage of ${(bytes / 1024 / 1024).toFixed(0)} MB (${report.lines} lines) in ${seconds.toFixed(1)} s: ${((bytes / 1024 / 1024) / seconds).toFixed(1)} MB/s`,
    `peak resident memory of the CLI: ${(peakKb / 1024).toFixed(0)} MB (sampled every 200 ms; VmHWM)`,
    `found ${report.found}, unrecognised ${report.unrecognised}, exit ${code}: ${ok ? 'counts as written' : `COUNTS DIFFER, expected ${JSON.stringify(expected)}`}`,
    `top entries: ${report.entries.slice(0, 5).map((e) => `${e.id} ${e.count}`).join(', ')}`,
  ].join('\n'),
);
if (!values.keep) rmSync(file);
// A run whose counts differ from what was written, or whose CLI failed, is not a figure to keep.
if (!ok || code !== 0) process.exit(1);
