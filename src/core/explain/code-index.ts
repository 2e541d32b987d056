/**
 * Every error and task-state code of the index by its normalised key (normalizeCode), built once per
 * lookup: free text and triage look up many tokens per line, and most are no code at all.
 */
import type { ArtifactEntry } from '../artifact-types.ts';
import type { Lookup } from '../lookup.ts';
import { normalizeCode } from '../normalize.ts';

const cache = new WeakMap<Lookup, Map<string, ArtifactEntry[]>>();

export function codeIndex(l: Lookup): Map<string, ArtifactEntry[]> {
  let byKey = cache.get(l);
  if (!byKey) {
    byKey = new Map();
    for (const e of l.index.entries) {
      if (e.kind === 'http-status') continue;
      const key = normalizeCode(e.code);
      const list = byKey.get(key);
      if (list) list.push(e);
      else byKey.set(key, [e]);
    }
    cache.set(l, byKey);
  }
  return byKey;
}

/** The key of a plain code-shaped token (`ModelArts.4603`, `ERROR_NO_FACE`, `-8`), as normalizeCode makes it. */
export const tokenKey = (token: string) => token.toLowerCase().replace(/[_/]+/g, '.');

/** The errors and task states with this code (normalised): no HTTP statuses. */
export function codeEntries(l: Lookup, code: string): readonly ArtifactEntry[] {
  return codeIndex(l).get(/^[A-Za-z0-9._-]{1,64}$/.test(code) ? tokenKey(code) : normalizeCode(code)) ?? [];
}
