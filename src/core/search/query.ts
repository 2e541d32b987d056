/**
 * Query side of the search index, shared by the browser and Node (tests, benchmarks, CLI).
 * Fetching is injected: `load(path)` returns the parsed JSON of a file under /search-index/v1/.
 *
 * Ranking, strongest first (a weaker tier never outranks a stronger one):
 *   0 exact code (every vendor that has it)   1 exact literal message or filled-in template
 *   2 code prefix, closest first               3 code fragment (a part of a code: NO_FACE, 4204)
 *   4 entries with the queried HTTP status     5 words in messages, meanings, remedies, categories
 * Codes are never matched fuzzily: a number that is not a code finds no code.
 */
import { Index } from './flexsearch.ts';
import type { EntryKind, Lang } from '../schema.ts';
import { cleanText, compactCode, httpStatusQuery, normalizeCode, normalizeMessage } from '../normalize.ts';
import { matchesTemplate } from '../templates.ts';
import { queryTokens } from './tokenize.ts';
import { fnv1a } from './shard.ts';
import { FLEX_OPTIONS } from './flex-options.ts';
import { paths, type TextShardFile, type CodeRecord, type SearchDoc, type SearchManifest, type TemplateRecord } from './format.ts';

export type SearchReason = 'code' | 'message' | 'prefix' | 'fragment' | 'status' | 'text';
const TIER: Record<SearchReason, number> = { code: 0, message: 1, prefix: 2, fragment: 3, status: 4, text: 5 };

export interface SearchFilters {
  vendor?: string;
  category?: string;
  http?: number;
  kind?: EntryKind;
}

export interface SearchOptions {
  lang?: Lang;
  filters?: SearchFilters;
  limit?: number;
}

export interface SearchHit {
  doc: SearchDoc;
  reason: SearchReason;
}

export type Loader = (path: string) => Promise<unknown>;

interface Candidate {
  id: number;
  reason: SearchReason;
  score: number;
}

export class SearchClient {
  #load: Loader;
  #cache = new Map<string, Promise<unknown>>();
  #text = new Map<number, Promise<{ index: Index; vocabulary: string[] }>>();

  constructor(load: Loader) {
    this.#load = load;
  }

