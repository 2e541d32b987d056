/**
 * The file system calls the output writer makes (write-files.ts), and what a failing one means in
 * one line. Tests pass their own `OutputFs` to fail a chosen call (a full disk, a read-only folder,
 * a crash) without needing root or a small file system.
 */
import * as nodeFs from 'node:fs';

export type OutputFs = Pick<
  typeof nodeFs,
  'lstatSync' | 'statSync' | 'readdirSync' | 'readFileSync' | 'writeFileSync' | 'mkdirSync' | 'renameSync' | 'unlinkSync' | 'rmdirSync' | 'linkSync' | 'symlinkSync' | 'readlinkSync'
>;

/** node:fs itself (its live bindings: a test that patches node:fs and calls syncBuiltinESMExports reaches these calls too). */
export const realFs: OutputFs = nodeFs;

/** The folder cannot be used as it is: someone else's files, a link, a bad marker, a held lock. */
export class OutputFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputFolderError';
  }
}

/** A file system call failed (full disk, read-only, permissions…): the message is one line saying what, where and what to do. */
export class OutputWriteError extends OutputFolderError {
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.name = 'OutputWriteError';
    this.code = code;
  }
}

export const errnoCode = (error: unknown): string | undefined => {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
};

const FAULTS: Record<string, [what: string, todo: string]> = {
  ENOSPC: ['the disk is full', 'Free some space and run again'],
  EDQUOT: ['the disk quota is used up', 'Free some space (or raise the quota) and run again'],
  EROFS: ['the file system is read-only', 'Write to a folder on a writable disk, or remount it read-write'],
  EACCES: ['permission denied', 'Check the permissions of the folder and of its parent, or choose another folder'],
  EPERM: ['operation not permitted', 'Check the permissions of the folder and of its parent, or choose another folder'],
  EMFILE: ['too many open files', 'Close other programs or raise the limit (ulimit -n), and run again'],
  ENFILE: ['too many files open on the system', 'Close other programs and run again'],
  ENOENT: ['a folder on the way does not exist any more (moved or deleted during the build?)', 'Check the folder and run again'],
  ENOTDIR: ['a part of the path is a file, not a folder', 'Choose another folder'],
  EISDIR: ['a folder is in the way of a file', 'Choose another folder'],
  ENAMETOOLONG: ['a file name is too long for this file system', 'Choose a folder with a shorter path'],
  EIO: ['an input/output error (the disk may be failing)', 'Check the disk and run again'],
};

/**
 * `cannot write the JSON artifact to /x/out: the disk is full (ENOSPC, writing picwish.json). Free
 * some space and run again; /x/out is unchanged.` `doing` names the call (`writing picwish.json`);
 * `outcome` what became of the folder.
 */
export function faultMessage(what: string, target: string, error: unknown, doing: string, outcome = `${target} is unchanged`): string {
  const code = errnoCode(error) ?? 'error';
  const [reason, todo] = FAULTS[code] ?? [`${(error as Error)?.message?.split('\n')[0] ?? String(error)}`, 'Run again; if it keeps failing, choose another folder'];
  return `cannot write the ${what} to ${target}: ${reason} (${code}, ${doing}). ${todo}; ${outcome}.`;
}
