/**
 * From what was pasted to the answers: the response bodies in it (find-bodies.ts: JSON, reprs,
 * fragments, bodies nested in other objects or strings), each explained on its own; the free text
 * around them (free-text.ts); the vendors the text names (hints.ts). The first response that comes
 * to an entry is the answer; other responses with an entry are listed after it.
 */
import type { Lookup } from '../lookup.ts';
import { Answer } from './answer.ts';
import type { Explainer } from './context.ts';
import { allObjects, objectsInText, type FoundObject } from './find-bodies.ts';
import { forVendor } from './for-vendor.ts';
import { fromFreeText } from './free-text.ts';
import { generic } from './generic.ts';
import { vendorHints } from './hints.ts';
import { statusBefore, toParsed, type Parsed } from './read-body.ts';
import type { ExplainReason } from './reasons.ts';
import { recognise } from './recognise.ts';
import { fromStatus } from './status.ts';
import { fromText, wholeText } from './text.ts';
import { EXPLAIN_LIMITS } from './types.ts';
import { isRecord, statusOf, type Rec } from './values.ts';

export interface Explained {
  primary: Answer;
  /** Further responses of the text that come to an entry, in the order they stand. */
  others: Answer[];
}

/** At most this many further responses are listed. */
const MAX_OTHERS = 20;

export function explainAll(l: Lookup, body: unknown, options: Rec): Explained {
  const prefix = new Answer();
  let hint: string | undefined;
  const status = options.httpStatus;
  if (status !== undefined) {
    prefix.httpStatus = statusOf(status);
    if (prefix.httpStatus === undefined) prefix.because('statusIgnored', { status: String(status).slice(0, 20) });
  }
  if (options.vendor !== undefined && options.vendor !== '') {
    hint = typeof options.vendor === 'string' ? l.vendorId(options.vendor) : undefined;
    if (!hint) prefix.because('vendorIgnored', { given: String(options.vendor).slice(0, 40), ids: l.vendorIds() });
  }
  let textHints: string[] = [];
  const start = (reasons: ExplainReason[] = []): Explainer => {
    const a = new Answer();
    a.httpStatus = prefix.httpStatus;
    a.reasons.push(...prefix.reasons, ...reasons);
    return { l, a, hint, textHints };
  };
  const one = (x: Explainer): Explained => ({ primary: x.a, others: [] });

  const parsed = typeof body === 'string' ? readString(body) : toParsed(body);
  switch (parsed.kind) {
    case 'too-large': {
      const x = start();
      x.a.because('tooLarge', { length: parsed.length, limit: EXPLAIN_LIMITS.maxBodyChars });
      fromStatus(x);
      return one(x);
    }
    case 'empty': {
      const x = start();
      x.a.because(x.a.httpStatus === undefined ? 'nothing' : 'emptyBody');
      fromStatus(x);
      return one(x);
    }
    case 'invalid': {
      const x = start();
      if (parsed.what === 'json') x.a.because('invalidJson');
      else x.a.because('unreadable', { type: parsed.what });
      fromStatus(x);
      return one(x);
    }
    case 'json':
      if (!parsed.lenient) return fromValue(parsed.value, typeof body === 'string' ? body : undefined);
  }
  // Text that is not strict JSON: the bodies in it, and the text around them.
  const text = typeof body === 'string' ? body : parsed.kind === 'text' ? parsed.text : '';
  return fromLooseText(text.replace(/^\uFEFF/, '').trim());

  function noteHints(text: string): ExplainReason[] {
    if (hint) return [];
    const found = vendorHints(l, text);
    textHints = found.map((h) => h.vendor);
    return found.map((h) => ({ key: 'explain.reason.textNames', params: { vendor: h.vendor, text: JSON.stringify(h.text.slice(0, 80)) } }));
  }

  /** A strict JSON value (or an object given as such). */
  function fromValue(value: unknown, text: string | undefined): Explained {
    const named = text !== undefined ? noteHints(text) : [];
    if (isRecord(value)) return fromObjects([{ value, how: 'json', before: '' }], named, undefined);
    if (Array.isArray(value)) {
      const items = value.filter(isRecord).slice(0, 50);
      if (items.length > 0) return fromObjects(items.map((v) => ({ value: v, how: 'json' as const, before: '' })), named, undefined);
      const x = start(named);
      x.a.because('jsonArray');
      fromStatus(x);
      return one(x);
    }
    const x = start(named);
    if (typeof value === 'string' || typeof value === 'number') fromText(x, String(value));
    else {
      x.a.because('jsonValue', { value: String(value) });
      fromStatus(x);
    }
    return one(x);
  }

  function fromLooseText(text: string): Explained {
    const named = noteHints(text);
    if (text.length > EXPLAIN_LIMITS.maxLenientChars) {
      const x = start(named);
      x.a.because('invalidJson');
      fromStatus(x);
      return one(x);
    }
    const roots = objectsInText(text);
    if (roots.length === 0) {
      const x = start(named);
      const s = statusBefore(text);
      if (s !== undefined && x.a.httpStatus === undefined) {
        x.a.httpStatus = s;
        x.a.because('statusLine', { status: s });
      }
      fromText(x, text);
      return one(x);
    }
    // The text around the bodies (bodies blanked out) may name a code or message of its own.
    let around = text;
    for (const r of roots) around = around.slice(0, r.start) + ' '.repeat(r.end - r.start) + around.slice(r.end);
    return fromObjects(
      roots.map((r) => ({ value: r.value, how: r.how, before: text.slice(Math.max(0, r.start - 4000), r.start) })),
      named,
      around,
    );
  }

  function fromObjects(roots: Parameters<typeof allObjects>[0], named: ExplainReason[], around: string | undefined): Explained {
    const objects = allObjects(roots);
    const claimed = new Set<number>();
    const under = (o: FoundObject): boolean => o.parent !== undefined && (claimed.has(o.parent) || under(objects[o.parent]!));
    const done: { x: Explainer; score: number }[] = [];
    objects.forEach((o, i) => {
      if (under(o)) return;
      const x = start(named);
      const s = o.before ? statusBefore(o.before) : undefined;
      if (s !== undefined && x.a.httpStatus === undefined) {
        x.a.httpStatus = s;
        x.a.because('statusLine', { status: s });
      }
      if (o.path) x.a.because('nestedBody', { path: o.path });
      else if (o.how === 'fragment') x.a.because('fragmentBody');
      else if (o.how === 'loose') x.a.because('looseBody');
      else if (around !== undefined) x.a.because('lenientJson');
      if (fromObject(x, o.value)) claimed.add(i);
      done.push({ x, score: x.a.entry ? 3 : claimed.has(i) ? 2 : x.a.candidates.length > 0 ? 1 : 0 });
    });
    // The text around the bodies: a code or message of its own when no body came to an entry.
    if (around !== undefined && !done.some((d) => d.score === 3) && /\S/.test(around)) {
      const x = start(named);
      if (!wholeText(x, around.trim())) fromFreeText(x, around);
      if (x.a.entry) done.push({ x, score: 3 });
    }
    const best = Math.max(...done.map((d) => d.score));
    const primary = done.find((d) => d.score === best)!;
    const others = done.filter((d) => d !== primary && d.score === 3).slice(0, MAX_OTHERS).map((d) => d.x.a);
    if (others.length > 0) primary.x.a.because('severalResponses', { count: others.length + 1 });
    return { primary: primary.x.a, others };
  }
}

