/**
 * Query side of the search index, shared by the browser and Node (tests, benchmarks, CLI).
 * Fetching is injected: `load(path)` returns the parsed JSON of a file under /search-index/v1/.
 *
 * Ranking, strongest first (a weaker tier never outranks a stronger one):
 *   0 exact code (every vendor that has it)   1 exact literal message, filled-in template, or the
 *                                               vendor's own wording of a meaning (vendor_text)
 *   2 code prefix, closest first               3 code fragment (a part of a code: NO_FACE, 4204)
 *   4 entries with the queried HTTP status     5 words (see `#words`)
 * Codes are never matched fuzzily: a number that is not a code finds no code. A code may come with
 * labels and a vendor's name around it (`错误码 222207`, `Baidu 222207`: code-query.ts).
 *
 * Words are scored by where they are found (literal message and meaning, then keywords, then vendor
 * and remedy: FIELD_WEIGHTS), weighted by how rare they are, scaled by how much of the query a
 * document covers, plus a bonus for each pair of query words that also stand together in it.
 */
import { Index } from './flexsearch.ts';
import type { EntryKind, Lang } from '../artifact-types.ts';
import { cleanText, compactCode, httpStatusQuery, normalizeCode, normalizeMessage } from '../normalize.ts';
import { matchesTemplate } from '../templates.ts';
import { isCjk, PHRASE_JOIN, phraseTokens, queryTokens, typedFiller, wholeToken } from './tokenize.ts';
import { FIELD_GROUPS, FIELD_WEIGHTS, PHRASE_GROUP } from './vocabulary.ts';
import { fnv1a } from './shard.ts';
import { codeInPhrase, codeQueryWords, vendorInPhrase, type CodeQueryWords } from './code-query.ts';
import { FLEX_OPTIONS } from './flex-options.ts';
import { corrections, cuts, editsFor, inVocab, type VocabFile } from './typos.ts';
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
  /** Called once with the first result as soon as its card is loaded, before the others are. */
  onFirst?: (hit: SearchHit) => void;
}

export interface SearchHit {
  doc: SearchDoc;
  reason: SearchReason;
}

export type Loader = (path: string) => Promise<unknown>;

interface TextShard {
  groups: Map<string, Index>;
  vocabulary: string[];
}

/** How much a pair of query words found side by side adds, relative to one word's weight. */
const PHRASE_WEIGHT = 2;
/** What a query that is exactly one of a document's keywords adds, per unit of the query's weight. */
const WHOLE_WEIGHT = 3;
/** A message quoted inside a query: "…", '…', “…”, 「…」. */
const QUOTED = /["“「']([^"”」']{8,300})["”」']/g;
/** How much more the entries of a vendor the words name score. */
const VENDOR_BOOST = 1.5;

interface Candidate {
  id: number;
  reason: SearchReason;
  score: number;
}

export class SearchClient {
  #load: Loader;
  #cache = new Map<string, Promise<unknown>>();
  #text = new Map<number, Promise<TextShard>>();
  /** Ranked candidates of recent queries (typing back and forth re-ranks nothing). */
  #ranked = new Map<string, Promise<Candidate[]>>();

  #remember: number;
  /** Labels and vendor names that may stand around a code (code-query.ts), made once per manifest. */
  #codeWords = new WeakMap<SearchManifest, CodeQueryWords>();

  /** `rememberQueries`: how many recent queries keep their ranking (0: none, e.g. to time the ranking). */
  constructor(load: Loader, { rememberQueries = 64 } = {}) {
    this.#load = load;
    this.#remember = rememberQueries;
  }

