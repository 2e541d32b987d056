/**
 * Judged relevance: top-1 accuracy and MRR@5 of any search engine whose results are site paths, over
 * two files of judged queries: test/relevance/judged-queries.yaml (the set the engine was tuned on) and
 * test/relevance/held-out-queries.yaml (written without looking at the engine's results, never tuned
 * on). Used by test/search-relevance.test.ts and bench:search.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/node/data-files.ts';

export interface JudgedQuery {
  q: string;
  lang: 'en' | 'zh';
  type: 'code' | 'message' | 'symptom' | 'synonym' | 'mixed-script' | 'typo' | 'ticket';
  /** Entry ids (`vendor/code`, `vendor/http/429`, `vendor/state/-8`) or page paths (`/categories/x/`). */
  relevant: string[];
}

export const JUDGED_FILE = join(PROJECT_ROOT, 'test/relevance/judged-queries.yaml');
export const HELD_OUT_FILE = join(PROJECT_ROOT, 'test/relevance/held-out-queries.yaml');
/** The fourth held-out batch (issue 22): tickets and typos, with two types of its own. */
export const TICKETS_FILE = join(PROJECT_ROOT, 'test/relevance/held-out-tickets.yaml');

/**
 * The sets of judged queries, in the order they are reported: the tuning set, then the held-out sets.
 * `types`: the query types the set must hold one of each.
 */
export const JUDGED_SETS = [
  { name: 'judged', file: JUDGED_FILE, types: ['code', 'message', 'symptom', 'synonym', 'mixed-script'] },
  { name: 'held-out', file: HELD_OUT_FILE, types: ['code', 'message', 'symptom', 'synonym', 'mixed-script'] },
  { name: 'held-out-tickets', file: TICKETS_FILE, types: ['code', 'message', 'symptom', 'synonym', 'mixed-script', 'typo', 'ticket'] },
] as const satisfies readonly { name: string; file: string; types: readonly JudgedQuery['type'][] }[];
export type JudgedSetName = (typeof JUDGED_SETS)[number]['name'];

const LANGS: readonly string[] = ['en', 'zh'];
export const QUERY_TYPES: readonly JudgedQuery['type'][] = ['code', 'message', 'symptom', 'synonym', 'mixed-script', 'typo', 'ticket'];
/** The types every set must hold unless it says otherwise (typo and ticket came with the fourth batch). */
const BASE_TYPES: readonly JudgedQuery['type'][] = ['code', 'message', 'symptom', 'synonym', 'mixed-script'];

/**
 * The queries of a judged file. A file that is not a `queries:` list of well-formed queries throws,
 * naming the file, the query (by number, from 1) and the field; an empty list is returned as such
 * (judgedSetProblems reports it), so the other set is still measured.
 */
export function loadJudged(file = JUDGED_FILE): JudgedQuery[] {
  const doc = parse(readFileSync(file, 'utf8')) as unknown;
  const queries = doc !== null && typeof doc === 'object' ? (doc as { queries?: unknown }).queries : undefined;
  if (!Array.isArray(queries)) throw new Error(`${file}: expected a top-level "queries:" list of judged queries`);
  queries.forEach((j: unknown, i) => {
    const where = `${file}: query ${i + 1}`;
    if (j === null || typeof j !== 'object') throw new Error(`${where}: expected { q, lang, type, relevant }`);
    const { q, lang, type, relevant } = j as Record<string, unknown>;
    if (typeof q !== 'string' || q.trim() === '') throw new Error(`${where}: q must be a non-empty string (quote codes such as "429")`);
    if (typeof lang !== 'string' || !LANGS.includes(lang)) throw new Error(`${where} (${q}): lang must be one of ${LANGS.join(', ')}`);
    if (typeof type !== 'string' || !(QUERY_TYPES as readonly string[]).includes(type)) throw new Error(`${where} (${q}): type must be one of ${QUERY_TYPES.join(', ')}`);
    if (!Array.isArray(relevant) || relevant.length === 0 || relevant.some((id) => typeof id !== 'string'))
      throw new Error(`${where} (${q}): relevant must be a non-empty list of entry ids or page paths`);
  });
  return queries as JudgedQuery[];
}

