/**
 * Builds the sharded search index from the artifact entries and the site's prose pages. Pure:
 * returns path → JSON text; the caller writes the files.
 */
import { Index } from './flexsearch.ts';
import type { ArtifactEntry } from '../artifact.ts';
import type { Category, EntryKind, Lang } from '../schema.ts';
import { codeSuffixes, compactCode, normalizeCode, normalizeMessage } from '../normalize.ts';
import { tokenize } from './tokenize.ts';
import { fnv1a } from './shard.ts';
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
  categories: Category[];
  vendors: { id: string; name: { en: string; zh: string } }[];
  pages: SearchPage[];
}

/** Documents per display block; postings per text shard, records per code shard (targets). */
export const SEARCH_TUNING = { block: 8, postingsPerTextFile: 1500, postingsPerWord: 1000, recordsPerCodeShard: 300, messagesPerShard: 150 };


const json = (value: unknown) => JSON.stringify(value);

export function buildSearchIndex(input: SearchBuildInput): Map<string, string> {
  const files = new Map<string, string>();
  const categoryName = new Map(input.categories.map((c) => [c.id, c.name]));
  const vendorName = new Map(input.vendors.map((v) => [v.id, v.name]));
  const docs: SearchDoc[] = [];
  const texts: string[][] = [];

  for (const e of input.entries) {
    const i = docs.length;
    docs.push({ i, t: 'e', u: new URL(e.url).pathname, v: e.vendor, k: e.kind, c: e.code, h: e.http_status, g: e.category, m: { en: clip(e.meaning.en), zh: clip(e.meaning.zh) } });
    const cat = categoryName.get(e.category);
    const vendor = vendorName.get(e.vendor);
    texts.push(
      tokenize(
        [e.message ?? '', e.meaning.en, e.meaning.zh, cat?.en, cat?.zh, vendor?.en, vendor?.zh, e.remedy.en, e.remedy.zh].join(' \n '),
      ),
    );
  }
  for (const p of input.pages) {
    const i = docs.length;
    docs.push({ i, t: 'p', u: p.path, l: p.lang, n: clip(p.title) });
    texts.push(tokenize(`${p.title} \n ${p.title} \n ${p.text}`));
  }

  // Text: FlexSearch indexes over prefix leaves of the vocabulary, weighted by postings, so a
  // query downloads only the few files its words fall in however large the vocabulary grows.
  // A word keeps its best postings only (where it appears earliest: message and meaning before
  // remedy), so the bytes a word costs stay bounded as the knowledge base grows.
  const firstPosition = new Map<string, [number, number][]>();
  texts.forEach((tokens, doc) => {
    const seen = new Set<string>();
    tokens.forEach((term, position) => {
      if (seen.has(term)) return;
      seen.add(term);
      const list = firstPosition.get(term);
      if (list) list.push([position, doc]);
      else firstPosition.set(term, [[position, doc]]);
    });
  });
  const kept = new Map<string, Set<number>>();
  const postings = new Map<string, number>();
  let total = 0;
  for (const [term, list] of firstPosition) {
    const best = list.length > SEARCH_TUNING.postingsPerWord ? [...list].sort((a, b) => a[0] - b[0] || a[1] - b[1]).slice(0, SEARCH_TUNING.postingsPerWord) : list;
    if (best !== list) kept.set(term, new Set(best.map(([, doc]) => doc)));
    postings.set(term, best.length);
    total += best.length;
  }
  // Bigger files when there are many postings: the manifest lists files, each query fetches a few.
  const text = rangePartition(postings, Math.max(SEARCH_TUNING.postingsPerTextFile, Math.round(4 * Math.sqrt(total))));
  const perFile: Map<number, string[]>[] = Array.from({ length: text.starts.length }, () => new Map());
  texts.forEach((tokens, doc) => {
    for (const term of tokens) {
      if (kept.get(term)?.has(doc) === false) continue;
      const file = perFile[text.fileOf.get(term)!]!;
      const list = file.get(doc);
      if (list) list.push(term);
      else file.set(doc, [term]);
    }
  });
  perFile.forEach((byDoc, file) => {
    const index = new Index(FLEX_OPTIONS);
    for (const [doc, tokens] of byDoc) index.add(doc, tokens.join(' '));
    const parts: Record<string, string> = {};
    index.export((key: string, data: string) => {
      parts[key] = data;
    });
    // The file's vocabulary lets the word being typed complete (`blu` → `blurry`).
    const vocabulary = [...new Set([...byDoc.values()].flat())].sort();
    const shard: TextShardFile = { index: Object.fromEntries(Object.entries(parts).sort(([a], [b]) => (a < b ? -1 : 1))), vocabulary };
    files.set(paths.text(file), json(shard));
  });

  // Code shards: every suffix of a code that starts at a part boundary, so fragments match.
  const records: CodeRecord[] = [];
  input.entries.forEach((e, doc) => {
    const canonical = normalizeCode(e.code);
    codeSuffixes(canonical).forEach((suffix, i) => records.push([suffix, compactCode(suffix), doc, i === 0 ? 1 : 0, canonical.length]));
  });
  const codeWeights = new Map<string, number>();
  for (const r of records) codeWeights.set(r[1], (codeWeights.get(r[1]) ?? 0) + 1);
  const code = rangePartition(codeWeights, SEARCH_TUNING.recordsPerCodeShard);
  const codeBuckets: CodeRecord[][] = Array.from({ length: code.starts.length }, () => []);
  for (const r of [...records].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] - b[2]))) codeBuckets[code.fileOf.get(r[1])!]!.push(r);
  codeBuckets.forEach((bucket, file) => files.set(paths.code(file), json(bucket)));

  // Literal messages: exact (normalised) text, and templates matched at query time.
  const messages = input.entries.filter((e) => e.message && !e.message_is_template).length;
  const msgShards = Math.max(1, Math.ceil(messages / SEARCH_TUNING.messagesPerShard));
  // Maps, not plain objects: a message may be `constructor` or `__proto__` (issue 15).
  const msgBuckets: Map<string, number[]>[] = Array.from({ length: msgShards }, () => new Map());
  const templates: TemplateRecord[] = [];
  input.entries.forEach((e, doc) => {
    if (!e.message) return;
    if (e.message_is_template) return void templates.push([e.message, doc]);
    const key = normalizeMessage(e.message);
    const bucket = msgBuckets[fnv1a(key) % msgShards]!;
    const list = bucket.get(key);
    if (list) list.push(doc);
    else bucket.set(key, [doc]);
  });
  // Object.fromEntries defines own properties, so `__proto__` is written as a key like any other.
  msgBuckets.forEach((bucket, shard) => files.set(paths.msg(shard), json(Object.fromEntries(bucket))));
  files.set(paths.templates, json(templates));

  // HTTP statuses.
  const byStatus = new Map<number, number[]>();
  input.entries.forEach((e, doc) => {
    if (e.http_status === null) return;
    const list = byStatus.get(e.http_status) ?? [];
    list.push(doc);
    byStatus.set(e.http_status, list);
  });
  const statuses = [...byStatus.keys()].sort((a, b) => a - b);
  for (const status of statuses) files.set(paths.status(status), json(byStatus.get(status)));

  for (let b = 0; b * SEARCH_TUNING.block < docs.length; b++)
    files.set(paths.docs(b), json(docs.slice(b * SEARCH_TUNING.block, (b + 1) * SEARCH_TUNING.block)));

  const kinds = [...new Set(input.entries.map((e) => e.kind))] as EntryKind[];
  const manifest: SearchManifest = {
    version: SEARCH_FORMAT_VERSION,
    data_version: input.dataVersion,
    shards: { code: code.starts.length, text: text.starts.length, msg: msgShards },
    code_starts: code.starts,
    text_starts: text.starts,
    docs: docs.length,
    block: SEARCH_TUNING.block,
    vendors: input.vendors,
    categories: input.categories.map((c) => ({ id: c.id, name: c.name })),
    statuses,
    kinds,
  };
  files.set(paths.manifest, json(manifest));
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
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

function clip(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
