/**
 * Judged relevance: what a support engineer expects each query to find, against the engine the site
 * ships (the real data, the category pages of both languages, the same builder and query code) and
 * against the library's searchEntries (the CLI's search), the same engine over index.json alone.
 * Two sets of queries, measured the same way: test/relevance/judged-queries.yaml, the set the engine
 * was tuned on, and test/relevance/held-out-queries.yaml, written without looking at the engine's
 * results and never tuned on (the honest measure). Fails when top-1 accuracy or MRR@5 of either set
 * drops below its floor.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase, PROJECT_ROOT } from '../src/node/data-files.ts';
import { buildArtifactForSite } from '../src/node/artifact-files.ts';
import { searchIndexOf } from '../src/node/search-files.ts';
import { SearchClient } from '../src/core/search/query.ts';
import { searchEntries } from '../src/core/search/entries.ts';
import {
  JUDGED_SETS,
  judgedSetProblems,
  loadJudged,
  rankByPaths,
  resultId,
  score,
  type JudgedQuery,
  type JudgedSetName,
  type RelevanceReport,
} from './support/relevance.ts';

interface Floors {
  top1: number;
  mrr5: number;
}

/**
 * Per set: the floors of the site's search and of the library's searchEntries (entries only, no prose
 * pages), and the least number of queries the set must keep. The judged set's floors were set just
 * under the figures measured when it was first written (site: top-1 0.981, MRR@5 0.990 over 104
 * queries; library: 0.981, 0.989). The held-out set's are the figures of its current batch (the third,
 * written 2026-12-02) measured when it was written, rounded down to the next multiple of 0.05 below,
 * one step lower when that would leave less than 0.01 (one result slipping one rank must not fail CI):
 * site top-1 0.750, MRR@5 0.802; library top-1 0.750, MRR@5 0.802, over 40 queries; floors 0.70 and
 * 0.75 for both. Never above the judged set's floors; set them again only when a new held-out batch
 * replaces this one, never by tuning the engine on these queries.
 */
/**
 * The development set for issue 22's classes (tickets, typos, colloquial Chinese, product names,
 * codes inside words, pasted variants): a tuning set like the judged one, written before the engine
 * was run on it, so that the engine is improved on it and never on held-out-tickets.yaml.
 */
const DEV_SET = {
  name: 'dev-tickets',
  file: join(PROJECT_ROOT, 'test/relevance/dev-tickets.yaml'),
  types: ['code', 'message', 'symptom', 'synonym', 'mixed-script', 'typo', 'ticket'],
} as const;
type SetName = JudgedSetName | typeof DEV_SET.name;

const SETS: Record<SetName, { site: Floors; library: Floors; minQueries: number }> = {
  judged: { site: { top1: 0.95, mrr5: 0.97 }, library: { top1: 0.95, mrr5: 0.97 }, minQueries: 80 },
  'held-out': { site: { top1: 0.7, mrr5: 0.75 }, library: { top1: 0.7, mrr5: 0.75 }, minQueries: 30 },
  // The fourth batch (tickets and typos, issue 22), written before the engine was run on it: measured
  // top-1 0.458, MRR@5 0.547 (site; library 0.458 / 0.533) before the engine's changes for issue 22 and
  // 0.813 / 0.844 (both) after them. With issue 23's 16 new entries in the index (Baidu's SDK codes,
  // AILabTools' two new codes) one query's first result changed: 0.792 / 0.844 (site), 0.792 / 0.849
  // (library). After the Chinese readings (homophones, single characters, keywords inside a query) and
  // the dev set's keywords, measured once on 2026-12-07: 0.854 / 0.890 (site and library); floors by
  // the one-slip rule above: 0.80 top-1 (0.85 would leave less than one query of 48), 0.85 MRR@5. Issue 22 asks for 0.9 top-1: not reached (docs/explain-and-search.md says what
  // is missing), and never pursued by tuning on this set.
  'held-out-tickets': { site: { top1: 0.8, mrr5: 0.85 }, library: { top1: 0.8, mrr5: 0.85 }, minQueries: 40 },
  // Written and committed before the engine was changed for it: measured top-1 0.726, MRR@5 0.792
  // (site; library 0.714 / 0.788) over 84 queries; after the changes tuned on it, 0.952 / 0.961 (site),
  // 0.940 / 0.955 (library) on 2026-12-07. Since a word's position counts in its whole field (files
  // cut another way no longer turn near ties): 0.940 / 0.955 here, site and library.
  'dev-tickets': { site: { top1: 0.9, mrr5: 0.9 }, library: { top1: 0.9, mrr5: 0.9 }, minQueries: 60 },
};

