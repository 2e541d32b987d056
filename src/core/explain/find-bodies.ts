/**
 * Every response body in a pasted text: JSON objects and Python/JS reprs anywhere in it (after a log
 * prefix, inside a sentence, several in a row), fragments of a body copied without its braces
 * (`"error_code":"ModelArts.4603","error_msg":"…"`), and bodies nested inside other objects or
 * inside their strings (a caller's error object holding the vendor's body, a JSON string escaped
 * inside another). Bounded: at most BODY_LIMITS.attempts objects are tried per text, nesting is
 * followed BODY_LIMITS.depth levels deep and at most BODY_LIMITS.objects objects are returned.
 */
import { LOOSE_LIMITS, parseLoose } from './loose-parse.ts';
import { isRecord, type Rec } from './values.ts';

export const BODY_LIMITS = { attempts: 200, objects: 64, depth: 8, strings: 3 } as const;

export type BodyHow = 'json' | 'loose' | 'fragment';

/** An object found in the text, or inside another one (`path`: where, e.g. `detail` or `args.description`). */
export interface FoundObject {
  value: Rec;
  how: BodyHow;
  /** Where in the enclosing body it was found, as a dotted path; '' for a body of the text itself. */
  path: string;
  /** The index in the list of the body this one is inside, if any. */
  parent?: number;
  /** The text right before it (at most 200 characters), where a status line or a vendor may be named. */
  before: string;
}

/** `"key": value` (or 'key': value) pairs copied without braces, a pair at a time. */
const PAIR = /(["'])([A-Za-z_][\w.]{0,60})\1\s*:\s*/g;

/** The top-level objects of a text, in order: parsed bodies, then fragments outside them. */
export function objectsInText(text: string): { value: Rec; how: BodyHow; start: number; end: number }[] {
  const found: { value: Rec; how: BodyHow; start: number; end: number }[] = [];
  let attempts = 0;
  for (let at = text.indexOf('{'); at >= 0 && attempts < BODY_LIMITS.attempts && found.length < BODY_LIMITS.objects; ) {
    attempts++;
    const read = readObject(text, at);
    if (read) {
      found.push({ value: read.value, how: read.how, start: at, end: read.end });
      at = text.indexOf('{', read.end);
    } else at = text.indexOf('{', at + 1);
  }
  // Fragments: runs of `"key": value` pairs outside the bodies found.
  PAIR.lastIndex = 0;
  let run: { o: Rec; start: number; end: number; pairs: number } | undefined;
  const flush = () => {
    if (run && run.pairs >= 2 && found.length < BODY_LIMITS.objects) found.push({ value: run.o, how: 'fragment', start: run.start, end: run.end });
    run = undefined;
  };
  for (let m = PAIR.exec(text); m && attempts < BODY_LIMITS.attempts * 4; m = PAIR.exec(text)) {
    attempts++;
    if (found.some((f) => f.how !== 'fragment' && m!.index >= f.start && m!.index < f.end)) continue;
    const read = parseLoose(text, m.index + m[0].length);
    if (!read || (isRecord(read.value) && Object.keys(read.value).length > 0)) {
      if (!read) flush();
      continue;
    }
    // A pair continues the run when only a comma (and spaces) stands between them.
    if (!run || !/^\s*,\s*$/.test(text.slice(run.end, m.index))) {
      flush();
      run = { o: {}, start: m.index, end: m.index, pairs: 0 };
    }
    Object.defineProperty(run.o, m[2]!, { value: read.value, enumerable: true, writable: true, configurable: true });
    run.pairs++;
    run.end = read.end;
    PAIR.lastIndex = read.end;
  }
  flush();
  return found.sort((a, b) => a.start - b.start);
}

/** The object at `at`: strict JSON if it is, else the tolerant reading. */
function readObject(text: string, at: number): { value: Rec; how: BodyHow; end: number } | undefined {
  const read = parseLoose(text, at);
  if (!read || !isRecord(read.value)) return undefined;
  let how: BodyHow = 'loose';
  try {
    JSON.parse(text.slice(at, read.end));
    how = 'json';
  } catch {
    // not strict JSON: a repr or a relaxed body
  }
  return { value: read.value, how, end: read.end };
}

/**
 * The objects of a text and every object nested in them (object values, array items, and bodies inside
 * string values), in document order: each nested one after the one that holds it, with its parent.
 */
export function allObjects(roots: { value: Rec; how: BodyHow; before: string }[]): FoundObject[] {
  const out: FoundObject[] = [];
  let strings = 0;
  const visit = (value: unknown, how: BodyHow, path: string, parent: number | undefined, before: string, depth: number) => {
    if (out.length >= BODY_LIMITS.objects || depth > BODY_LIMITS.depth) return;
    if (Array.isArray(value)) {
      value.slice(0, 50).forEach((item, n) => visit(item, how, path ? `${path}.${n}` : String(n), parent, '', depth + 1));
      return;
    }
    if (typeof value === 'string') {
      // A body escaped inside a string (`"description": "… status code 429: {\"error_code\": …}"`).
      if (parent === undefined || strings >= BODY_LIMITS.strings || value.length > LOOSE_LIMITS.chars || !value.includes('{')) return;
      strings++;
      for (const inner of objectsInText(value)) visit(inner.value, inner.how, path, parent, value.slice(Math.max(0, inner.start - 200), inner.start), depth + 1);
      return;
    }
    if (!isRecord(value)) return;
    const index = out.length;
    out.push({ value, how, path, parent, before });
    for (const key of Object.keys(value).slice(0, 100)) visit(value[key], how, path ? `${path}.${key}` : key, index, '', depth + 1);
  };
  for (const root of roots) visit(root.value, root.how, '', undefined, root.before, 0);
  return out;
}
