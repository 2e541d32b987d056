/**
 * Triage a log: every vendor response in it, found as explain finds them (bodies anywhere in a line,
 * reprs, fragments, nested bodies, codes and messages in free text), counted by entry with the first
 * and last line each was seen on. Pure and streaming: feed it the text in chunks of any size
 * (`write`), then `end()`; memory stays bounded whatever the log's size (TRIAGE_LIMITS), so a
 * 1 GB log streams through in the memory of one line.
 *
 *   const t = new Triage(index);
 *   for await (const chunk of stream) t.write(chunk);
 *   const report = t.end();  // { lines, found, unrecognised, entries: [{ id, count, action, … }] }
 *
 * A body pretty-printed over several lines is read as one (from the line its `{` opens on, while its
 * braces stay open, up to TRIAGE_LIMITS.blockLines lines). Lines that hold no vendor response are
 * never counted, and numbers in log noise (`4 threads`, an access log's `200`) are never codes.
 */
import type { ArtifactEntry } from './artifact-types.ts';
import { lookupFor, type KbIndex, type Lookup } from './lookup.ts';
import { explainAll } from './explain/run.ts';
import { mayHoldResponse } from './explain/free-text.ts';

export const TRIAGE_LIMITS = {
  /** A longer line is cut: the rest of it is not read. */
  lineChars: 64 * 1024,
  /** A body spread over more lines than this (or more characters) is read line by line instead. */
  blockLines: 200,
  blockChars: 256 * 1024,
} as const;

export interface TriageOptions {
  /** The vendor every response of the log comes from, when known (an id, a unique prefix or a name). */
  vendor?: string;
}

export interface TriageEntry {
  id: string;
  count: number;
  /** The entry's next step (`retry`, `fix-input`, …), null when the data has none. */
  action: string | null;
  retryable: boolean;
  first_line: number;
  last_line: number;
}

export interface TriageReport {
  /** Lines read. */
  lines: number;
  /** Vendor responses that came to an entry. */
  found: number;
  /** Responses with a code that came to no entry (an unknown code, or one only a candidate). */
  unrecognised: number;
  /** The entries found, most frequent first (then by first line). */
  entries: TriageEntry[];
}

interface Tally {
  entry: ArtifactEntry;
  count: number;
  first: number;
  last: number;
}

export class Triage {
  readonly #l: Lookup;
  readonly #options: { vendor?: string };
  #lines = 0;
  #found = 0;
  #unrecognised = 0;
  #tally = new Map<string, Tally>();
  /** The end of the last chunk, not yet a whole line (capped at TRIAGE_LIMITS.lineChars). */
  #partial = '';
  #cut = false;
  /** A body still open over several lines: its lines, where it began, its open braces. */
  #block: { lines: string[]; start: number; chars: number; depth: number } | undefined;

  constructor(index: KbIndex | Lookup, options: TriageOptions = {}) {
    this.#l = lookupFor(index);
    this.#options = options.vendor !== undefined ? { vendor: options.vendor } : {};
  }

  /** Text of the log, in chunks of any size (lines may be split across chunks). */
  write(chunk: string): void {
    let from = 0;
    for (let nl = chunk.indexOf('\n', from); nl >= 0; nl = chunk.indexOf('\n', from)) {
      this.#append(chunk.slice(from, nl));
      this.#line(this.#partial);
      this.#partial = '';
      this.#cut = false;
      from = nl + 1;
    }
    this.#append(chunk.slice(from));
  }

  /** The report; call once, after the last chunk. */
  end(): TriageReport {
    if (this.#partial !== '' || this.#cut) this.#line(this.#partial);
    this.#partial = '';
    this.#flushBlock(true);
    const entries = [...this.#tally.values()]
      .sort((a, b) => b.count - a.count || a.first - b.first)
      .map((t) => ({
        id: t.entry.id,
        count: t.count,
        action: typeof (t.entry as { action?: unknown }).action === 'string' ? (t.entry as { action: string }).action : null,
        retryable: t.entry.retryable,
        first_line: t.first,
        last_line: t.last,
      }));
    return { lines: this.#lines, found: this.#found, unrecognised: this.#unrecognised, entries };
  }

  #append(text: string): void {
    if (this.#cut) return;
    const room = TRIAGE_LIMITS.lineChars - this.#partial.length;
    if (text.length > room) {
      this.#partial += text.slice(0, room);
      this.#cut = true;
    } else this.#partial += text;
  }

  #line(raw: string): void {
    const n = ++this.#lines;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (this.#block) {
      const b = this.#block;
      b.lines.push(line);
      b.chars += line.length;
      b.depth += braceDepth(line);
      if (b.depth <= 0) this.#flushBlock(false);
      else if (b.lines.length > TRIAGE_LIMITS.blockLines || b.chars > TRIAGE_LIMITS.blockChars) this.#flushBlock(true);
      return;
    }
    const depth = braceDepth(line);
    if (depth > 0) {
      this.#block = { lines: [line], start: n, chars: line.length, depth };
      return;
    }
    this.#read(line, n);
  }

  /** A block that closed is read as one text; one that never closed is read line by line. */
  #flushBlock(unclosed: boolean): void {
    const b = this.#block;
    if (!b) return;
    this.#block = undefined;
    if (!unclosed) return this.#read(b.lines.join('\n'), b.start);
    b.lines.forEach((line, i) => this.#read(line, b.start + i));
  }

  #read(text: string, first: number): void {
    if (!mayHoldResponse(this.#l, text)) return;
    const { primary, others } = explainAll(this.#l, text, this.#options);
    for (const a of [primary, ...others]) {
      if (a.entry) {
        this.#found++;
        const t = this.#tally.get(a.entry.id);
        // A response is on the line it begins on (a body over several lines: its first line).
        if (t) {
          t.count++;
          t.last = first;
        } else this.#tally.set(a.entry.id, { entry: a.entry, count: 1, first, last: first });
      }
    }
    if (!primary.entry && primary.outcome === 'failure' && (primary.code !== undefined || primary.candidates.length > 0)) this.#unrecognised++;
  }
}

/** Open braces minus closing ones, outside double-quoted strings. */
function braceDepth(line: string): number {
  if (!line.includes('{') && !line.includes('}')) return 0;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
  }
  return depth;
}

/** Triage a whole text at once (a log already in memory). */
export function triage(text: string, index: KbIndex | Lookup, options: TriageOptions = {}): TriageReport {
  const t = new Triage(index, options);
  t.write(text);
  return t.end();
}