const kb = loadKnowledgeBase();
const artifact = buildArtifactForSite(kb, 'https://example.org');
const vendors = new Set(kb.vendors.map((v) => v.vendor.id));
// The category pages, as the site indexes them: title, then description.
const files = searchIndexOf(kb, artifact, kb.categories.flatMap((c) => [
  { lang: 'en' as const, title: c.name.en, path: `/categories/${c.id}/`, text: c.description.en },
  { lang: 'zh' as const, title: c.name.zh, path: `/zh-cn/categories/${c.id}/`, text: c.description.zh },
]));
const client = new SearchClient(async (path) => JSON.parse(files.get(path)!));
const index = JSON.parse(artifact.files.get('index.json')!);
const known = new Set([...artifact.entries.map((e) => e.id), ...kb.categories.flatMap((c) => [`/categories/${c.id}/`, `/zh-cn/categories/${c.id}/`])]);
// Each file is read by its own tests, not here: a malformed one fails them, and the other set is still measured.
const sets = [...JUDGED_SETS, DEV_SET].map((s) => {
  let loaded: JudgedQuery[] | undefined;
  return { ...s, ...SETS[s.name], get queries() { return (loaded ??= loadJudged(s.file)); } };
});

/** The library has no prose pages: a query is judged by the entries it names, and left out if it names none. */
function entriesOnly(judged: JudgedQuery[]): JudgedQuery[] {
  return judged.map((j) => ({ ...j, relevant: j.relevant.filter((id) => !id.startsWith('/')) })).filter((j) => j.relevant.length > 0);
}

async function siteReport(judged: JudgedQuery[]): Promise<RelevanceReport> {
  return score(judged, await rankByPaths(client, judged, vendors));
}

async function libraryReport(judged: JudgedQuery[]): Promise<RelevanceReport> {
  const results: string[][] = [];
  for (const j of judged) results.push((await searchEntries(index, j.q, { limit: 5 })).map((e) => e.id));
  return score(judged, results);
}

/** The held-out sets: their figures are printed, never their misses (a miss read is a miss tuned on). */
const HELD_OUT = ['held-out', 'held-out-tickets'] as const;

function print(set: string, label: string, report: RelevanceReport): void {
  console.log(`${label}: top-1 ${report.top1.toFixed(3)}, MRR@5 ${report.mrr5.toFixed(3)} over ${report.queries} queries`);
  if ((HELD_OUT as readonly string[]).includes(set)) {
    if (report.misses.length > 0) console.log(`  ${report.misses.length} first results not relevant (a held-out set: not listed)`);
    return;
  }
  for (const miss of report.misses) console.log(`  first result not relevant: ${miss.q} → ${miss.got.join(', ') || '(nothing)'}`);
}

for (const set of sets) {
  describe(`the ${set.name} queries file`, () => {
    it(`has at least ${set.minQueries} queries, half English and half Chinese, of every type, none twice`, () => {
      expect(judgedSetProblems(set.queries, set.minQueries, set.types), set.file).toEqual([]);
    });
    it('names only entries and pages that exist', () => {
      const unknown = set.queries.flatMap((j) => j.relevant.filter((id) => !known.has(id)).map((id) => `${j.q}: ${id}`));
      expect(unknown).toEqual([]);
    });
  });

  describe(`relevance over the ${set.name} queries`, () => {
    it(`site search: top-1 ≥ ${set.site.top1} and MRR@5 ≥ ${set.site.mrr5}`, async () => {
      expect(set.queries.length, `${set.file}: too few queries to measure`).toBeGreaterThanOrEqual(set.minQueries);
      const report = await siteReport(set.queries);
      print(set.name, `${set.name} relevance (site)`, report);
      expect(report.top1).toBeGreaterThanOrEqual(set.site.top1);
      expect(report.mrr5).toBeGreaterThanOrEqual(set.site.mrr5);
    });
    it(`library and CLI (searchEntries over index.json): top-1 ≥ ${set.library.top1} and MRR@5 ≥ ${set.library.mrr5} over the entries the queries name`, async () => {
      const judged = entriesOnly(set.queries);
      expect(judged.length, `${set.file}: too few queries naming entries to measure`).toBeGreaterThanOrEqual(set.minQueries);
      const report = await libraryReport(judged);
      print(set.name, `${set.name} relevance (library)`, report);
      expect(report.top1).toBeGreaterThanOrEqual(set.library.top1);
      expect(report.mrr5).toBeGreaterThanOrEqual(set.library.mrr5);
    });
  });
}

