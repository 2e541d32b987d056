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
import { codeQueryWords, readQuery, type CodeQueryWords } from './code-query.ts';
import { FLEX_OPTIONS } from './flex-options.ts';
import { rangeFiles, scoreWords, type ShardIO, type TextShard } from './words.ts';
import { messageKey } from './tokenize.ts';
import { paths, type TextShardFile, type SearchDoc, type SearchManifest, type TemplateRecord } from './format.ts';

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
  /**
   * Aborted when the query is no longer wanted (the reader typed on): no more result cards are
   * requested or read for it, and the search ends with the results it had. An `AbortSignal`.
   */
  signal?: { readonly aborted: boolean };
}

export interface SearchHit {
  doc: SearchDoc;
  reason: SearchReason;
}

/**
 * Reads an index file. `later`: the file is not needed for what is shown first (the cards of results
 * after the first); a browser may fetch it at low priority, behind the files of a query typed since.
 * `signal`: the query's (SearchOptions.signal), given with `later` only: once it is aborted, such a
 * file is no longer wanted, and a browser may cancel its request (a file shared with other queries,
 * an index file, is never cancelled).
 */
export type Loader = (path: string, options?: { later?: boolean; signal?: SearchOptions['signal'] }) => Promise<unknown>;


/** A message quoted inside a query: "…", '…', “…”, 「…」. */
const QUOTED = /["“「']([^"”」']{8,300})["”」']/g;
/** How much more the entries of a vendor the words name score. */
const VENDOR_BOOST = 3;

/**
 * A query's candidates, ranked. `first`: as soon as the lookups that can outrank the rest are in, the
 * candidates certain to come before anything still unknown (a code found decides before the messages
 * are in; a message before the statuses; all of them before the words), possibly none; `all`: every
 * candidate, once the words are scored too.
 */
interface Ranking {
  first: Promise<Candidate[]>;
  all: Promise<Candidate[]>;
}

interface Candidate {
  id: number;
  reason: SearchReason;
  score: number;
}

export class SearchClient {
  #load: Loader;
  #cache = new Map<string, Promise<unknown>>();
  #text = new Map<number, Promise<TextShard>>();
  /** Result cards that came with the index files read so far (a code's card comes with the code). */
  #cards = new Map<number, SearchDoc>();
  /** Ranked candidates of recent queries (typing back and forth re-ranks nothing). */
  #ranked = new Map<string, Ranking>();

  #remember: number;
  /** Labels and vendor names that may stand around a code (code-query.ts), made once per manifest. */
  #codeWords = new WeakMap<SearchManifest, CodeQueryWords>();
  /** The files the word scoring reads, through this client's caches. */
  #io: ShardIO = { textShard: (n) => this.#textShard(n), maybe: (path, empty) => this.#maybe(path, empty) };

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