/**
 * What keeps a set of judged queries from being a fair measure, as sentences (none: it is fine):
 * fewer queries than `minQueries` (an empty set above all), English and Chinese not half and half,
 * a query type missing, a query twice.
 */
export function judgedSetProblems(judged: JudgedQuery[], minQueries: number, types: readonly JudgedQuery['type'][] = BASE_TYPES): string[] {
  const problems: string[] = [];
  if (judged.length === 0) problems.push('it has no queries: write a batch of judged queries into it');
  else if (judged.length < minQueries) problems.push(`it has ${judged.length} queries, fewer than the ${minQueries} needed`);
  const zh = judged.filter((j) => j.lang === 'zh').length;
  if (zh !== judged.length - zh) problems.push(`${judged.length - zh} English and ${zh} Chinese queries: they should be half and half`);
  const present = new Set(judged.map((j) => j.type));
  const missing = types.filter((t) => !present.has(t));
  if (missing.length > 0) problems.push(`no query of type ${missing.join(', ')}`);
  const seen = new Set<string>();
  for (const j of judged) {
    if (seen.has(j.q)) problems.push(`"${j.q}" is there twice`);
    seen.add(j.q);
  }
  return problems;
}

/**
 * The judged id of a result path: entry pages (in either language) give their entry id
 * (`/zh-cn/baidu-face/111/` → `baidu-face/111`); other pages keep their path.
 */
export function resultId(path: string, vendors: ReadonlySet<string>): string {
  const clean = path.replace(/[?#].*$/, '').replace(/index\.html$/, '');
  const english = clean.replace(/^\/zh-cn\//, '/');
  const segments = english.split('/').filter(Boolean);
  if (segments.length >= 2 && vendors.has(segments[0]!)) return segments.map(decodeURIComponent).join('/');
  return clean;
}

/** Anything that searches like the site's SearchClient: results whose `doc.u` is a site path. */
export interface PathSearch {
  search(query: string, options: { lang: 'en' | 'zh'; limit: number }): Promise<{ doc: { u: string } }[]>;
}

/** The first five result ids of each query, searched in the query's language. */
export async function rankByPaths(client: PathSearch, judged: JudgedQuery[], vendors: ReadonlySet<string>): Promise<string[][]> {
  const results: string[][] = [];
  for (const j of judged) results.push((await client.search(j.q, { lang: j.lang, limit: 5 })).map((h) => resultId(h.doc.u, vendors)));
  return results;
}

export interface RelevanceReport {
  queries: number;
  top1: number;
  mrr5: number;
  /** Queries whose first result is not relevant: the query, the first five results. */
  misses: { q: string; got: string[] }[];
}

/** Scores ranked result ids (first five used) against the judgments. */
export function score(judged: JudgedQuery[], results: string[][]): RelevanceReport {
  // Averages over no queries would be NaN, which compares false both ways: refuse instead.
  if (judged.length === 0) throw new Error('no judged queries to score');
  if (results.length !== judged.length) throw new Error(`${judged.length} judged queries but ${results.length} result lists`);
  let top1 = 0;
  let rr = 0;
  const misses: RelevanceReport['misses'] = [];
  judged.forEach((j, i) => {
    const got = results[i]!.slice(0, 5);
    const rank = got.findIndex((id) => j.relevant.includes(id));
    if (rank === 0) top1 += 1;
    else misses.push({ q: j.q, got });
    if (rank >= 0) rr += 1 / (rank + 1);
  });
  return { queries: judged.length, top1: top1 / judged.length, mrr5: rr / judged.length, misses };
}