  /** Fetches the files every query of 8 characters or more needs, before the first one is typed. */
  prefetch(): void {
    void this.manifest().catch(() => undefined);
    void this.#maybe(paths.templates, []);
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

  #textShard(shard: number): Promise<TextShard> {
    let p = this.#text.get(shard);
    if (!p) {
      p = this.#get<TextShardFile>(paths.text(shard)).then((file) => {
        const groups = new Map<string, Index>();
        for (const [group, parts] of Object.entries(file.groups)) {
          const index = new Index(FLEX_OPTIONS);
          for (const [key, data] of Object.entries(parts)) index.import(key, data);
          groups.set(group, index);
        }
        return { groups, vocabulary: file.vocabulary };
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
    let ranked = this.#ranked.get(query);
    if (!ranked) {
      ranked = this.#rank(query, manifest);
      if (this.#remember > 0) {
        this.#ranked.set(query, ranked);
        ranked.catch(() => this.#ranked.delete(query));
        // A short memory: the last queries typed, not every prefix of every session.
        if (this.#ranked.size > this.#remember) this.#ranked.delete(this.#ranked.keys().next().value!);
      }
    }
    return this.#resolve(await ranked, manifest, options, limit);
  }

  async #rank(query: string, manifest: SearchManifest): Promise<Candidate[]> {
    const candidates = new Map<number, Candidate>();
    const add = (id: number, reason: SearchReason, score = 0) => {
      const existing = candidates.get(id);
      if (!existing || TIER[reason] < TIER[existing.reason] || (reason === existing.reason && score > existing.score))
        candidates.set(id, { id, reason, score });
    };

    // `错误码 222207`, `PicWish 401`: the code (or status) is looked up as if typed alone, at the vendor named.
    let words = this.#codeWords.get(manifest);
    if (!words) this.#codeWords.set(manifest, (words = codeQueryWords(manifest.vendors)));
    const phrase = codeInPhrase(query, words);
    const ranges = phrase?.vendor ? manifest.vendors.find((v) => v.id === phrase.vendor)?.docs : undefined;
    const named = (id: number, reason: SearchReason, score?: number) => {
      if (!ranges || ranges.some(([first, end]) => id >= first && id < end)) add(id, reason, score);
    };
    const code = phrase?.code ?? query;
    // A code among words is that code only, never the codes it begins or is part of.
    const exactOnly = (id: number, reason: SearchReason, score?: number) => (reason === 'code' ? named(id, reason, score) : undefined);
    await Promise.all([
      this.#codes(code, manifest, phrase?.exact ? exactOnly : phrase ? named : add),
      this.#messages(query, manifest, add),
      this.#status(code, manifest, phrase ? named : add),
      this.#words(query, manifest, add),
    ]);
    // Words that name a vendor (`佐糖任务超时`, `PicWish timeout`): that vendor's entries come first among equals.
    const vendor = phrase ? undefined : vendorInPhrase(query, words);
    const own = vendor ? manifest.vendors.find((v) => v.id === vendor)?.docs : undefined;
    if (own) for (const c of candidates.values()) if (c.reason === 'text' && own.some(([first, end]) => c.id >= first && c.id < end)) c.score *= VENDOR_BOOST;

    return [...candidates.values()].sort((a, b) => TIER[a.reason] - TIER[b.reason] || b.score - a.score || a.id - b.id);
  }

  async #codes(code: string, manifest: SearchManifest, add: (id: number, r: SearchReason, s?: number) => void) {
    // A hyphen typed for the separator (`apig-0308`, `modelarts-4204`) is the code's '.'; a leading
    // minus (PicWish's `-8`) stays a minus.
    const hyphened = code.replace(/(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/gu, '.');
    await Promise.all([...new Set([code, hyphened])].map((form) => this.#codeForm(form, manifest, add)));
  }

  async #codeForm(code: string, manifest: SearchManifest, add: (id: number, r: SearchReason, s?: number) => void) {
    const canonical = normalizeCode(code);
    const compact = compactCode(code);
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
    // The query, and each message quoted inside it (`client keeps getting "Insufficient credits"`).
    const texts = [query, ...[...query.matchAll(QUOTED)].map((m) => m[1]!.trim()).filter((t) => t.length >= 8)].slice(0, 4);
    await Promise.all(texts.map((text) => this.#message(text, manifest, add)));
  }

  async #message(query: string, manifest: SearchManifest, add: (id: number, r: SearchReason) => void) {
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
    // The last word may still be being typed: it also matches words it is the start of. A filler
    // word there (`is`, `image for`) is not a term, but what it begins is (`issue`, `format`).
    const endsInWord = /[\p{L}\p{N}]$/u.test(query);
    const filler = endsInWord ? typedFiller(query) : undefined;
    if (filler) terms.push(filler);
    if (terms.length === 0) return;
    const typing = endsInWord ? terms[terms.length - 1] : undefined;
    // term → (doc → strength of its best match: field weight, exact or completed, position)
    const found = new Map<string, Map<number, number>>();
    // Pairs of query words side by side; the whole query when it is exactly a keyword (or a title).
    // Their files are requested now, with the words' files, not after them.
    const phrases = [...new Set(phraseTokens(query, 500))].slice(0, 8);
    const whole = wholeToken(query);
    if (whole) phrases.push(whole);
    const phraseShards = phrases.map((phrase) => this.#phraseShard(phrase, manifest));
    // Words the index does not have, as read instead (typos.ts): `tiemout` → `timeout`, `ratelimit` → `rate limit`.
    const fixed = new Map<string, string>();
    await Promise.all(
      terms.map(async (term) => {
        // One Latin character completes to too much; wait for the second.
        if (!isCjk(term) && term.length < 2) return;
        const typingThis = term === typing;
        const shards = await Promise.all(rangeFiles(manifest.text_starts, term, typingThis ? 3 : 1).map((f) => this.#textShard(f)));
        const best = new Map<number, number>();
        let known = false;
        for (const shard of shards) {
          const words = typingThis ? completions(shard.vocabulary, term) : [term];
          if (words.length > 0 && (typingThis || inVocab(shard.vocabulary, term))) known = true;
          // An exact word scores above a completion of it.
          for (const word of words) scoreWord(shard, word, word === term ? 1 : 0.6, best);
          // The same word in the singular or plural (`faces` finds `face`), when the file has it.
          if (!typingThis && !isCjk(term)) for (const other of numberForms(term)) if (inVocab(shard.vocabulary, other)) scoreWord(shard, other, 0.8, best);
        }
        if (!known && !isCjk(term)) {
          const fix = await this.#fix(term, manifest);
          if (fix?.length === 1) {
            // Words within an edit or two: below an exact word, above nothing.
            fixed.set(term, fix[0]![0]!);
            await Promise.all(fix[0]!.map(async (word) => {
              for (const shard of await Promise.all(rangeFiles(manifest.text_starts, word, 1).map((f) => this.#textShard(f)))) scoreWord(shard, word, 0.7, best);
            }));
          } else if (fix?.length === 2) {
            // Two words run together: each is a term of its own.
            fixed.set(term, fix.map((w) => w[0]).join(' '));
            await Promise.all(fix.map(async ([word]) => {
              const parts = new Map<number, number>();
              for (const shard of await Promise.all(rangeFiles(manifest.text_starts, word!, 1).map((f) => this.#textShard(f)))) scoreWord(shard, word!, 0.85, parts);
              if (parts.size > 0 && !found.has(word!)) found.set(word!, parts);
            }));
          }
        }
        if (best.size > 0) found.set(term, best);
      }),
    );
    if (found.size === 0) return;
    // Phrases of the query as read with its corrections (`qouta exceeded` → `quota~exceeded`).
    if (fixed.size > 0) {
      const corrected = queryTokens(query).map((t) => fixed.get(t) ?? t).join(' ');
      for (const phrase of [...phraseTokens(corrected, 500), wholeToken(corrected)]) {
        if (phrase && !phrases.includes(phrase)) {
          phrases.push(phrase);
          phraseShards.push(this.#phraseShard(phrase, manifest));
        }
      }
    }
    // Rare words count more (inverse document frequency over the whole index).
    const idf = new Map([...found].map(([term, docs]) => [term, Math.log(1 + manifest.docs / docs.size)]));
    const queryWeight = [...idf.values()].reduce((a, b) => a + b, 0);
    const wholes = new Set([whole, ...phrases.filter((p) => p.startsWith('='))]);

    const together = new Map<number, number>();
    await Promise.all(
      phrases.map(async (phrase, i) => {
        const [shard] = await phraseShards[i]!;
        const [first, second] = phrase.split(PHRASE_JOIN) as [string, string];
        const weightOf = (w: string) => idf.get(w) ?? idf.get([...fixed].find(([, to]) => to.split(' ').includes(w))?.[0] ?? '') ?? 0;
        const bonus = wholes.has(phrase) ? WHOLE_WEIGHT * queryWeight : (PHRASE_WEIGHT * (weightOf(first) + weightOf(second))) / 2;
        if (bonus === 0) return;
        for (const id of (shard?.groups.get(PHRASE_GROUP)?.search(phrase, { limit: 2000 }) ?? []) as number[])
          together.set(id, (together.get(id) ?? 0) + bonus);
      }),
    );

    const scores = new Map<number, { sum: number; covered: number }>();
    for (const [term, docs] of found) {
      const weight = idf.get(term)!;
      for (const [id, strength] of docs) {
        const s = scores.get(id) ?? { sum: 0, covered: 0 };
        s.sum += weight * strength;
        s.covered += weight;
        scores.set(id, s);
      }
    }
    // Documents that cover more of the query (by weight) first, then by where and how the words
    // are found; a pair of query words standing together adds its weight again.
    for (const [id, { sum, covered }] of scores) {
      const coverage = covered / queryWeight;
      add(id, 'text', coverage * coverage * sum + (together.get(id) ?? 0));
    }
  }

  /** The text file a phrase (or whole-query) token falls in; failures surface where it is awaited. */
  #phraseShard(phrase: string, manifest: SearchManifest): Promise<TextShard[]> {
    const p = Promise.all(rangeFiles(manifest.text_starts, phrase, 1).map((f) => this.#textShard(f)));
    p.catch(() => undefined);
    return p;
  }

  /**
   * What a word the index does not have was meant to be: the index's words within its allowed edits
   * (one list: [[w1, w2, …]]), or two of its words run together ([[a], [b]]); undefined if neither.
   */
  async #fix(term: string, manifest: SearchManifest): Promise<string[][] | undefined> {
    if (editsFor(term) === 0 || /\d/.test(term) || !manifest.vocab) return undefined;
    const vocabOf = (c: string) => (manifest.vocab!.includes(c) ? this.#maybe<VocabFile>(paths.vocab(c), []) : Promise.resolve([] as VocabFile));
    const first = await vocabOf(term[0]!);
    const near = corrections(first, term);
    if (near.length > 0) return [near];
    for (const [head, tail] of cuts(term, (w) => inVocab(first, w))) {
      if (tail.length >= 3 && inVocab(await vocabOf(tail[0]!), tail)) return [[head], [tail]];
    }
    return undefined;
  }

  async #resolve(ordered: Candidate[], manifest: SearchManifest, options: SearchOptions, limit: number): Promise<SearchHit[]> {
    const lang = options.lang ?? 'en';
    const f = options.filters ?? {};
    const filtering = Boolean(f.vendor || f.category || f.kind || f.http !== undefined);
    const hits: SearchHit[] = [];
    // Fetch the result blocks a page of results needs in parallel, a page at a time.
    for (let start = 0, pages = 0; start < ordered.length && hits.length < limit && pages < 8; pages++) {
      // A few spare candidates cover pages dropped for the other language or by filters.
      const page = ordered.slice(start, start + limit - hits.length + (filtering ? 8 : 2));
      start += page.length;
      const blocks = [...new Set(page.map((c) => Math.floor(c.id / manifest.block)))];
      // Every block is requested at once; they are read in rank order, so the first result can be
      // shown as soon as its own block is in.
      const loading = new Map(blocks.map((b) => [b, this.#maybe<SearchDoc[]>(paths.docs(b), [])]));
      for (const c of page) {
        if (hits.length >= limit) break;
        const block = Math.floor(c.id / manifest.block);
        const doc = (await loading.get(block))?.[c.id - block * manifest.block];
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
        if (hits.length === 1) options.onFirst?.(hits[0]!);
      }
    }
    return hits;
  }
}

/** The other grammatical number of an English word: `faces` → `face`, `face` → `faces`, `matches` → `match`. */
function numberForms(word: string): string[] {
  if (word.length < 3 || /\d/.test(word)) return [];
  if (word.endsWith('ss')) return [`${word}es`];
  if (word.endsWith('es')) return [word.slice(0, -1), word.slice(0, -2)];
  if (word.endsWith('s')) return [word.slice(0, -1)];
  return [`${word}s`];
}

/** Adds the documents of one word of a text file to `best`: field weight × `exactness`, position as a tie-breaker. */
function scoreWord(shard: TextShard, word: string, exactness: number, best: Map<number, number>): void {
  for (const group of FIELD_GROUPS) {
    const ids = (shard.groups.get(group)?.search(word, { limit: 2000 }) ?? []) as number[];
    // Within a field, FlexSearch lists earlier positions first: a small tie-breaker.
    const weight = FIELD_WEIGHTS[group] * exactness;
    ids.forEach((id, rank) => {
      const strength = weight * (0.9 + 0.1 * (1 - rank / (ids.length + 1)));
      if (strength > (best.get(id) ?? 0)) best.set(id, strength);
    });
  }
}

/** How many items at the start of a sorted list pass `test` (which holds for a prefix of the list): a binary search. */
function countWhile(sorted: readonly string[], test: (item: string) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(sorted[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Up to `max` words of a sorted vocabulary that start with `prefix` (the prefix itself first). */
export function completions(vocabulary: readonly string[], prefix: string, max = 24): string[] {
  const lo = countWhile(vocabulary, (word) => word < prefix);
  const out: string[] = [];
  for (let i = lo; i < vocabulary.length && out.length < max && vocabulary[i]!.startsWith(prefix); i++) out.push(vocabulary[i]!);
  return out;
}

/**
 * The files of a range-partitioned index that hold `key` and, up to `maxFiles` in all, the keys that
 * start with it (they follow it in sorted order), so a short prefix stays bounded.
 */
export function rangeFiles(starts: readonly string[], key: string, maxFiles = 3): number[] {
  const lo = countWhile(starts, (start) => start <= key);
  const first = Math.max(0, lo - 1);
  const files = [first];
  for (let f = first + 1; f < starts.length && files.length < maxFiles && starts[f]!.startsWith(key); f++) files.push(f);
  return files;
}