  #wordsOf(manifest: SearchManifest): CodeQueryWords {
    let words = this.#codeWords.get(manifest);
    if (!words) this.#codeWords.set(manifest, (words = codeQueryWords(manifest.vendors)));
    return words;
  }

  #get<T>(path: string, later = false, signal?: SearchOptions['signal']): Promise<T> {
    let p = this.#cache.get(path);
    if (!p) {
      p = this.#load(path, later ? { later, ...(signal ? { signal } : {}) } : undefined).catch((error: unknown) => {
        this.#cache.delete(path);
        throw error;
      });
      this.#cache.set(path, p);
    }
    return p as Promise<T>;
  }

  /** Missing optional files (a status nobody has) read as empty. */
  #maybe<T>(path: string, empty: T, later = false, signal?: SearchOptions['signal']): Promise<T> {
    return this.#get<T>(path, later, signal).catch(() => empty);
  }

  manifest(): Promise<SearchManifest> {
    return this.#get<SearchManifest>(paths.manifest);
  }

  #textShard(shard: number): Promise<TextShard> {
    let p = this.#text.get(shard);
    if (!p) {
      p = this.#get<TextShardFile>(paths.text(shard)).then((file) => {
        for (const card of file.cards ?? []) this.#cards.set(card.i, card);
        // A group is imported when first searched: a file read for a code or a message imports none.
        const groups = new Map<string, Index | undefined>();
        const group = (name: string) => {
          if (!groups.has(name)) {
            const parts = Object.hasOwn(file.groups, name) ? file.groups[name] : undefined;
            let index: Index | undefined;
            if (parts) {
              index = new Index(FLEX_OPTIONS);
              for (const [key, data] of Object.entries(parts)) index.import(key, data);
            }
            groups.set(name, index);
          }
          return groups.get(name);
        };
        return { group, vocabulary: file.vocabulary, codes: file.codes ?? [], messages: file.messages ?? {}, statuses: file.statuses ?? {} };
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
        const remembered = ranked;
        this.#ranked.set(query, remembered);
        remembered.all.catch(() => this.#ranked.get(query) === remembered && this.#ranked.delete(query));
        // A short memory: the last queries typed, not every prefix of every session.
        if (this.#ranked.size > this.#remember) this.#ranked.delete(this.#ranked.keys().next().value!);
      }
    }
    // The first result may be known before the words are scored: a code, a message or a status
    // outranks every word match, so once those are in, the best of them is first whatever the words find.
    let first: number | undefined;
    let done = false;
    const onFirst = options.onFirst;
    const shown = (hit: SearchHit) => {
      if (first === undefined) {
        first = hit.doc.i;
        onFirst?.(hit);
      }
    };
    if (onFirst) {
      void ranked.first
        .then(async (certain) => {
          if (done || certain.length === 0) return;
          // The first of them that the filters and the language let through is the final first result too.
          const [hit] = await this.#resolve(certain.slice(0, 8), manifest, { ...options, onFirst: undefined }, 1);
          if (hit && !done) shown(hit);
        })
        .catch(() => undefined);
    }
    try {
      return await this.#resolve(await ranked.all, manifest, { ...options, onFirst: shown }, limit);
    } finally {
      done = true;
    }
  }

  #rank(query: string, manifest: SearchManifest): Ranking {
    const candidates = new Map<number, Candidate>();
    // What the words score each document, whatever tier it is in: among equals of a stronger tier,
    // the words around a code decide (`AILabTools returns 422 no face detected`: of the 422s, the face one).
    const wordScore = new Map<number, number>();
    const add = (id: number, reason: SearchReason, score = 0) => {
      if (reason === 'text') wordScore.set(id, score);
      const existing = candidates.get(id);
      if (!existing || TIER[reason] < TIER[existing.reason] || (reason === existing.reason && score > existing.score))
        candidates.set(id, { id, reason, score });
    };

    // `错误码 222207`, `PicWish 401`: the code (or status) is looked up as if typed alone, at the vendor named.
    const reading = readQuery(query, this.#wordsOf(manifest));
    const phrase = reading.code;
    const wordsDecide = phrase?.exact === true;
    const sorted = () =>
      [...candidates.values()].sort(
        (a, b) =>
          TIER[a.reason] - TIER[b.reason] ||
          b.score - a.score ||
          (wordsDecide ? (wordScore.get(b.id) ?? 0) - (wordScore.get(a.id) ?? 0) : 0) ||
          a.id - b.id,
      );
    const ranges = phrase?.vendor ? manifest.vendors.find((v) => v.id === phrase.vendor)?.docs : undefined;
    const named = (id: number, reason: SearchReason, score?: number) => {
      if (!ranges || ranges.some(([first, end]) => id >= first && id < end)) add(id, reason, score);
    };
    const code = phrase?.code ?? query;
    // A code among words is that code only, never the codes it begins or is part of.
    const exactOnly = (id: number, reason: SearchReason, score?: number) => (reason === 'code' ? named(id, reason, score) : undefined);
    // The words' files are requested first: they are the most, and a browser fetches six at a time.
    const scored = scoreWords(query, manifest, this.#io, add, { wholes: reading.vendor && reading.bare ? [reading.bare] : [] });
    // The query as a whole is also a code when some entry has it (`.-é-错_1Ａ` splits into tokens as a
    // phrase would): search finds every code lookup finds.
    const wholeCode = (id: number, reason: SearchReason, score?: number) => (reason === 'code' ? add(id, reason, score) : undefined);
    const codes = Promise.all([
      this.#codes(code, manifest, phrase?.exact ? exactOnly : phrase ? named : add),
      phrase && phrase.code !== query ? this.#codes(query, manifest, wholeCode) : undefined,
      phrase?.alt ? this.#codes(phrase.alt, manifest, exactOnly) : undefined,
    ]);
    const messages = this.#messages(query, manifest, add);
    const statuses = this.#status(code, manifest, phrase ? named : add);
    // The candidates of the tiers up to `tier` (the words not yet scored are never among them), when
    // their first is certain: when the words may reorder a tier, only if it has one candidate.
    const upTo = (tier: number) => {
      const found = sorted().filter((c) => TIER[c.reason] <= tier);
      if (wordsDecide && found.length > 1 && found[1]!.reason === found[0]!.reason && found[1]!.score === found[0]!.score) return undefined;
      return found;
    };
    const first = (async () => {
      await codes;
      if (upTo(TIER.code)?.length !== 0) return upTo(TIER.code) ?? [];
      await messages;
      if (upTo(TIER.message)?.length !== 0) return upTo(TIER.message) ?? [];
      await statuses;
      return upTo(TIER.status) ?? [];
    })();
    const strong = Promise.all([codes, messages, statuses]);
    const all = Promise.all([strong, scored]).then(() => {
      // Words that name a vendor (`佐糖任务超时`, `PicWish timeout`): that vendor's entries come first among equals.
      const vendor = reading.vendor;
      const own = vendor ? manifest.vendors.find((v) => v.id === vendor)?.docs : undefined;
      if (own) for (const c of candidates.values()) if (c.reason === 'text' && own.some(([first, end]) => c.id >= first && c.id < end)) c.score *= VENDOR_BOOST;
      return sorted();
    });
    strong.catch(() => undefined);
    first.catch(() => undefined);
    return { first, all };
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
    const files = rangeFiles(manifest.text_starts, compact, compact.length >= 2 ? 3 : 1);
    const records = (await Promise.all(files.map((f) => this.#textShard(f)))).flatMap((shard) => shard.codes);
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
    // The file of the message's first word (the query's, fetched for its words anyway) and the templates, together.
    const [shard, templates] = await Promise.all([
      this.#textShard(rangeFiles(manifest.text_starts, messageKey(key), 1)[0]!),
      query.length < 8 ? [] : this.#maybe<TemplateRecord[]>(paths.templates, []),
    ]);
    if (Object.hasOwn(shard.messages, key)) for (const doc of shard.messages[key]!) add(doc, 'message');
    for (const [template, doc] of templates) if (matchesTemplate(template, query)) add(doc, 'message');
  }

  async #status(query: string, manifest: SearchManifest, add: (id: number, r: SearchReason) => void) {
    const status = httpStatusQuery(query);
    if (status === undefined || !manifest.statuses.includes(status)) return;
    const shard = await this.#textShard(rangeFiles(manifest.text_starts, String(status), 1)[0]!);
    for (const doc of Object.hasOwn(shard.statuses, String(status)) ? shard.statuses[String(status)]! : []) add(doc, 'status');
  }

  async #resolve(ordered: Candidate[], manifest: SearchManifest, options: SearchOptions, limit: number): Promise<SearchHit[]> {
    const lang = options.lang ?? 'en';
    const f = options.filters ?? {};
    const filtering = Boolean(f.vendor || f.category || f.kind || f.http !== undefined);
    const hits: SearchHit[] = [];
    // The first result's card first (in hand for a code, else its block alone): the blocks of the
    // others would compete with it for the browser's connections and main thread.
    const wanted = () => !options.signal?.aborted;
    const cardOf = (id: number) => this.#cards.get(id);
    let firstBlock = ordered.length > 0 && !cardOf(ordered[0]!.id) && wanted() ? Math.floor(ordered[0]!.id / manifest.block) : -1;
    // A block that fails is asked for once more (a failed request leaves the cache), then read as empty.
    // A later block's request may be cancelled once the query is no longer wanted (a cancelled one leaves the cache too).
    const loadBlock = (b: number, later = false) => {
      const signal = later ? options.signal : undefined;
      return this.#get<SearchDoc[]>(paths.docs(b), later, signal).catch(() => this.#maybe<SearchDoc[]>(paths.docs(b), [], later, signal));
    };
    const firstDocs = firstBlock >= 0 ? await loadBlock(firstBlock) : [];
    // A block that failed twice is asked for again below, with the others.
    if (firstDocs.length === 0) firstBlock = -1;
    // Fetch the result blocks a page of results needs in parallel, a page at a time.
    for (let start = 0, pages = 0; start < ordered.length && hits.length < limit && pages < 8 && wanted(); pages++) {
      // A few spare candidates cover pages dropped for the other language or by filters.
      const page = ordered.slice(start, start + limit - hits.length + (filtering ? 8 : 2));
      start += page.length;
      const blocks = [...new Set(page.filter((c) => !cardOf(c.id)).map((c) => Math.floor(c.id / manifest.block)))];
      // Every block is requested at once, once a result needs one not yet in (cards in hand, a
      // code's or the first block's, are read first, so the first result is shown before any other
      // request is sent); they are read in rank order, so each result is shown as soon as its block is in.
      let loading: Map<number, Promise<SearchDoc[]>> | undefined;
      const docsOf = (block: number) => {
        if (block === firstBlock) return firstDocs;
        loading ??= new Map(blocks.map((b) => [b, loadBlock(b, true)]));
        return loading.get(block);
      };
      for (const c of page) {
        if (hits.length >= limit || !wanted()) break;
        const block = Math.floor(c.id / manifest.block);
        const doc = cardOf(c.id) ?? (await docsOf(block))?.[c.id - block * manifest.block];
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

export { completions, rangeFiles } from './words.ts';
