/**
 * Faults for a whole process, for the output writers' process tests and scripts/fuzz-output.ts:
 *
 *   node --import ./scripts/lib/fs-faults.ts scripts/build-api.ts <dir>
 *
 * Counts the calls that change the disk (write, mkdir, rename, unlink, rmdir, link, symlink, rm)
 * under $FS_FAULT_DIR (its parent included: writers put temporary folders beside their output),
 * and at the n-th one ($FS_FAULT):
 *   kill@<n>    kills the process with SIGKILL before the call runs (kill -9: no clean-up of its own);
 *   ENOSPC@<n>  (or any E… code) fails it; a file write first writes half of its data, as a full disk does;
 *   …@<n>:<call> counts that call only (`ENOSPC@3:writeFileSync`: the fourth file written);
 *   count       fails nothing, and prints `fs-faults: <n> changes` on exit.
 * $FS_SLOW_MS sleeps before each counted call, so that concurrent writers overlap.
 * node:fs is patched in place and syncBuiltinESMExports() makes `import { x } from 'node:fs'` see it.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { dirname, resolve } from 'node:path';

const spec = process.env.FS_FAULT ?? 'count';
const root = process.env.FS_FAULT_DIR ? resolve(process.env.FS_FAULT_DIR) : undefined;
const scope = root ? dirname(root) : undefined;
const slow = Number(process.env.FS_SLOW_MS) || 0;
const [action, where = '-1'] = spec.split('@') as [string, string?];
const at = Number(where.split(':')[0]);
const only = where.split(':')[1];
const CHANGES = ['writeFileSync', 'mkdirSync', 'renameSync', 'unlinkSync', 'rmdirSync', 'linkSync', 'symlinkSync', 'rmSync'] as const;
let changes = 0;

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const inScope = (path: unknown) => scope !== undefined && typeof path === 'string' && resolve(path).startsWith(scope);

for (const name of CHANGES) {
  const real = (fs as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!.bind(fs);
  (fs as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
    if (!inScope(args[0]) && !inScope(args[1])) return real(...args);
    if (slow) pause(slow);
    if (only && name !== only) return real(...args);
    const index = changes++;
    if (index === at) {
      if (action === 'kill') {
        process.kill(process.pid, 'SIGKILL');
        pause(10_000);
      }
      if (name === 'writeFileSync' && typeof args[1] === 'string' && action === 'ENOSPC') real(args[0], args[1].slice(0, args[1].length >> 1));
      throw Object.assign(new Error(`${action}: injected by fs-faults, ${name} '${String(args[0])}'`), { code: action, syscall: name.replace(/Sync$/, ''), path: args[0] });
    }
    return real(...args);
  };
}
syncBuiltinESMExports();
if (action === 'count') process.on('exit', () => process.stderr.write(`fs-faults: ${changes} changes\n`));
