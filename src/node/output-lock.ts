/**
 * One writer at a time: a lock file beside the output folder (`.<name>.vision-errors-lock`, not
 * inside it: the folder itself is replaced by a rename, the lock must outlive that). It holds the
 * holder's pid, start time, host and command. A second writer waits a bounded time, then refuses
 * with a line naming the holder; a lock whose holder is dead (no such pid, or the pid now belongs
 * to a process started later) is taken over.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename } from 'node:path';
import { errnoCode, OutputFolderError, type OutputFs } from './output-fs.ts';

export interface Holder {
  pid: number;
  /** ISO time the process started. */
  started: string;
  host: string;
  /** What it runs (`build-api.ts /tmp/out`), for the message a waiting writer prints. */
  command: string;
  /** Unique per lock taken: tells this lock from a later one of the same process. */
  nonce: string;
}

export function currentHolder(): Holder {
  return {
    pid: process.pid,
    started: new Date(performance.timeOrigin).toISOString(),
    host: hostname(),
    command: process.argv.slice(1).map((a, i) => (i === 0 ? basename(a) : a)).join(' '),
    nonce: Math.random().toString(36).slice(2, 10),
  };
}

/** Linux: when the process `pid` started (ms since the epoch), from /proc; undefined elsewhere or when it cannot tell. */
function processStart(pid: number): number | undefined {
  try {
    const ticks = (path: string) => Number(readFileSync(path, 'utf8').split(') ').pop()!.split(' ')[19]);
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    // Clock ticks are 100 a second on every Linux build that matters; checked on this process.
    const at = (t: number) => boot * 1000 + t * 10;
    if (!(Math.abs(at(ticks('/proc/self/stat')) - performance.timeOrigin) < 3000)) return undefined;
    return at(ticks(`/proc/${pid}/stat`));
  } catch {
    return undefined;
  }
}

/** Is the process that took this lock (or left a temporary folder) still running? On another host it cannot be told: yes. */
export function holderAlive(holder: Pick<Holder, 'pid' | 'started' | 'host'>): boolean {
  if (holder.host !== hostname()) return true;
  if (!(holder.pid > 0)) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if (errnoCode(error) === 'ESRCH') return false;
  }
  const started = processStart(holder.pid);
  const recorded = Date.parse(holder.started);
  // The pid is taken again by a process that started after the holder: the holder is gone.
  return started === undefined || Number.isNaN(recorded) || Math.abs(started - recorded) < 3000;
}


function parseHolder(text: string): Holder | undefined {
  try {
    const h = JSON.parse(text) as Holder;
    return Number.isInteger(h.pid) && h.pid > 0 && typeof h.started === 'string' && typeof h.host === 'string' ? h : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export interface LockOptions {
  fs: OutputFs;
  /** How long to wait for another writer, in ms (0: refuse at once). */
  waitMs: number;
  holder: Holder;
  isAlive: (holder: Pick<Holder, 'pid' | 'started' | 'host'>) => boolean;
  /** Told once when this writer starts waiting. */
  onWait: (message: string) => void;
}

function readOrNone(fs: OutputFs, path: string): string | undefined {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

const describeHolder = (h: Holder | undefined) => (h ? `pid ${h.pid}${h.host === hostname() ? '' : ` on ${h.host}`}, ${h.command || 'node'}, started ${h.started}` : 'a writer that left no name');

/**
 * Takes the lock at `lockPath` for writing `what` to `target`; returns the function that gives it
 * back. Throws OutputFolderError when another live writer keeps it longer than `waitMs`.
 */
export function acquireLock(lockPath: string, target: string, what: string, options: LockOptions): () => void {
  const { fs, holder } = options;
  const mine = `${JSON.stringify(holder)}\n`;
  const deadline = Date.now() + options.waitMs;
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(lockPath, mine, { flag: 'wx' });
      return () => {
        // Only our own lock: one taken over meanwhile (we were thought dead) is its new holder's.
        if (readOrNone(fs, lockPath) === mine) fs.unlinkSync(lockPath);
      };
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw error;
    }
    const seen = readOrNone(fs, lockPath);
    if (seen === undefined) continue;
    const other = parseHolder(seen);
    // A lock without a readable holder: a writer died between creating it and writing it; give it a few seconds.
    const stale = other ? !options.isAlive(other) : Date.now() - fs.lstatSync(lockPath).mtimeMs > 5000;
    if (stale) {
      takeOver(fs, lockPath, seen, holder);
      continue;
    }
    if (Date.now() >= deadline)
      throw new OutputFolderError(
        `cannot write the ${what} to ${target}: another writer (${describeHolder(other)}) holds its lock${options.waitMs > 0 ? ` after ${Math.round(options.waitMs / 1000)} s of waiting` : ''}. ` +
          `Run again when it is done; if no such process is running, delete ${lockPath}.`,
      );
    if (!told) options.onWait(`waiting for another writer of ${target} (${describeHolder(other)}) to finish…`);
    told = true;
    sleep(Math.min(100, Math.max(1, deadline - Date.now())));
  }
}

/**
 * Moves a dead holder's lock aside, then competes for the lock like any writer. Should two writers
 * take over at once, the second may move the first one's new lock: it puts it back.
 */
function takeOver(fs: OutputFs, lockPath: string, seen: string, holder: Holder): void {
  // Named after its mover, so that a writer cleaning up after dead ones (write-files.ts, recover) leaves it alone.
  const aside = `${lockPath}.stale-${holder.pid}-${Date.parse(holder.started).toString(36)}-${holder.nonce}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return;
    throw error;
  }
  if (readOrNone(fs, aside) !== seen) {
    try {
      fs.linkSync(aside, lockPath);
    } catch {
      // another writer took the lock meanwhile: it stands
    }
  }
  try {
    fs.unlinkSync(aside);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
}
