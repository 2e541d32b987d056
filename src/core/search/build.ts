/**
 * Builds the sharded search index from the artifact entries and the site's prose pages. Pure:
 * returns path → JSON text; the caller writes the files.
 */
import { Index } from './flexsearch.ts';
import type { ArtifactCategory, ArtifactEntry, EntryKind, Lang } from '../artifact-types.ts';
import { codeSuffixes, compactCode, normalizeCode, normalizeMessage } from '../normalize.ts';
import { chineseCharacters, isCjk, messageKey, phraseTokens, tokenize, wholeToken } from './tokenize.ts';
import { HOMOPHONES } from './homophones.ts';
import { FIELD_GROUPS, OUTCOME_WORDS, PHRASE_GROUP, type FieldGroup } from './vocabulary.ts';
import { FLEX_OPTIONS } from './flex-options.ts';
import { paths, SEARCH_FORMAT_VERSION, type TextShardFile, type CodeRecord, type SearchDoc, type SearchManifest, type TemplateRecord } from './format.ts';

export interface SearchPage {
  lang: Lang;
  title: string;
  path: string;
  /** Text to index: description, headings, body text. */
  text: string;
}

export interface SearchBuildInput {
  dataVersion: string;
  entries: ArtifactEntry[];
  categories: Pick<ArtifactCategory, 'id' | 'name' | 'keywords'>[];
  /** `names`: every name the vendor goes by, for `<vendor> <code>` queries (vendor-names.ts namesOf). */
  vendors: { id: string; name: { en: string; zh: string }; names?: string[] }[];
  pages: SearchPage[];
}

/** Documents per display block; postings (and code, message and status records) per index file, postings per word (targets); what a code's card weighs, in postings. */
export const SEARCH_TUNING = { block: 8, postingsPerTextFile: 1500, postingsPerWord: 1000, cardWeight: 40 };

const json = (value: unknown) => JSON.stringify(value);
/** The path of an absolute URL (entry URLs are built escaped); no URL class, which the library's targets need not have. */
const pathOf = (url: string) => url.replace(/^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i, '') || '/';

/** The tokens of one document, by field group; phrase tokens apart. */
type DocFields = Record<FieldGroup | typeof PHRASE_GROUP, string[]>;
const GROUP_ORDER = [...FIELD_GROUPS, PHRASE_GROUP] as const;

const fieldText = (parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' \n ');
const phrasesOf = (parts: (string | null | undefined)[]) => parts.flatMap((part) => (part ? phraseTokens(part) : []));
const keywordList = (k: ArtifactEntry['keywords']) => (k ? [...k.en, ...k.zh] : []);
const wholeTokens = (keywords: (string | undefined)[]) => [...new Set(keywords.map((k) => wholeToken(k)).filter((t) => t !== undefined))];

