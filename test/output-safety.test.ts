/**
 * The output writer under faults and concurrency (issue 25, items 1–4 and 7), in this process: a
 * failing or "killed" call is injected at the file system call (test/support/faulty-fs.ts), another
 * process is played by a holder with a pid no process has. test/process/output-processes.test.ts does the
 * same with real processes and kill -9; scripts/fuzz-output.ts is the long randomized sweep.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import './support/fuzz-seed.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { OUTPUT_MARKER, OutputFolderError, OutputWriteError, writeFiles, type WriteOptions } from '../src/node/write-files.ts';
import { currentHolder, holderAlive, type Holder } from '../src/node/output-lock.ts';
import { errnoError, faultyFs, readTree } from './support/faulty-fs.ts';

const work = mkdtempSync(join(tmpdir(), 'kb-output-safety-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let folders = 0;
/** A new parent folder for one case; the output folder is `<parent>/out`. */
const fresh = () => {
  const parent = join(work, `case-${folders++}`);
  mkdirSync(parent);
  return { parent, out: join(parent, 'out') };
};

/** pid_max is at most 2^22 on Linux: no process has these pids. */
let ghosts = 0;
const ghost = (): Holder => ({ pid: 4_194_304 + ++ghosts, started: new Date().toISOString(), host: hostname(), command: 'a killed writer', nonce: `g${ghosts}` });

const files = (tag: string, n = 3): Map<string, string> => new Map(Array.from({ length: n }, (_, i) => [i % 2 ? `v/${tag}-${i}.json` : `${tag}-${i}.json`, `{"tag":"${tag}","i":${i}}`]));
/** What the folder holds after a write of `f`: the files and the marker listing them. */
const expected = (f: Map<string, string>) => new Map([...f, [OUTPUT_MARKER, [...f.keys()].sort().map((p) => `${p}\n`).join('')]]);
const same = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
const siblings = (parent: string) => readdirSync(parent).filter((n) => n !== 'out');
const quiet: WriteOptions = { onWait: () => {}, onWarning: () => {} };

