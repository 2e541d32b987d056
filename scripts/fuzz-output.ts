/**
 * npm run bench:faults [-- --kills 40 --rounds 8 --writers 4 --seed 1] — the output writer under
 * kill -9 and concurrent writers, with real processes (issue 25): `build:api` into one folder,
 *
 *   kills:  a build of another data set is killed (SIGKILL) at a chosen moment, the first moments
 *           spread evenly over all its changes to the disk, the rest at random; the folder must then
 *           hold the whole old or the whole new artifact (or, between the swap's two renames, be
 *           missing with the whole old one beside it), and the next build must leave exactly its
 *           own artifact and nothing beside the folder;
 *   rounds: `--writers` builds of random data sets at once, slowed down at random so they overlap,
 *           one of them (of three or more) killed at a random moment; all others must succeed
 *           (waiting for the lock, taking a dead writer's over) and leave one complete artifact.
 *
 * `--at <n>` kills at change n (then at random) without first counting a build's changes.
 * Prints what it saw and exits 1 on any violation. test/process/output-processes.test.ts runs a small one.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/node/data-files.ts';
import { expectedArtifact, folderState, readTree, sameFiles, smallDataSets } from './lib/output-check.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const KILLS = option('kills', 40);
const ROUNDS = option('rounds', 8);
const WRITERS = option('writers', 4);
const AT = option('at', -1);
const SEED = option('seed', Date.now() % 100_000);
/** A seeded generator per phase (the phases run at the same time). */
const generator = (start: number) => {
  let state = start;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
};
const SITE = 'https://errors.example.org';

const work = mkdtempSync(join(tmpdir(), 'kb-fuzz-output-'));
const data = smallDataSets(work);
const known = { a: expectedArtifact(data.a, SITE), b: expectedArtifact(data.b, SITE), c: expectedArtifact(data.c, SITE) };
const names = Object.keys(known) as (keyof typeof known)[];
const violations: string[] = [];

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  ms: number;
}

function build(out: string, set: keyof typeof known, env: Record<string, string> = {}): Promise<Run> {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', join(PROJECT_ROOT, 'scripts/lib/fs-faults.ts'), join(PROJECT_ROOT, 'scripts/build-api.ts'), out], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, KB_DATA_DIR: data[set], SITE_URL: SITE, FS_FAULT_DIR: out, KB_LOCK_WAIT_S: '120', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status, signal) => done({ status, signal, stderr, ms: performance.now() - started }));
  });
}

const beside = (out: string) => readdirSync(join(out, '..')).filter((n) => n !== 'out');

/** After a plain build of `set`: exactly its artifact, nothing left beside the folder. */
function expectClean(out: string, set: keyof typeof known, run: Run, what: string): void {
  if (run.status !== 0) violations.push(`${what}: exit ${run.status}: ${run.stderr.trim()}`);
  const state = folderState(out, known);
  if (state !== set) violations.push(`${what}: the folder holds ${state}, not ${set}`);
  if (beside(out).length > 0) violations.push(`${what}: left beside the folder: ${beside(out).join(', ')}`);
}

async function kills(): Promise<Record<string, number>> {
  const random = generator(SEED);
  const seen: Record<string, number> = {};
  const out = join(work, 'kills', 'out');
  mkdirSync(join(work, 'kills'));
  expectClean(out, 'b', await build(out, 'b'), 'first build');
  let changes = AT + 1;
  if (AT < 0) {
    const probe = await build(out, 'a', { FS_FAULT: 'count' });
    changes = Number(/fs-faults: (\d+) changes/.exec(probe.stderr)?.[1]);
    expectClean(out, 'a', probe, 'probe build');
  }
  let current: keyof typeof known = AT < 0 ? 'a' : 'b';
  for (let k = 0; k < KILLS; k++) {
    const next = names.filter((n) => n !== current)[Math.floor(random() * 2)]!;
    // The first kills spread over the whole write; then at random (a few past the end: nothing to kill).
    const spread = AT < 0 ? Math.min(KILLS, 12) : 0;
    const at = k === 0 && AT >= 0 ? AT : k < spread ? Math.floor(((k + 1) * changes) / (spread + 1)) : Math.floor(random() * (changes + 3));
    const killed = await build(out, next, { FS_FAULT: `kill@${at}` });
    let state = folderState(out, known);
    if (state === 'absent') {
      const old = beside(out).find((n) => n.includes('-old-'));
      state = old && sameFiles(readTree(join(out, '..', old)), known[current]) ? 'between' : 'absent, nothing whole beside it';
    }
    const label = killed.signal === 'SIGKILL' ? (state === current ? 'old' : state === next ? 'new' : state) : `not killed (${state === next ? 'new' : state})`;
    seen[label] = (seen[label] ?? 0) + 1;
    if (![current, next, 'between'].includes(state)) violations.push(`killed at change ${at} of ${changes} writing ${next} over ${current}: the folder holds ${state}`);
    expectClean(out, next, await build(out, next), `the build after a kill at change ${at}`);
    current = next;
  }
  seen.changes = changes;
  return seen;
}

