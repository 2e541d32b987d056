/**
 * Reading untrusted values: own properties only (`__proto__`, `constructor` and inherited keys never
 * resolve), nothing assigned into, no recursion.
 */
import { MAX_QUERY_LENGTH } from '../normalize.ts';

export type Rec = Record<string, unknown>;

export function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own property only: `__proto__`, `constructor` and inherited keys never resolve. */
export function own(o: unknown, key: string): unknown {
  return isRecord(o) && Object.hasOwn(o, key) ? o[key] : undefined;
}

/** A dotted path, own properties at every step (paths come from our data, never from input). */
export function at(o: unknown, path: string): unknown {
  let cur: unknown = o;
  for (const key of path.split('.')) {
    cur = own(cur, key);
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** A code as a string: strings trimmed, integers written out; anything else is not a code. */
export function codeString(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const s = v.trim();
    return s.length <= MAX_QUERY_LENGTH ? s : undefined;
  }
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return undefined;
}

export function textOf(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

export function statusOf(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^\s*\d{3}\s*$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
}

/** A value from the input, quoted and cut to 80 characters, for a reason. */
export const quote = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}…` : s);