export function buildSearchIndex(input: SearchBuildInput): Map<string, string> {
  const files = new Map<string, string>();
  const categoryOf = new Map(input.categories.map((c) => [c.id, c]));
  const vendorName = new Map(input.vendors.map((v) => [v.id, v.name]));
  const docs: SearchDoc[] = [];
  const fields: DocFields[] = [];

  for (const e of input.entries) {
    const i = docs.length;
    const doc: SearchDoc = { i, t: 'e', u: pathOf(e.url), v: e.vendor, k: e.kind, c: e.code, h: e.http_status, g: e.category, m: { en: clip(e.meaning.en), zh: clip(e.meaning.zh) } };
    if (e.message) doc.x = clip(e.message, 120);
    docs.push(doc);
    const cat = categoryOf.get(e.category);
    const vendor = vendorName.get(e.vendor);
    const own = keywordList(e.keywords);
    const shared = [cat?.name.en, cat?.name.zh, ...keywordList(cat?.keywords), ...(e.task_outcome ? OUTCOME_WORDS[e.task_outcome] : [])];
    const text = fieldText([e.message, e.meaning.en, e.meaning.zh, ...own]);
    const sharedText = fieldText(shared);
    fields.push({
      // Chinese: bigrams, then the single characters (searched only where a query's bigrams miss, chinese.ts).
      text: [...tokenize(text), ...chineseCharacters(text)],
      keywords: [...tokenize(sharedText), ...chineseCharacters(sharedText)],
      context: tokenize(fieldText([vendor?.en, vendor?.zh, e.remedy.en, e.remedy.zh])),
      phrase: [...phrasesOf([e.message, e.meaning.en, ...own, ...shared]), ...wholeTokens([...own, ...shared])],
    });
  }
  for (const p of input.pages) {
    const i = docs.length;
    docs.push({ i, t: 'p', u: p.path, l: p.lang, n: clip(p.title) });
    fields.push({ text: tokenize(p.title), keywords: [], context: tokenize(p.text), phrase: [...phrasesOf([p.title]), ...wholeTokens([p.title])] });
  }

  // Text: FlexSearch indexes over prefix leaves of the vocabulary, weighted by postings, so a
  // query downloads only the few files its words fall in however large the vocabulary grows.
  // A word is indexed once per document, in its strongest field group (the query scores a
  // document by the best group a word is in). A word keeps its best postings only (strongest group,
  // then earliest position), so the bytes a word costs stay bounded as the knowledge base grows.
  const best = new Map<string, [rank: number, position: number, doc: number][]>();
  fields.forEach((byGroup, doc) => {
    const seen = new Set<string>();
    GROUP_ORDER.forEach((group, rank) => {
      byGroup[group].forEach((term, position) => {
        if (seen.has(term)) return;
        seen.add(term);
        const list = best.get(term);
        if (list) list.push([rank, position, doc]);
        else best.set(term, [[rank, position, doc]]);
      });
    });
  });
  // How many tokens each document has in each group: a word's position is scored against the whole
  // field, not against the part of it that falls in one index file, so how the key space is cut into
  // files never reorders results (fieldScore).
  const fieldLengths = fields.map((byGroup) => GROUP_ORDER.map((group) => byGroup[group].length));
  fields.length = 0; // every posting is in `best` now; let the token lists go (50k entries)
  const kept = new Map<string, [rank: number, position: number, doc: number][]>();
  const postings = new Map<string, number>();
  for (const [term, list] of best) {
    const top = list.length > SEARCH_TUNING.postingsPerWord ? list.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]).slice(0, SEARCH_TUNING.postingsPerWord) : list;
    kept.set(term, top);
    postings.set(term, top.length);
  }
  best.clear();
  // Vocabulary files for typo tolerance (typos.ts): the Latin words of the index by first character,
  // with the number of documents each is in. Fetched only for a query word the index does not have.
  const vocab = new Map<string, [string, number][]>();
  for (const [term, count] of postings) {
    if (!/^[a-z][a-z0-9_]{2,}$/.test(term)) continue;
    const list = vocab.get(term[0]!) ?? [];
    list.push([term, count]);
    vocab.set(term[0]!, list);
  }
  for (const [first, list] of vocab) files.set(paths.vocab(first), json(list.sort((a, b) => (a[0] < b[0] ? -1 : 1))));
  // Homophones for Chinese typos (chinese.ts): the pinyin groups that hold a character of the index.
  const sounds = soundGroups(postings.keys());
  if (sounds.length > 0) files.set(paths.sounds, json(sounds));
  // Codes: every suffix of a code that starts at a part boundary, so fragments match.
  const records: CodeRecord[] = [];
  input.entries.forEach((e, doc) => {
    const canonical = normalizeCode(e.code);
    codeSuffixes(canonical).forEach((suffix, i) => records.push([suffix, compactCode(suffix), doc, i === 0 ? 1 : 0, canonical.length]));
  });
  // Literal messages: exact (normalised) text, and templates matched at query time. The vendor's
  // own wording of a meaning (vendor_text) is the vendor's text too: pasted, it finds its entry
  // the same way (Baidu's 人脸融合失败 is 222212's). Messages the API was seen to return (variants)
  // are matched like the documented one.
  const vendorWording = (e: ArtifactEntry) => (e.meaning.vendor_text === 'none' ? undefined : e.meaning[e.meaning.vendor_text]);
  const variants = (e: ArtifactEntry, template: boolean) => (e.message_variants ?? []).filter((v) => (v.message_is_template === true) === template).map((v) => v.message);
  // Maps, not plain objects: a message may be `constructor` or `__proto__` (issue 15).
  const messages = new Map<string, number[]>();
  const templates: TemplateRecord[] = [];
  input.entries.forEach((e, doc) => {
    if (e.message && e.message_is_template) templates.push([e.message, doc]);
    for (const template of variants(e, true)) templates.push([template, doc]);
    const texts = [e.message_is_template ? null : e.message, vendorWording(e), ...variants(e, false)].filter((t): t is string => !!t);
    for (const key of new Set(texts.map(normalizeMessage))) {
      const list = messages.get(key);
      if (list) list.push(doc);
      else messages.set(key, [doc]);
    }
  });
  const byStatus = new Map<number, number[]>();
  input.entries.forEach((e, doc) => {
    if (e.http_status === null) return;
    const list = byStatus.get(e.http_status) ?? [];
    list.push(doc);
    byStatus.set(e.http_status, list);
  });
  const statuses = [...byStatus.keys()].sort((a, b) => a - b);

  // One key space for every file a query reads: a word's postings, a code (by its compact form), a
  // message (by its first word, messageKey) and a status (as the number it is typed as) live in the
  // file their key falls in. A query's code, message and status then mostly share the files of its
  // own words: one round trip, few requests (a request costs more than its bytes on a busy machine).
  const weights = new Map(postings);
  const weigh = (key: string, n: number) => weights.set(key, (weights.get(key) ?? 0) + n);
  // A whole code's record carries its result card (~300 bytes, the size of ~40 postings).
  for (const r of records) weigh(r[1], r[3] === 1 ? SEARCH_TUNING.cardWeight : 1);
  for (const [key, list] of messages) weigh(messageKey(key), list.length);
  for (const [status, list] of byStatus) weigh(String(status), list.length);
  // Bigger files when there are many postings: the manifest lists files, each query fetches a few.
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  const text = rangePartition(weights, Math.max(SEARCH_TUNING.postingsPerTextFile, Math.round(4 * Math.sqrt(total))));
  // perFile[file][groupRank]: doc → its [position, token] pairs of that group (put in order below).
  const perFile: Map<number, [number, string][]>[][] = Array.from({ length: text.starts.length }, () => GROUP_ORDER.map(() => new Map()));
  for (const [term, list] of kept) {
    const byGroup = perFile[text.fileOf.get(term)!]!;
    for (const [rank, position, doc] of list) {
      const tokens = byGroup[rank]!.get(doc);
      if (tokens) tokens.push([position, term]);
      else byGroup[rank]!.set(doc, [[position, term]]);
    }
  }
  kept.clear();
  const codesOf: CodeRecord[][] = text.starts.map(() => []);
  for (const r of [...records].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] - b[2]))) codesOf[text.fileOf.get(r[1])!]!.push(r);
  const messagesOf: Map<string, number[]>[] = text.starts.map(() => new Map());
  for (const key of [...messages.keys()].sort()) messagesOf[text.fileOf.get(messageKey(key))!]!.set(key, messages.get(key)!);
  const statusesOf: Map<string, number[]>[] = text.starts.map(() => new Map());
  for (const status of statuses) statusesOf[text.fileOf.get(String(status))!]!.set(String(status), byStatus.get(status)!);
  perFile.forEach((byGroup, file) => {
    const groups: Record<string, Record<string, string>> = {};
    const words = new Set<string>();
    byGroup.forEach((byDoc, rank) => {
      if (byDoc.size === 0) return;
      // A word's score is its place in the whole field (fieldScore), given to FlexSearch directly: the
      // document is added with only its words of this file, not its whole field padded with empty
      // places (each document is in most files: that padding was most of the time of a build).
      let scores = new Map<string, number>();
      const index = new Index({ ...FLEX_OPTIONS, score: (_content: string[], term: string) => scores.get(term)! });
      // Documents in id order: the same file from the same data.
      for (const doc of [...byDoc.keys()].sort((a, b) => a - b)) {
        const length = fieldLengths[doc]![rank]!;
        const tokens = byDoc.get(doc)!.sort((a, b) => a[0] - b[0]);
        scores = new Map(tokens.map(([position, token]) => [token, fieldScore(length, position)]));
        if (GROUP_ORDER[rank] !== PHRASE_GROUP) for (const [, token] of tokens) words.add(token);
        index.add(doc, tokens.map(([, token]) => token).join(' '));
      }
      const parts: Record<string, string> = {};
      index.export((key: string, data: string) => {
        // The register (every id of the group) serves FlexSearch's add, update and remove, never its
        // search: left out, a text file is about a fifth smaller (17% of the real index, 21% at 50k)
        // and a file's first search imports less.
        if (key.split('.').at(-1) !== 'reg') parts[key] = data;
      });
      groups[GROUP_ORDER[rank]!] = Object.fromEntries(Object.entries(parts).sort(([a], [b]) => (a < b ? -1 : 1)));
    });
    // The file's vocabulary lets the word being typed complete (`blu` → `blurry`).
    const shard: TextShardFile = { groups, vocabulary: [...words].sort() };
    if (codesOf[file]!.length > 0) {
      shard.codes = codesOf[file];
      // The result card of each whole code here: a query that is a code shows its entry with no
      // second round trip for the card's block (about 2 KB more per file).
      const whole = [...new Set(codesOf[file]!.filter((r) => r[3] === 1).map((r) => r[2]))].sort((a, b) => a - b);
      if (whole.length > 0) shard.cards = whole.map((doc) => docs[doc]!);
    }
    // Object.fromEntries defines own properties, so `__proto__` is written as a key like any other.
    if (messagesOf[file]!.size > 0) shard.messages = Object.fromEntries(messagesOf[file]!);
    if (statusesOf[file]!.size > 0) shard.statuses = Object.fromEntries(statusesOf[file]!);
    files.set(paths.text(file), json(shard));
  });
  files.set(paths.templates, json(templates));

  for (let b = 0; b * SEARCH_TUNING.block < docs.length; b++)
    files.set(paths.docs(b), json(docs.slice(b * SEARCH_TUNING.block, (b + 1) * SEARCH_TUNING.block)));

  const kinds = [...new Set(input.entries.map((e) => e.kind))] as EntryKind[];
  const manifest: SearchManifest = {
    version: SEARCH_FORMAT_VERSION,
    data_version: input.dataVersion,
    shards: { text: text.starts.length },
    text_starts: text.starts,
    docs: docs.length,
    block: SEARCH_TUNING.block,
    vendors: input.vendors.map((v) => ({ ...v, docs: docRanges(input.entries, v.id) })),
    categories: input.categories.map((c) => ({ id: c.id, name: c.name })),
    statuses,
    kinds,
    vocab: [...vocab.keys()].sort(),
    ...(sounds.length > 0 ? { sounds: true } : {}),
  };
  files.set(paths.manifest, json(manifest));
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * The homophone groups (homophones.ts) that hold a character of the index's Chinese words, each as
 * [those characters, the group's other characters]: what a typed character may have been meant as.
 */
function soundGroups(words: Iterable<string>): [string, string][] {
  const chars = new Set<string>();
  for (const word of words) if (isCjk(word)) for (const char of word) chars.add(char);
  const out: [string, string][] = [];
  for (const entry of HOMOPHONES.split(/\s+/)) {
    const group = [...entry.slice(entry.indexOf(':') + 1)];
    const index = group.filter((c) => chars.has(c));
    if (index.length > 0) out.push([index.join(''), group.filter((c) => !chars.has(c)).join('')]);
  }
  return out;
}

/** The [first, end) ranges of the doc ids (entry positions) of one vendor's entries. */
function docRanges(entries: readonly ArtifactEntry[], vendor: string): [number, number][] {
  const ranges: [number, number][] = [];
  entries.forEach((e, doc) => {
    if (e.vendor !== vendor) return;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === doc) last[1] = doc + 1;
    else ranges.push([doc, doc + 1]);
  });
  return ranges;
}

/**
 * Cuts the sorted keys into contiguous ranges of at most `limit` weight, one file each (a key
 * heavier than the limit gets a file of its own). Only each file's first key is published: a key
 * is found by binary search, and the keys starting with a prefix lie in consecutive files.
 */
export function rangePartition(weights: Map<string, number>, limit: number): { starts: string[]; fileOf: Map<string, number> } {
  const starts: string[] = [];
  const fileOf = new Map<string, number>();
  let filled = Infinity;
  for (const key of [...weights.keys()].sort()) {
    const weight = weights.get(key)!;
    if (filled + weight > limit) {
      starts.push(key);
      filled = 0;
    }
    filled += weight;
    fileOf.set(key, starts.length - 1);
  }
  return { starts: starts.length > 0 ? starts : [''], fileOf };
}

/**
 * FlexSearch's score of the word at `position` of a field of `length` words, at the text shards'
 * resolution (its get_score, src/index/add.js): 0 for the first word, then the earlier or the later
 * half of the field.
 */
export function fieldScore(length: number, position: number): number {
  const resolution = FLEX_OPTIONS.resolution;
  if (position === 0) return 0;
  return length <= resolution ? position : ((resolution - 1) / length) * position + 1 | 0;
}

function clip(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