async function rounds(): Promise<{ ok: number; waited: number; tookOver: number; slowest: number }> {
  const random = generator(SEED + 1);
  const figures = { ok: 0, waited: 0, tookOver: 0, slowest: 0 };
  for (let r = 0; r < ROUNDS; r++) {
    const parent = join(work, `round-${r}`);
    mkdirSync(parent);
    const out = join(parent, 'out');
    // One writer of three or more is killed at a random moment; two writers both live.
    const victim = WRITERS >= 3 ? Math.floor(random() * WRITERS) : -1;
    const sets = Array.from({ length: WRITERS }, () => names[Math.floor(random() * names.length)]!);
    const runs = await Promise.all(
      sets.map((set, w) => build(out, set, { FS_SLOW_MS: String(Math.floor(random() * 30)), ...(w === victim ? { FS_FAULT: `kill@${Math.floor(random() * 20)}` } : {}) })),
    );
    runs.forEach((run, w) => {
      if (w === victim && run.signal === 'SIGKILL') return;
      if (run.status === 0) figures.ok++;
      else violations.push(`round ${r}, writer ${w} (${sets[w]}): exit ${run.status}: ${run.stderr.trim()}`);
      if (/waiting for another writer/.test(run.stderr)) figures.waited++;
      figures.slowest = Math.max(figures.slowest, run.ms);
    });
    const state = folderState(out, known);
    if (!names.includes(state as keyof typeof known)) violations.push(`round ${r}: the folder holds ${state}`);
    // A writer killed at the end leaves its lock and temporary folder: the next build takes over.
    const leftovers = beside(out);
    if (leftovers.length > 0) {
      figures.tookOver++;
      expectClean(out, 'a', await build(out, 'a'), `round ${r}: the build after the round`);
    }
  }
  return figures;
}

const started = performance.now();
// The two phases use folders of their own: they run at the same time.
const [killFigures, roundFigures] = await Promise.all([kills(), rounds()]);
rmSync(work, { recursive: true, force: true });
console.log(`kills: ${KILLS} build${KILLS === 1 ? '' : 's'} killed with SIGKILL at chosen moments${AT < 0 ? ` (of ${killFigures.changes} changes to the disk a build makes)` : ''}`);
for (const [label, n] of Object.entries(killFigures).filter(([l]) => l !== 'changes')) console.log(`  ${label.padEnd(32)} ${n}`);
console.log(
  `rounds: ${ROUNDS} × ${WRITERS} concurrent writers${WRITERS >= 3 ? ', one killed per round' : ''}: ${roundFigures.ok} succeeded (${roundFigures.waited} waited for the lock), ` +
    `${roundFigures.tookOver} rounds left a dead writer's lock or folder that the next build took over; slowest writer ${(roundFigures.slowest / 1000).toFixed(1)} s`,
);
console.log(`seed ${SEED} (--seed ${SEED} replays it); ${((performance.now() - started) / 1000).toFixed(1)} s; violations: ${violations.length}`);
for (const v of violations) console.error(`✖ ${v}`);
process.exit(violations.length > 0 ? 1 : 0);