describe('the held-out sets stay held out', () => {
  const key = (q: string) => q.toLowerCase().replace(/\s+/g, ' ').trim();
  it('share no query with the tuning sets or with each other (case and spacing aside)', () => {
    const tuned = new Set(sets.filter((s) => s.name === 'judged' || s.name === DEV_SET.name).flatMap((s) => s.queries.map((j) => key(j.q))));
    for (const name of HELD_OUT) expect(sets.find((s) => s.name === name)!.queries.filter((j) => tuned.has(key(j.q))).map((j) => j.q), name).toEqual([]);
    const third = new Set(sets.find((s) => s.name === 'held-out')!.queries.map((j) => key(j.q)));
    expect(sets.find((s) => s.name === 'held-out-tickets')!.queries.filter((j) => third.has(key(j.q))).map((j) => j.q)).toEqual([]);
  });
  it('their floors are never above the tuning set’s', () => {
    for (const name of HELD_OUT)
      for (const side of ['site', 'library'] as const)
        for (const measure of ['top1', 'mrr5'] as const) expect(SETS[name][side][measure]).toBeLessThanOrEqual(SETS.judged[side][measure]);
  });
});

describe('the scoring itself', () => {
  it('a relevant result at rank 2 gives ½, none in the first five 0', () => {
    const r = score(
      [
        { q: 'a', lang: 'en', type: 'code', relevant: ['x/1'] },
        { q: 'b', lang: 'en', type: 'code', relevant: ['x/2'] },
        { q: 'c', lang: 'en', type: 'code', relevant: ['x/3'] },
      ],
      [['x/1'], ['x/9', 'x/2'], ['x/9', 'x/8', 'x/7', 'x/6', 'x/5', 'x/3']],
    );
    expect(r.top1).toBeCloseTo(1 / 3);
    expect(r.mrr5).toBeCloseTo((1 + 0.5 + 0) / 3);
    expect(resultId('/zh-cn/picwish/state/-8/', new Set(['picwish']))).toBe('picwish/state/-8');
    expect(resultId('/categories/no-face/', new Set(['picwish']))).toBe('/categories/no-face/');
  });
  it('an empty set is refused, never scored as NaN (which would compare false and hide the cause)', () => {
    expect(() => score([], [])).toThrow('no judged queries to score');
    expect(judgedSetProblems([], 30)).toContain('it has no queries: write a batch of judged queries into it');
  });
  it('a set that is too small, lopsided, missing a type or holding a query twice is reported', () => {
    const q = (text: string, lang: 'en' | 'zh', type: JudgedQuery['type']): JudgedQuery => ({ q: text, lang, type, relevant: ['x/1'] });
    expect(judgedSetProblems([q('a', 'en', 'code'), q('a', 'en', 'message')], 3)).toEqual([
      'it has 2 queries, fewer than the 3 needed',
      '2 English and 0 Chinese queries: they should be half and half',
      'no query of type symptom, synonym, mixed-script',
      '"a" is there twice',
    ]);
  });
});

describe('reading a judged file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'judged-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  it("an empty list is read as empty (the set's own test then fails, naming the file)", () => {
    expect(loadJudged(file('empty.yaml', '# header only\nqueries: []\n'))).toEqual([]);
  });
  it('a file without a queries list, or with a malformed query, throws naming the file, the query and the field', () => {
    const none = file('none.yaml', '# header only\n');
    expect(() => loadJudged(none)).toThrow(`${none}: expected a top-level "queries:" list`);
    const bare = file('bare.yaml', 'queries:\n');
    expect(() => loadJudged(bare)).toThrow(`${bare}: expected a top-level "queries:" list`);
    const lang = file('lang.yaml', 'queries:\n  - { q: a, lang: en, type: code, relevant: [x/1] }\n  - { q: b, lang: fr, type: code, relevant: [x/1] }\n');
    expect(() => loadJudged(lang)).toThrow(`${lang}: query 2 (b): lang must be one of en, zh`);
    const code = file('code.yaml', 'queries:\n  - { q: 429, lang: en, type: code, relevant: [x/1] }\n');
    expect(() => loadJudged(code)).toThrow(`${code}: query 1: q must be a non-empty string`);
    const type = file('type.yaml', 'queries:\n  - { q: a, lang: en, type: guess, relevant: [x/1] }\n');
    expect(() => loadJudged(type)).toThrow(`${type}: query 1 (a): type must be one of`);
    const relevant = file('relevant.yaml', 'queries:\n  - { q: a, lang: en, type: code, relevant: [] }\n');
    expect(() => loadJudged(relevant)).toThrow(`${relevant}: query 1 (a): relevant must be a non-empty list`);
  });
});
