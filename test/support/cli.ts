/**
 * The vision-errors CLI as a child process, through its launcher (bin/vision-errors.mjs, which runs
 * the compiled lib/cli/main.js: npm test runs build:lib first), over the real index.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';
import { realIndexFile } from './real-index.ts';

export const root = join(import.meta.dirname, '..', '..');
export const bin = join(root, 'bin', 'vision-errors.mjs');

/** Variables that change colours, data or the language (the locale: LANG, LC_ALL…). Node reads CI and the terminal's variables for the colour depth
 * (with CI set and no known provider it says two colours, so none), so a CI runner must not leak them in. */
const COLOUR_AND_DATA_VARIABLES = ['NO_COLOR', 'FORCE_COLOR', 'NODE_DISABLE_COLORS', 'TERM', 'COLORTERM', 'TERM_PROGRAM', 'TMUX', 'CI', 'KB_DATA_DIR', 'VISION_ERRORS_INDEX', 'LANG', 'LC_ALL', 'LC_MESSAGES', 'LANGUAGE'];

/** The environment without anything that changes colours or data, reading the real index. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of COLOUR_AND_DATA_VARIABLES) delete env[key];
  return { ...env, VISION_ERRORS_INDEX: realIndexFile(), ...extra };
}

export function cli(args: string[], options: { input?: string; env?: Record<string, string>; node?: string } = {}): SpawnSyncReturns<string> {
  return spawnSync(options.node ?? process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    input: options.input ?? '',
    env: cleanEnv(options.env),
    timeout: 60_000,
  });
}

/** The start of an ANSI escape sequence (a colour). */
export const ANSI = /\u001b\[/;