/** The response body each answer was read from (the request id is read from it). */
export const bodyOf = new WeakMap<Answer, Rec>();

/** A JSON object: the vendor given, or recognised (true), or none. */
function fromObject(x: Explainer, o: Rec): boolean {
  bodyOf.set(x.a, o);
  if (x.hint) {
    x.a.because('vendorGiven', { vendor: x.hint });
    forVendor(x, x.hint, o);
    return true;
  }
  const { vendor, among } = recognise(x, o);
  if (vendor) {
    forVendor(x, vendor, o);
    return true;
  }
  generic(x, o, among);
  return false;
}

/**
 * A string body: too large, empty, strict JSON, or text (read by fromLooseText). Strict JSON is tried
 * only when the text begins like a JSON value, so a log line costs no thrown exception.
 */
function readString(raw: string): Parsed {
  if (raw.length > EXPLAIN_LIMITS.maxBodyChars) return { kind: 'too-large', length: raw.length };
  const text = raw.replace(/^\uFEFF/, '').trim();
  if (!text) return { kind: 'empty' };
  if (/^[{["]/.test(text) || /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/.test(text)) {
    try {
      return { kind: 'json', value: JSON.parse(text) };
    } catch {
      // not strict JSON: the bodies in the text
    }
  }
  if (text.length > EXPLAIN_LIMITS.maxLenientChars) return { kind: 'invalid', what: 'json' };
  return { kind: 'text', text };
}
