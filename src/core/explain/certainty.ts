/**
 * When a code found in a body is that entry for certain, or only a candidate.
 *
 * A code only one vendor has (`222202`, `ModelArts.4603`, `ERROR_NO_FACE_IN_FILE`, an 8-digit SoftSugar
 * code) is certain by itself. A code in a shape other APIs share — a short number (Baidu's `18`,
 * SoftSugar's `400`), a task state (PicWish's `data.state`) — is certain only when the body's message
 * is the entry's literal message (or holds it), when a hint confirms the vendor (the caller named it,
 * or the text names one of its hosts, SDKs or names), or, for a task state, when the body has the
 * vendor's documented envelope and nothing else. Otherwise the entry is a candidate.
 */
import type { ArtifactEntry } from '../artifact-types.ts';
import type { Lookup } from '../lookup.ts';
import { normalizeMessage } from '../normalize.ts';
import { matchesTemplate } from '../templates.ts';
import { codeEntries } from './code-index.ts';
import type { Explainer } from './context.ts';
import { holdsMessage } from './messages-in-text.ts';
import { parseText } from './read-body.ts';
import { isRecord, type Rec } from './values.ts';

/** A number of at most four digits: a shape many APIs' codes have. */
export const SHORT_NUMBER = /^-?\d{1,4}$/;

/** Does the message say what the entry's literal message says (exactly, as its template, or holding it)? */
export function messageIsEntry(entry: ArtifactEntry, message: string): boolean {
  if (!entry.message || message.length > 2000) return false;
  if (entry.message_is_template) return matchesTemplate(entry.message, message);
  // Exactly its message; or its message of three words or more inside a longer one (`[18] Open api qps …`).
  return normalizeMessage(message) === normalizeMessage(entry.message) || holdsMessage(entry, message, 3);
}

/** Is `code` distinctive: not a short number, and an error or task state of one vendor only? */
export function distinctive(l: Lookup, code: string): boolean {
  if (SHORT_NUMBER.test(code)) return false;
  // The index of codes first (cheap); a code spelt otherwise (`ModelArt s.4101`) as lookup reads it.
  const known = codeEntries(l, code);
  const entries = known.length > 0 ? known : l.find(code).filter((e) => e.kind !== 'http-status');
  return new Set(entries.map((e) => e.vendor)).size === 1;
}

/** The keys of a vendor's documented bodies (its error and success examples), by parent path. */
const envelopeKeys = new WeakMap<Lookup, Map<string, Map<string, Set<string>>>>();

function keysOf(l: Lookup, vendor: string): Map<string, Set<string>> {
  let byVendor = envelopeKeys.get(l);
  if (!byVendor) envelopeKeys.set(l, (byVendor = new Map()));
  let keys = byVendor.get(vendor);
  if (keys) return keys;
  keys = new Map();
  const envelope = l.vendor(vendor)?.envelope;
  for (const example of [envelope?.example_error, envelope?.example_success]) {
    const parsed = typeof example?.body === 'string' ? parseText(example.body) : undefined;
    if (parsed?.kind !== 'json' || !isRecord(parsed.value)) continue;
    const add = (o: Rec, path: string, depth: number) => {
      const set = keys!.get(path) ?? new Set<string>();
      keys!.set(path, set);
      for (const k of Object.keys(o)) {
        set.add(k);
        if (depth < 2 && isRecord(o[k])) add(o[k] as Rec, path ? `${path}.${k}` : k, depth + 1);
      }
    };
    add(parsed.value, '', 0);
  }
  byVendor.set(vendor, keys);
  return keys;
}

/** Every field of the body (two levels deep) is one of the vendor's documented bodies' fields. */
export function fitsEnvelope(l: Lookup, vendor: string, o: Rec): boolean {
  const keys = keysOf(l, vendor);
  if (keys.size === 0) return false;
  const fits = (v: Rec, path: string, depth: number): boolean => {
    const allowed = keys.get(path);
    if (!allowed) return false;
    return Object.keys(v).every((k) => allowed.has(k) && (depth >= 1 || !isRecord(v[k]) || fits(v[k] as Rec, path ? `${path}.${k}` : k, depth + 1)));
  };
  return fits(o, '', 0);
}

/** How an entry found for a body's code is known: certain, and why; or not (a candidate). */
export type Certainty = 'distinctive' | 'message' | 'hint' | 'envelope' | undefined;

export function certaintyOf(x: Explainer, entry: ArtifactEntry, code: string, messages: string[], o: Rec): Certainty {
  if (x.hint === entry.vendor || (x.textHints?.includes(entry.vendor) ?? false)) return 'hint';
  if (entry.kind === 'task-state') return fitsEnvelope(x.l, entry.vendor, o) ? 'envelope' : undefined;
  if (distinctive(x.l, code)) return 'distinctive';
  if (messages.some((m) => messageIsEntry(entry, m))) return 'message';
  return undefined;
}
