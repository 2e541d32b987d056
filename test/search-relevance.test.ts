/**
 * Judged relevance: what a support engineer expects each query to find, against the engine the site
 * ships (the real data, the category pages of both languages, the same builder and query code) and
 * against the library's searchEntries (the CLI's search), the same engine over index.json alone.
 * Two sets of queries, measured the same way: test/relevance/judged-queries.yaml, the set the engine
 * was tuned on, and test/relevance/held-out-queries.yaml, written without looking at the engine's
 * results and never tuned on (the honest measure). Fails when top-1 accuracy or MRR@5 of either set
 * drops below its floor.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../src/node/data-files.ts';
import { buildArtifactForSite } from '../src/node/artifact-files.ts';
import { buildSearchIndex } from '../src/core/search/build.ts';
import { SearchClient } from '../src/core/search/query.ts';
import { searchEntries } from '../src/core/search/entries.ts';
import { JUDGED_SETS, loadJudged, rankByPaths, resultId, score, type JudgedQuery, type JudgedSetName, type RelevanceReport } from './support/relevance.ts';

interface Floors {
  top1: number;
  mrr5: number;
}

/**
 * Per set: the floors of the site's search and of the library's searchEntries (entries only, no prose
 * pages), and the least number of queries the set must keep. The judged set's floors were set just
 * under the figures measured when it was written (site: top-1 0.981, MRR@5 0.990 over 104 queries;
 * library: 0.981, 0.989). The held-out set's are its figures measured on 2026-12-02 rounded down to the
 * next 0.05 below (site: top-1 0.711, MRR@5 0.800 over 38 queries; library: top-1 0.711, MRR@5 0.798
 * over 38): MRR@5 0.75 rather than 0.80 for the site too, since 0.80 would leave a margin of 0.0004 (less
 * than one result moving down one rank). Never above the judged set's floors; raise them only after new
 * held-out queries are added, never by tuning the engine on these.
 */
const SETS: Record<JudgedSetName, { site: Floors; library: Floors; minQueries: number }> = {
  judged: { site: { top1: 0.95, mrr5: 0.97 }, library: { top1: 0.95, mrr5: 0.97 }, minQueries: 80 },
  'held-out': { site: { top1: 0.7, mrr5: 0.75 }, library: { top1: 0.7, mrr5: 0.75 }, minQueries: 30 },
};

const kb = loadKnowledgeBase();
const artifact = buildArtifactForSite(kb, 'https://example.org');
const vendors = new Set(kb.vendors.map((v) => v.vendor.id));
const files = buildSearchIndex({
  dataVersion: artifact.dataVersion,
  entries: artifact.entries,
  categories: kb.categories,
  vendors: kb.vendors.map((v) => ({ id: v.vendor.id, name: v.vendor.short_name ?? v.vendor.name })),
  // The category pages, as the site indexes them: title, then description.
  pages: kb.categories.flatMap((c) => [
    { lang: 'en' as const, title: c.name.en, path: `/categories/${c.id}/`, text: c.description.en },
    { lang: 'zh' as const, title: c.name.zh, path: `/zh-cn/categories/${c.id}/`, text: c.description.zh },
  ]),
});
const client = new SearchClient(async (path) => JSON.parse(files.get(path)!));
const index = JSON.parse(artifact.files.get('index.json')!);
const known = new Set([...artifact.entries.map((e) => e.id), ...kb.categories.flatMap((c) => [`/categories/${c.id}/`, `/zh-cn/categories/${c.id}/`])]);
const sets = JUDGED_SETS.map((s) => ({ ...s, ...SETS[s.name], queries: loadJudged(s.file) }));

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

function print(label: string, report: RelevanceReport): void {
  console.log(`${label}: top-1 ${report.top1.toFixed(3)}, MRR@5 ${report.mrr5.toFixed(3)} over ${report.queries} queries`);
  for (const miss of report.misses) console.log(`  first result not relevant: ${miss.q} → ${miss.got.join(', ') || '(nothing)'}`);
}

for (const set of sets) {
  describe(`the ${set.name} queries file`, () => {
    it(`has at least ${set.minQueries} queries, half English and half Chinese, of every type, none twice`, () => {
      expect(set.queries.length).toBeGreaterThanOrEqual(set.minQueries);
      const zh = set.queries.filter((j) => j.lang === 'zh').length;
      expect(zh).toBe(set.queries.length - zh);
      expect(new Set(set.queries.map((j) => j.type))).toEqual(new Set(['code', 'message', 'symptom', 'synonym', 'mixed-script']));
      expect(new Set(set.queries.map((j) => j.q)).size).toBe(set.queries.length);
    });
    it('names only entries and pages that exist', () => {
      const unknown = set.queries.flatMap((j) => j.relevant.filter((id) => !known.has(id)).map((id) => `${j.q}: ${id}`));
      expect(unknown).toEqual([]);
    });
  });

  describe(`relevance over the ${set.name} queries`, () => {
    it(`site search: top-1 ≥ ${set.site.top1} and MRR@5 ≥ ${set.site.mrr5}`, async () => {
      const report = await siteReport(set.queries);
      print(`${set.name} relevance (site)`, report);
      expect(report.top1).toBeGreaterThanOrEqual(set.site.top1);
      expect(report.mrr5).toBeGreaterThanOrEqual(set.site.mrr5);
    });
    it(`library and CLI (searchEntries over index.json): top-1 ≥ ${set.library.top1} and MRR@5 ≥ ${set.library.mrr5} over the entries the queries name`, async () => {
      const judged = entriesOnly(set.queries);
      expect(judged.length).toBeGreaterThanOrEqual(set.minQueries);
      const report = await libraryReport(judged);
      print(`${set.name} relevance (library)`, report);
      expect(report.top1).toBeGreaterThanOrEqual(set.library.top1);
      expect(report.mrr5).toBeGreaterThanOrEqual(set.library.mrr5);
    });
  });
}

describe('the held-out set stays held out', () => {
  it('shares no query with the tuning set (case and spacing aside)', () => {
    const key = (q: string) => q.toLowerCase().replace(/\s+/g, ' ').trim();
    const tuned = new Set(sets.find((s) => s.name === 'judged')!.queries.map((j) => key(j.q)));
    expect(sets.find((s) => s.name === 'held-out')!.queries.filter((j) => tuned.has(key(j.q))).map((j) => j.q)).toEqual([]);
  });
  it('its floors are never above the tuning set’s', () => {
    for (const side of ['site', 'library'] as const)
      for (const measure of ['top1', 'mrr5'] as const) expect(SETS['held-out'][side][measure]).toBeLessThanOrEqual(SETS.judged[side][measure]);
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
});
