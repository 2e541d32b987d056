/**
 * `npm ci` installs exactly the lockfile, so the lockfile must hold every platform's optional
 * packages (the native bindings of esbuild, rolldown, Astro's compiler…), not only the ones of the
 * machine that last ran `npm install`: otherwise `npm ci` fails on macOS or Windows with
 * "Missing: … from lock file". `.ci/run` uses `npm ci`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface LockPackage {
  version?: string;
  optionalDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
const root = join(import.meta.dirname, '..');
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { lockfileVersion: number; packages: Record<string, LockPackage> };

/** Where Node's resolution would find `dep` from the package at `path` (a key of lock.packages). */
function resolve(path: string, dep: string): string | undefined {
  let from = path;
  for (;;) {
    const candidate = `${from ? `${from}/` : ''}node_modules/${dep}`;
    if (lock.packages[candidate]) return candidate;
    if (!from) return undefined;
    const cut = from.lastIndexOf('/node_modules/');
    from = cut === -1 ? '' : from.slice(0, cut);
  }
}

describe('package-lock.json', () => {
  it('is lockfile version 3 and in step with package.json', () => {
    expect(lock.lockfileVersion).toBe(3);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as LockPackage;
    expect(lock.packages['']?.devDependencies).toEqual(pkg.devDependencies);
    expect(lock.packages['']?.dependencies).toEqual(pkg.dependencies);
  });

  it('holds every optional dependency of every package, for every platform', () => {
    const missing: string[] = [];
    for (const [path, meta] of Object.entries(lock.packages))
      for (const dep of Object.keys(meta.optionalDependencies ?? {})) if (!resolve(path, dep)) missing.push(`${path || '(root)'} → ${dep}`);
    expect(missing).toEqual([]);
    // Not vacuous: the lockfile does list native packages for other platforms.
    for (const name of ['@esbuild/darwin-arm64', '@esbuild/win32-x64', '@astrojs/compiler-binding-darwin-arm64', '@astrojs/compiler-binding-win32-x64-msvc'])
      expect(lock.packages[`node_modules/${name}`], name).toBeDefined();
  });
});
