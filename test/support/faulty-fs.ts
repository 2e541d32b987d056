/**
 * An OutputFs (src/node/output-fs.ts) that fails on purpose: the n-th call that changes the disk
 * throws the error given, and with `dies`, so does every call after it (a process killed there:
 * no clean-up of its own ever runs). Counting only the calls that change the disk makes "every
 * moment of a write" a short list to try in turn.
 */
import * as fs from 'node:fs';
import type { OutputFs } from '../../src/node/output-fs.ts';

const CHANGES = new Set(['writeFileSync', 'mkdirSync', 'renameSync', 'unlinkSync', 'rmdirSync', 'linkSync', 'symlinkSync']);

export function errnoError(code: string, syscall = 'write'): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected fault, ${syscall}`), { code, syscall, errno: -1 });
}

export interface FaultPlan {
  /** Fail the n-th change (0-based); never when undefined. */
  at?: number;
  error?: () => Error;
  /** After failing, every call fails: the process is gone. */
  dies?: boolean;
  /** Called before each change with its index, name and first argument (to run another writer at that moment). */
  before?: (index: number, call: string, path: string) => void;
}

export function faultyFs(plan: FaultPlan): OutputFs & { changes: () => number } {
  let changes = 0;
  let dead = false;
  const wrapped: Record<string, unknown> = {};
  for (const name of ['lstatSync', 'statSync', 'readdirSync', 'readFileSync', 'writeFileSync', 'mkdirSync', 'renameSync', 'unlinkSync', 'rmdirSync', 'linkSync', 'symlinkSync', 'readlinkSync']) {
    const real = (fs as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!;
    wrapped[name] = (...args: unknown[]) => {
      if (dead) throw errnoError('EKILLED', name);
      if (CHANGES.has(name)) {
        const index = changes++;
        plan.before?.(index, name, String(args[0]));
        if (index === plan.at) {
          if (plan.dies) dead = true;
          throw (plan.error ?? (() => errnoError('EKILLED', name)))();
        }
      }
      return real(...args);
    };
  }
  return Object.assign(wrapped as unknown as OutputFs, { changes: () => changes });
}

export { readTree } from '../../scripts/lib/output-check.ts';