describe('atomic output: a write that fails leaves the folder as it was', () => {
  const faults: [string, string][] = [
    ['ENOSPC', 'the disk is full'],
    ['EROFS', 'the file system is read-only'],
    ['EACCES', 'permission denied'],
    ['EMFILE', 'too many open files'],
  ];
  for (const [code, reason] of faults) {
    it(`${code} half-way through: one line saying what, where and what to do; the old files whole; nothing left behind`, () => {
      const { parent, out } = fresh();
      const old = files('old', 5);
      writeFiles(old, out, 'JSON artifact', quiet);
      let error: unknown;
      try {
        writeFiles(files('new', 5), out, 'JSON artifact', { ...quiet, fs: faultyFs({ at: 4, error: () => errnoError(code) }) });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(OutputWriteError);
      const message = (error as Error).message;
      expect(message).not.toContain('\n');
      expect(message).toMatch(new RegExp(`^cannot write the JSON artifact to ${out}: ${reason} \\(${code}, writing [^)]+\\)\\. [A-Z][^.]+; ${out} is unchanged\\.$`));
      expect(same(readTree(out), expected(old))).toBe(true);
      expect(siblings(parent)).toEqual([]);
    });
  }

  it('a fault at any call, the lock and the swap included, leaves the old files whole and the folder writable', () => {
    const { parent, out } = fresh();
    const old = files('old', 4);
    writeFiles(old, out, 'output', quiet);
    const counter = faultyFs({});
    writeFiles(files('probe', 4), join(parent, 'probe'), 'output', { ...quiet, fs: counter });
    for (let at = 0; at < counter.changes() + 4; at++) {
      writeFiles(old, out, 'output', quiet);
      let failed = false;
      try {
        writeFiles(files('new', 4), out, 'output', { ...quiet, fs: faultyFs({ at, error: () => errnoError('EIO') }) });
      } catch (error) {
        expect(error, `fault at change ${at}`).toBeInstanceOf(OutputWriteError);
        failed = true;
      }
      // Failed: as it was. Not failed: the fault came once the new files were in place (removing the old ones).
      expect(same(readTree(out), expected(failed ? old : files('new', 4))), `fault at change ${at}`).toBe(true);
    }
    writeFiles(files('new', 4), out, 'output', quiet);
    expect(same(readTree(out), expected(files('new', 4)))).toBe(true);
    expect(siblings(parent).filter((n) => n !== 'probe')).toEqual([]);
  });

  it('a missing parent folder is one line too, and nothing is created', () => {
    const { parent } = fresh();
    const out = join(parent, 'no', 'such', 'out');
    expect(() => writeFiles(files('a'), out, 'JSON artifact', quiet)).toThrow(
      new OutputWriteError(`cannot write the JSON artifact to ${out}: its parent folder ${join(parent, 'no', 'such')} does not exist. Create it first, or choose another folder.`, 'ENOENT'),
    );
    expect(readdirSync(parent)).toEqual([]);
  });

  it('a folder that already holds exactly these files is left untouched', () => {
    const { out } = fresh();
    writeFiles(files('a'), out, 'output', quiet);
    const before = statSync(join(out, 'a-0.json')).ino;
    expect(writeFiles(files('a'), out, 'output', quiet)).toBe('unchanged');
    expect(statSync(join(out, 'a-0.json')).ino).toBe(before);
  });
});

describe('a writer killed at any moment (kill -9: nothing of its own clean-up runs)', () => {
  it('leaves the whole old or the whole new files, and the next run finishes the job', () => {
    const { parent, out } = fresh();
    const old = files('old', 5);
    const next = files('new', 6);
    writeFiles(old, out, 'output', quiet);
    // Someone's own file in the folder, which every write keeps.
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const counter = faultyFs({});
    writeFiles(next, join(parent, 'probe'), 'output', { ...quiet, fs: counter });
    rmSync(join(parent, 'probe'), { recursive: true });
    const moments = counter.changes() + 4; // and the folder's own (retiring the old one: more calls)
    for (let at = 0; at < moments; at++) {
      const killed = faultyFs({ at, dies: true });
      try {
        writeFiles(next, out, 'output', { ...quiet, fs: killed, holder: ghost() });
      } catch {
        // the "process" died
      }
      const state = readTree(out);
      state.delete('notes.txt');
      const whole = same(state, expected(old)) || same(state, expected(next));
      // The one moment between the swap's two renames: the folder is missing, the old one is whole beside it.
      const between = !existsSync(out) && siblings(parent).some((n) => n.includes('-old-') && same(readTree(join(parent, n)), new Map([...expected(old), ['notes.txt', 'mine']])));
      expect(whole || between, `killed at change ${at}: ${[...readTree(out).keys()].join(', ')}`).toBe(true);
      // The next run (this process, alive) takes the dead writer's lock, cleans up and writes.
      writeFiles(old, out, 'output', quiet);
      expect(same(readTree(out), new Map([...expected(old), ['notes.txt', 'mine']])), `after a kill at change ${at}`).toBe(true);
      expect(siblings(parent), `after a kill at change ${at}`).toEqual([]);
    }
  });
});

describe('one writer at a time', () => {
  it('a second writer waits a bounded time, then refuses with one line naming the holder and the lock', () => {
    const { parent, out } = fresh();
    const first = currentHolder();
    let waited = 0;
    let refusal: Error | undefined;
    const started = performance.now();
    // The first writer, at its third change, meets a second one.
    writeFiles(files('a'), out, 'JSON artifact', {
      ...quiet,
      holder: first,
      fs: faultyFs({
        before: (i) => {
          if (i !== 2) return;
          try {
            writeFiles(files('b'), out, 'JSON artifact', { lockWaitMs: 300, onWait: () => waited++, holder: { ...currentHolder(), nonce: 'second' } });
          } catch (e) {
            refusal = e as Error;
          }
        },
      }),
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(waited).toBe(1);
    expect(refusal).toBeInstanceOf(OutputFolderError);
    expect(refusal!.message).toBe(
      `cannot write the JSON artifact to ${out}: another writer (pid ${first.pid}, ${first.command || 'node'}, started ${first.started}) holds its lock after 0 s of waiting. ` +
        `Run again when it is done; if no such process is running, delete ${join(parent, '.out.vision-errors-lock')}.`,
    );
    expect(same(readTree(out), expected(files('a')))).toBe(true);
    expect(siblings(parent)).toEqual([]);
  });

  it("a dead writer's lock is taken over: no such pid, or its pid now belongs to a later process", () => {
    for (const holder of [ghost(), { ...currentHolder(), started: '2000-01-01T00:00:00.000Z' }]) {
      const { parent, out } = fresh();
      writeFileSync(join(parent, '.out.vision-errors-lock'), JSON.stringify(holder));
      writeFiles(files('a'), out, 'output', { ...quiet, lockWaitMs: 0 });
      expect(same(readTree(out), expected(files('a')))).toBe(true);
      expect(siblings(parent)).toEqual([]);
    }
  });

  it('two writers taking over the same dead lock: one waits for the other, both finish (found by bench:faults)', () => {
    const { parent, out } = fresh();
    const lock = join(parent, '.out.vision-errors-lock');
    writeFileSync(lock, JSON.stringify(ghost()));
    let second: string | undefined;
    // The first has moved the dead lock aside; before it removes that copy, the second takes the free lock, cleans up and writes.
    writeFiles(files('first'), out, 'output', {
      ...quiet,
      fs: faultyFs({
        before: (_, call, path) => {
          if (second || call !== 'unlinkSync' || !path.includes('.stale-')) return;
          second = writeFiles(files('second'), out, 'output', { ...quiet, holder: { ...currentHolder(), nonce: 'second' } });
        },
      }),
    });
    expect(second).toBe('written');
    expect(same(readTree(out), expected(files('first')))).toBe(true);
    expect(siblings(parent)).toEqual([]);
  });

  it('tells a live holder from a dead one', () => {
    const me = currentHolder();
    expect(holderAlive(me)).toBe(true);
    expect(holderAlive(ghost())).toBe(false);
    expect(holderAlive({ ...me, started: '2000-01-01T00:00:00.000Z' })).toBe(process.platform !== 'linux');
    expect(holderAlive({ ...ghost(), host: 'another-host' })).toBe(true); // cannot be told: wait, never steal
  });

  it('a lock nobody can read is waited for while fresh and taken over once old', () => {
    const { parent, out } = fresh();
    const lock = join(parent, '.out.vision-errors-lock');
    writeFileSync(lock, '');
    expect(() => writeFiles(files('a'), out, 'output', { ...quiet, lockWaitMs: 0 })).toThrow(/holds its lock/);
    utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    writeFiles(files('a'), out, 'output', { ...quiet, lockWaitMs: 0 });
    expect(existsSync(lock)).toBe(false);
  });
});

describe("someone's files in the folder", () => {
  it('are kept: on a file system without hard links, and when added while the new files were being written', () => {
    const { parent, out } = fresh();
    writeFiles(files('a'), out, 'output', quiet);
    mkdirSync(join(out, 'mine'));
    writeFileSync(join(out, 'mine', 'notes.txt'), 'mine');
    writeFileSync(join(out, 'v', 'beside.txt'), 'mine too');
    let late = false;
    const noLinks = faultyFs({
      before: (_, call) => {
        if (call === 'linkSync') throw errnoError('EPERM', 'link');
        // Added just before the swap: too late to be linked into the new folder.
        if (call === 'renameSync' && !late) writeFileSync(join(out, 'late.txt'), 'late');
        late ||= call === 'renameSync';
      },
    });
    writeFiles(files('b'), out, 'output', { ...quiet, fs: noLinks });
    const tree = readTree(out);
    expect([tree.get('mine/notes.txt'), tree.get('v/beside.txt'), tree.get('late.txt')]).toEqual(['mine', 'mine too', 'late']);
    expect(same(new Map([...tree].filter(([p]) => !['mine/notes.txt', 'v/beside.txt', 'late.txt'].includes(p))), expected(files('b')))).toBe(true);
    expect(siblings(parent)).toEqual([]);
  });
});

describe('never leaving the folder', () => {
  it('a marker that lists a file through a link out of the folder is refused, naming the link; nothing outside is touched', () => {
    const { parent, out } = fresh();
    writeFiles(files('a'), out, 'JSON artifact', quiet);
    const elsewhere = join(parent, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'victim.txt'), 'keep');
    symlinkSync(elsewhere, join(out, 'sub'));
    writeFileSync(join(out, OUTPUT_MARKER), `${readFileSync(join(out, OUTPUT_MARKER), 'utf8')}sub/victim.txt\n`);
    expect(() => writeFiles(files('b'), out, 'JSON artifact', quiet)).toThrow(
      new OutputFolderError(
        `refusing to write the JSON artifact into ${out}: its marker ${join(out, OUTPUT_MARKER)} lists "sub/victim.txt", which is reached through the symbolic link ${join(out, 'sub')} (to ${elsewhere}), outside the folder. Nothing was deleted; remove the link or that line and run again.`,
      ),
    );
    expect(readFileSync(join(elsewhere, 'victim.txt'), 'utf8')).toBe('keep');
    expect(readTree(out).get('a-0.json')).toBe(files('a').get('a-0.json'));
  });

  it("someone's links in the folder are kept as links, and what they point to is never touched", () => {
    const { parent, out } = fresh();
    writeFiles(files('a'), out, 'output', quiet);
    const elsewhere = join(parent, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'a-0.json'), 'keep');
    symlinkSync(elsewhere, join(out, 'linked'));
    symlinkSync(join(elsewhere, 'a-0.json'), join(out, 'v', 'file-link'));
    writeFiles(files('b'), out, 'output', quiet);
    writeFiles(files('c'), out, 'output', quiet);
    expect(lstatSync(join(out, 'linked')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(out, 'v', 'file-link')).isSymbolicLink()).toBe(true);
    expect(readdirSync(elsewhere)).toEqual(['a-0.json']);
    expect(readFileSync(join(elsewhere, 'a-0.json'), 'utf8')).toBe('keep');
  });

  it('an output folder that is itself a link, or a new file to be written through a link, is refused', () => {
    const { parent, out } = fresh();
    const real = join(parent, 'real');
    mkdirSync(real);
    writeFileSync(join(real, 'keep.txt'), 'keep');
    symlinkSync(real, out);
    expect(() => writeFiles(files('a'), out, 'output', quiet)).toThrow(`refusing to write the output to ${out}: it is a symbolic link (to ${real})`);
    expect(readdirSync(real)).toEqual(['keep.txt']);

    const other = join(parent, 'other');
    writeFiles(files('a'), other, 'output', quiet);
    symlinkSync(real, join(other, 'w'));
    expect(() => writeFiles(new Map([['w/x.json', '{}']]), other, 'output', quiet)).toThrow(`refusing to write ${join(other, 'w', 'x.json')}: ${join(other, 'w')} is a symbolic link (to ${real}) this project did not make`);
    expect(readdirSync(real)).toEqual(['keep.txt']);
  });
});

const RUNS = Number(process.env.FUZZ_RUNS) || 60;

describe('property: builds, kills and concurrent writers in any order leave one complete set of files', () => {
  type Op = { kind: 'write' | 'kill' | 'meet'; tag: number; size: number; at: number; other: number; otherThinksDead: boolean };
  const op = fc.record({
    kind: fc.constantFrom('write', 'kill', 'meet'),
    tag: fc.integer({ min: 0, max: 3 }),
    size: fc.integer({ min: 1, max: 5 }),
    at: fc.integer({ min: 0, max: 25 }),
    other: fc.integer({ min: 0, max: 3 }),
    otherThinksDead: fc.boolean(),
  }) as fc.Arbitrary<Op>;

  it('after every step the folder holds exactly one of the sets written so far, and a plain write leaves nothing beside it', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 6 }), (ops) => {
        const { parent, out } = fresh();
        const seen: Map<string, string>[] = [];
        let written = false; // until a first write completes, no folder at all is a complete state too
        for (const o of ops) {
          const mine = files(`t${o.tag}`, o.size);
          const theirs = files(`o${o.other}`, o.size + 1);
          seen.push(expected(mine));
          if (o.kind === 'write') {
            writeFiles(mine, out, 'output', quiet);
            expect(same(readTree(out), expected(mine))).toBe(true);
            expect(siblings(parent)).toEqual([]);
            written = true;
            continue;
          }
          if (o.kind === 'kill') {
            try {
              writeFiles(mine, out, 'output', { ...quiet, holder: ghost(), fs: faultyFs({ at: o.at, dies: true }) });
            } catch {
              // killed, or done before the moment came
            }
          } else {
            // Another writer runs whole at this writer's o.at-th change; it either waits for the lock (and
            // refuses: no waiting here) or, thinking this one dead, takes the lock and writes anyway.
            seen.push(expected(theirs));
            const me = currentHolder();
            try {
              writeFiles(mine, out, 'output', {
                ...quiet,
                holder: me,
                fs: faultyFs({
                  before: (i) => {
                    if (i !== o.at) return;
                    try {
                      writeFiles(theirs, out, 'output', { ...quiet, lockWaitMs: 0, holder: { ...currentHolder(), nonce: 'other' }, isAlive: (h) => !o.otherThinksDead && holderAlive(h) });
                    } catch (e) {
                      expect(e).toBeInstanceOf(OutputFolderError);
                    }
                  },
                }),
              });
            } catch (e) {
              // Its folder was taken from under it by a writer that thought it dead: a clean one-line failure.
              expect(e).toBeInstanceOf(OutputWriteError);
            }
          }
          const state = readTree(out);
          const whole = existsSync(out) && seen.some((s) => same(state, s));
          const between = !existsSync(out) && (!written || siblings(parent).some((n) => n.includes('-old-')));
          expect(whole || between, `${JSON.stringify(o)}: ${[...state.keys()].join(', ')}`).toBe(true);
          written ||= whole;
        }
        // Whatever happened, the next plain write recovers and leaves only the folder.
        writeFiles(files('last'), out, 'output', quiet);
        expect(same(readTree(out), expected(files('last')))).toBe(true);
        expect(siblings(parent)).toEqual([]);
      }),
      // FUZZ_RUNS=2000 for a long sweep (about a minute); the suite's budget is a second or two.
      { numRuns: RUNS },
    );
  }, 30_000 + RUNS * 50);
});