  #get<T>(path: string): Promise<T> {
    let p = this.#cache.get(path);
    if (!p) {
      p = this.#load(path).catch((error: unknown) => {
        this.#cache.delete(path);
        throw error;
      });
      this.#cache.set(path, p);
    }
    return p as Promise<T>;
  }

  /** Missing optional files (a status nobody has) read as empty. */
  #maybe<T>(path: string, empty: T): Promise<T> {
    return this.#get<T>(path).catch(() => empty);
  }

  manifest(): Promise<SearchManifest> {
    return this.#get<SearchManifest>(paths.manifest);
  }

  #textShard(shard: number): Promise<{ index: Index; vocabulary: string[] }> {
    let p = this.#text.get(shard);
    if (!p) {
      p = this.#get<TextShardFile>(paths.text(shard)).then((file) => {
        const index = new Index(FLEX_OPTIONS);
        for (const [key, data] of Object.entries(file.index)) index.import(key, data);
        return { index, vocabulary: file.vocabulary };
      });
      this.#text.set(shard, p);
    }
    return p;
  }

  async search(rawQuery: unknown, options: SearchOptions = {}): Promise<SearchHit[]> {
    const query = cleanText(rawQuery);
    const limit = Math.max(1, Math.min(options.limit ?? 20, 200));
    if (!query) return [];
    const manifest = await this.manifest();
    const candidates = new Map<number, Candidate>();
    const add = (id: number, reason: SearchReason, score = 0) => {
      const existing = candidates.get(id);
      if (!existing || TIER[reason] < TIER[existing.reason] || (reason === existing.reason && score > existing.score))
        candidates.set(id, { id, reason, score });
    };

    await Promise.all([
      this.#codes(query, manifest, add),
      this.#messages(query, manifest, add),
      this.#status(query, manifest, add),
      this.#words(query, manifest, add),
    ]);

    const ordered = [...candidates.values()].sort((a, b) => TIER[a.reason] - TIER[b.reason] || b.score - a.score || a.id - b.id);
    return this.#resolve(ordered, manifest, options, limit);
  }

  async #codes(query: string, manifest: SearchManifest, add: (id: number, r: SearchReason, s?: number) => void) {
    const canonical = normalizeCode(query);
    const compact = compactCode(query);
    if (!compact || compact.length > 100) return;
    const files = rangeFiles(manifest.code_starts, compact, compact.length >= 2 ? 3 : 1);
    const records = (await Promise.all(files.map((f) => this.#maybe<CodeRecord[]>(paths.code(f), [])))).flat();
    for (const [suffix, suffixCompact, doc, whole, length] of records) {
      if (whole && (suffix === canonical || suffixCompact === compact)) add(doc, 'code');
      else if (compact.length >= 2 && (suffix.startsWith(canonical) || suffixCompact.startsWith(compact)))
        // Closest first: the fewer characters the code has beyond the query, the better.
        add(doc, whole ? 'prefix' : 'fragment', -(length - compact.length));
    }
  }

  async #messages(query: string, manifest: SearchManifest, add: (id: number, r: SearchReason) => void) {
    if (query.length < 2) return;
    const key = normalizeMessage(query);
    const bucket = await this.#maybe<Record<string, number[]>>(paths.msg(fnv1a(key) % manifest.shards.msg), {});
    if (Object.hasOwn(bucket, key)) for (const doc of bucket[key]!) add(doc, 'message');
    if (query.length < 8) return;
    const templates = await this.#maybe<TemplateRecord[]>(paths.templates, []);
    for (const [template, doc] of templates) if (matchesTemplate(template, query)) add(doc, 'message');
  }

  async #status(query: string, manifest: SearchManifest, add: (id: number, r: SearchReason) => void) {
    const status = httpStatusQuery(query);
    if (status === undefined || !manifest.statuses.includes(status)) return;
    for (const doc of await this.#maybe<number[]>(paths.status(status), [])) add(doc, 'status');
  }

  async #words(query: string, manifest: SearchManifest, add: (id: number, r: SearchReason, s?: number) => void) {
    const terms = queryTokens(query);
    if (terms.length === 0) return;
    // The last word may still be being typed: it also matches words it is the start of.
    const typing = /[\p{L}\p{N}]$/u.test(query) ? terms[terms.length - 1] : undefined;
    const matched = new Map<number, { count: number; score: number }>();
    await Promise.all(
      terms.map(async (term) => {
        // One Latin character completes to too much; wait for the second.
        if (!/[\u3400-\u9FFF]/.test(term) && term.length < 2) return;
        const typingThis = term === typing;
        const shards = await Promise.all(rangeFiles(manifest.text_starts, term, typingThis ? 3 : 1).map((f) => this.#textShard(f)));
        const best = new Map<number, number>();
        for (const { index, vocabulary } of shards) {
          for (const word of typingThis ? completions(vocabulary, term) : [term]) {
            const ids = index.search(word, { limit: 2000 }) as number[];
            // An exact word scores above a completion of it.
            const weight = word === term ? 1 : 0.6;
            ids.forEach((id, rank) => best.set(id, Math.max(best.get(id) ?? 0, weight * (1 - rank / (ids.length + 1)))));
          }
        }
        for (const [id, score] of best) {
          const m = matched.get(id) ?? { count: 0, score: 0 };
          m.count += 1;
          m.score += score;
          matched.set(id, m);
        }
      }),
    );
    // Documents matching more of the query's words first, then by relevance.
    for (const [id, m] of matched) add(id, 'text', m.count * 10 + m.score);
  }

  async #resolve(ordered: Candidate[], manifest: SearchManifest, options: SearchOptions, limit: number): Promise<SearchHit[]> {
    const lang = options.lang ?? 'en';
    const f = options.filters ?? {};
    const filtering = Boolean(f.vendor || f.category || f.kind || f.http !== undefined);
    const hits: SearchHit[] = [];
    // Fetch the result blocks a page of results needs in parallel, a page at a time.
    for (let start = 0, pages = 0; start < ordered.length && hits.length < limit && pages < 8; pages++) {
      const page = ordered.slice(start, start + limit - hits.length + 4);
      start += page.length;
      const blocks = [...new Set(page.map((c) => Math.floor(c.id / manifest.block)))];
      const loaded = new Map(await Promise.all(blocks.map(async (b) => [b, await this.#maybe<SearchDoc[]>(paths.docs(b), [])] as const)));
      for (const c of page) {
        if (hits.length >= limit) break;
        const block = Math.floor(c.id / manifest.block);
        const doc = loaded.get(block)?.[c.id - block * manifest.block];
        if (!doc || doc.i !== c.id) continue;
        if (doc.t === 'p') {
          if (filtering || doc.l !== lang) continue;
        } else if (
          (f.vendor && doc.v !== f.vendor) ||
          (f.category && doc.g !== f.category) ||
          (f.kind && doc.k !== f.kind) ||
          (f.http !== undefined && doc.h !== f.http)
        ) continue;
        hits.push({ doc, reason: c.reason });
      }
    }
    return hits;
  }
}

/** Up to `max` words of a sorted vocabulary that start with `prefix` (the prefix itself first). */
export function completions(vocabulary: readonly string[], prefix: string, max = 24): string[] {
  let lo = 0;
  let hi = vocabulary.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (vocabulary[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < vocabulary.length && out.length < max && vocabulary[i]!.startsWith(prefix); i++) out.push(vocabulary[i]!);
  return out;
}

/**
 * The files of a range-partitioned index that hold `key` and, up to `maxFiles` in all, the keys that
 * start with it (they follow it in sorted order), so a short prefix stays bounded.
 */
export function rangeFiles(starts: readonly string[], key: string, maxFiles = 3): number[] {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= key) lo = mid + 1;
    else hi = mid;
  }
  const first = Math.max(0, lo - 1);
  const files = [first];
  for (let f = first + 1; f < starts.length && files.length < maxFiles && starts[f]!.startsWith(key); f++) files.push(f);
  return files;
}
