/**
 * npm run bench:search [-- --sizes real,50k] [-- --relevance all|tuning|none] [-- --site DIR] [-- --quick] [-- --rtt MS] [-- --report FILE] [-- --work /tmp/kb-bench]
 *
 * Our search vs Pagefind's default search on the same built pages, in Debian's Chromium:
 * bytes downloaded and time from keypress to first result, per query, cold (fresh browser
 * context: nothing cached) and warm (a second query in the same context). Plus the latency of the
 * core index in Node, and (real data) both engines' top-1 accuracy and MRR@5 over the judged queries
 * of test/relevance/judged-queries.yaml (the set our engine was tuned on) and held-out-queries.yaml (never
 * tuned on). Prints a table and rewrites the "Search" section of BENCHMARKS.md. `--relevance tuning`
 * scores only the sets the engine is tuned on (the judged and the development set): while the engine is
 * being changed, the held-out sets are not looked at, not even their figures.
 * A benchmark, not a test: it reports figures and never fails on them.
 *
 * --site DIR: for the real size, a site already built from the real data (e.g. dist/) instead of a
 * new build; it is hard-linked into the work folder, since Pagefind adds its index to the site.
 * --quick: one query, one warm run, the first query of each judged set. With both,
 * the suite's smoke run (test/build/benchmarks.test.ts) takes seconds. --report: write there, not BENCHMARKS.md.
 * --rtt MS: every request of the browser takes MS more milliseconds (Chromium's network emulation), so
 * round trips weigh as on a real network, not as on localhost (default 0).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { loadKnowledgeBase, PROJECT_ROOT } from '../src/node/data-files.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { serveDir } from '../test/support/static-server.ts';
import { SearchClient } from '../src/core/search/query.ts';
import { JUDGED_SETS, loadJudged, rankByPaths, resultId, score, type JudgedSetName, type RelevanceReport } from '../test/support/relevance.ts';
import { writeSection } from './lib/benchmarks-md.ts';
import { dirStats } from './lib/dir-stats.ts';
import { scriptArgs } from './lib/script-args.ts';

const { values } = scriptArgs(import.meta.url, {
  sizes: { type: 'string', default: 'real,50k' },
  work: { type: 'string', default: '/tmp/kb-bench' },
  relevance: { type: 'string', default: 'all' },
  site: { type: 'string' },
  quick: { type: 'boolean', default: false },
  report: { type: 'string' },
  rtt: { type: 'string', default: '0' },
});
/** Milliseconds added to every request's round trip (Chromium's network emulation): a real network, not localhost. */
const RTT = Number(values.rtt);
if (!Number.isFinite(RTT) || RTT < 0 || RTT > 5000) throw new Error(`--rtt must be a number of milliseconds from 0 to 5000, not ${values.rtt}`);
const sizes = values.sizes!.split(',');
if (!['all', 'tuning', 'none'].includes(values.relevance!)) throw new Error(`--relevance must be all, tuning or none, not ${values.relevance}`);
/** The development set for tickets and typos (a tuning set, test/search-relevance.test.ts). */
const DEV_SET = { name: 'dev-tickets', file: join(PROJECT_ROOT, 'test/relevance/dev-tickets.yaml') } as const;
const TUNING: readonly string[] = ['judged', DEV_SET.name];
const RELEVANCE_SETS = [...JUDGED_SETS, DEV_SET].filter((s) => values.relevance === 'all' || (values.relevance === 'tuning' && TUNING.includes(s.name)));
const work = values.work!;
const NODE = process.execPath;

const QUERIES: Record<string, string[]> = {
  real: ['222202', 'ModelArts.4204', '-8', 'NO_FACE', '429', 'pic not has face', 'blurry face', 'rate limit', 'token expired', '人脸模糊', 'token过期', 'image too large'],
  '50k': ['222202', 'ModelArts.4204', '90012345', 'NO_FACE', '429', 'pic not has face', 'blurry face', 'rate limit', 'token expired', '人脸模糊', 'token过期', 'image too large'],
};

const log = (message: string) => console.error(`[bench:search] ${message}`);

function run(command: string, args: string[], env: Record<string, string>) {
  execFileSync(command, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

function prepare(size: string): { dist: string; buildSeconds: number; pagefindSeconds: number } {
  const dist = join(work, `site-${size}`);
  let dataDir = join(PROJECT_ROOT, 'data');
  if (size !== 'real') {
    dataDir = join(work, `data-${size}`);
    const total = Number(size.replace(/k$/, '000'));
    log(`generating ${total} entries…`);
    run(NODE, ['scripts/generate-synthetic.ts', '--out', dataDir, '--total', String(total), '--mode', 'vendors'], {});
  }
  let t = performance.now();
  rmSync(dist, { recursive: true, force: true });
  if (size === 'real' && values.site) {
    log(`linking the site built in ${values.site} into ${dist}…`);
    mkdirSync(work, { recursive: true });
    execFileSync('cp', ['-al', values.site, dist]);
  } else {
    log(`building the site for ${size} into ${dist} (this is the slow part)…`);
    run('npm', ['run', '-s', 'build'], { KB_DATA_DIR: dataDir, KB_OUT_DIR: dist });
  }
  const buildSeconds = (performance.now() - t) / 1000;
  log(`running Pagefind (default settings) over the same pages…`);
  t = performance.now();
  run(join(PROJECT_ROOT, 'node_modules/.bin/pagefind'), ['--site', dist, '--output-subdir', 'pagefind-default', '--silent'], {});
  const pagefindSeconds = (performance.now() - t) / 1000;
  mkdirSync(join(dist, 'bench'), { recursive: true });
  // Pagefind's JS API: what its default UI calls. The first result is shown once its data is loaded.
  // One page per language: Pagefind searches the index of the page's own language.
  for (const [file, lang] of [['pagefind.html', 'en'], ['pagefind-zh.html', 'zh-CN']] as const) {
    writeFileSync(
      join(dist, 'bench', file),
      `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>pagefind bench</title><script type="module">
window.benchPagefind = async (q) => {
  const t0 = performance.now();
  const pagefind = await import('/pagefind-default/pagefind.js');
  const search = await pagefind.search(q);
  const first = search.results.length ? await search.results[0].data() : null;
  const ms = performance.now() - t0;
  const rest = await Promise.all(search.results.slice(1, 5).map((r) => r.data()));
  return { ms, count: search.results.length, first: first ? first.url : null, top: [first, ...rest].filter(Boolean).map((d) => d.url) };
};
</script>`,
    );
  }
  return { dist, buildSeconds, pagefindSeconds };
}

interface Measure {
  ms: number;
  bytes: number;
  first: string | null;
}

async function measure(browser: Browser, url: string, q: string, warmUp: string | undefined, engine: 'ours' | 'pagefind', sent: Map<string, number>): Promise<Measure> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (RTT > 0) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: RTT, downloadThroughput: -1, uploadThroughput: -1 });
  }
  const target = engine === 'ours' ? `${url}/` : `${url}/bench/pagefind.html`;
  await page.goto(target);
  const once = (query: string) =>
    engine === 'ours'
      ? page.evaluate(async (query) => {
          const panel = document.querySelector<HTMLElement>('#site-search')!;
          const input = panel.querySelector<HTMLInputElement>('input[name=q]')!;
          const list = panel.querySelector('[data-results]')!;
          const before = panel.dataset.ready;
          const beforeFirst = panel.dataset.first;
          const t0 = performance.now();
          document.querySelector<HTMLButtonElement>('[data-open-search]')!.click();
          input.value = query;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise<void>((resolve) => {
            // The first result on screen (data-first), or the answer when there is none (data-ready).
            const done = () => (panel.dataset.first && panel.dataset.first !== beforeFirst) || (panel.dataset.ready && panel.dataset.ready !== before);
            if (done()) return resolve();
            const observer = new MutationObserver(() => done() && (observer.disconnect(), resolve()));
            observer.observe(panel, { attributes: true, subtree: true, childList: true });
          });
          const ms = performance.now() - t0;
          return { ms, first: list.querySelector('a')?.getAttribute('href') ?? null };
        }, query)
      : page.evaluate((query) => (window as unknown as { benchPagefind(q: string): Promise<{ ms: number; first: string | null }> }).benchPagefind(query), query);
  if (warmUp) await once(warmUp);
  sent.clear();
  const result = await once(q);
  await page.waitForTimeout(50);
  const bytes = [...sent.values()].reduce((a, b) => a + b, 0);
  await context.close();
  return { ms: result.ms, bytes, first: result.first };
}

async function nodeLatency(dist: string, queries: string[]): Promise<Map<string, number>> {
  const root = join(dist, 'search-index', 'v1');
  // Rankings are not remembered, so each run ranks the query again (files stay loaded).
  const client = new SearchClient(async (path) => JSON.parse(readFileSync(join(root, path), 'utf8')), { rememberQueries: 0 });
  for (const q of queries) await client.search(q); // load and warm every shard involved
  const out = new Map<string, number>();
  for (const q of queries) {
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      await client.search(q);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    out.set(q, times[Math.floor(times.length / 2)]!);
  }
  return out;
}

interface SetRelevance {
  name: JudgedSetName | typeof DEV_SET.name;
  file: string;
  ours: RelevanceReport;
  pagefind: RelevanceReport;
}

/** Top-1 and MRR@5 of both engines over each set of judged queries (RELEVANCE_SETS: the tuning sets, the held-out sets), real data only. */
async function relevance(browser: Browser, dist: string, url: string): Promise<SetRelevance[]> {
  const vendors = new Set(loadKnowledgeBase().vendors.map((v) => v.vendor.id));
  const root = join(dist, 'search-index', 'v1');
  const client = new SearchClient(async (path) => JSON.parse(readFileSync(join(root, path), 'utf8')));
  // Each Pagefind query in a new document: Pagefind weighs words over the index chunks its page has
  // loaded, so a query's ranking changed with the queries searched before it in the same page
  // ("too many reqeusts": ERROR_TOO_MANY_GROUPS_IN_GROUP_LIST first in a new page,
  // AI_SERVICE_FLOW_RESTRICTION after five other queries; 2026-12-07). One tab per language, reloaded
  // (its files come from the cache): a new tab per query costs several times the CPU.
  const context = await browser.newContext();
  const pages = { en: await context.newPage(), zh: await context.newPage() };
  const pagefindPage = { en: `${url}/bench/pagefind.html`, zh: `${url}/bench/pagefind-zh.html` };
  const out: SetRelevance[] = [];
  try {
    for (const set of RELEVANCE_SETS) {
      const judged = loadJudged(set.file).slice(0, values.quick ? 1 : undefined);
      const ours = await rankByPaths(client, judged, vendors);
      const theirs: string[][] = [];
      for (const j of judged) {
        await pages[j.lang].goto(pagefindPage[j.lang]);
        const { top } = await pages[j.lang].evaluate(
          (query) => (window as unknown as { benchPagefind(q: string): Promise<{ top: string[] }> }).benchPagefind(query),
          j.q,
        );
        theirs.push(top.map((u) => resultId(new URL(u, url).pathname, vendors)));
      }
      out.push({ ...set, ours: score(judged, ours), pagefind: score(judged, theirs) });
    }
  } finally {
    await context.close();
  }
  return out;
}

const WARM_RUNS = values.quick ? 1 : 3;
const median = (runs: Measure[]) => [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const ratio = (ours: number, theirs: number) => (theirs > 0 ? `${(ours / theirs).toFixed(2)}×` : '—');

const sections: string[] = [];
const browser = await launchBrowser({ needsDist: false });
try {
  for (const size of sizes) {
    const { dist, buildSeconds, pagefindSeconds } = prepare(size);
    const ourIndex = dirStats(join(dist, 'search-index'));
    const theirIndex = dirStats(join(dist, 'pagefind-default'));
    const server = await serveDir(dist, {}, { siteHeaders: false });
    const queries = (QUERIES[size] ?? QUERIES['50k']!).slice(0, values.quick ? 1 : undefined);
    const rows: string[] = [];
    const totals = { ours: { cold: 0, warm: 0, bytes: 0 }, pf: { cold: 0, warm: 0, bytes: 0 } };
    const latency = await nodeLatency(dist, queries);
    for (const q of queries) {
      log(`${size}: ${q}`);
      const oursCold = await measure(browser, server.url, q, undefined, 'ours', server.sent);
      const pfCold = await measure(browser, server.url, q, undefined, 'pagefind', server.sent);
      // Warm figures are small and the machine is shared: the median of WARM_RUNS runs, alternating engines.
      const warm = { ours: [] as Measure[], pf: [] as Measure[] };
      for (let r = 0; r < WARM_RUNS; r++) {
        warm.ours.push(await measure(browser, server.url, q, 'face', 'ours', server.sent));
        warm.pf.push(await measure(browser, server.url, q, 'face', 'pagefind', server.sent));
      }
      const oursWarm = median(warm.ours);
      const pfWarm = median(warm.pf);
      totals.ours.cold += oursCold.ms;
      totals.ours.warm += oursWarm.ms;
      totals.ours.bytes += oursCold.bytes;
      totals.pf.cold += pfCold.ms;
      totals.pf.warm += pfWarm.ms;
      totals.pf.bytes += pfCold.bytes;
      rows.push(
        `| \`${q}\` | ${kb(oursCold.bytes)} | ${kb(pfCold.bytes)} | ${ratio(oursCold.bytes, pfCold.bytes)} | ${ms(oursCold.ms)} | ${ms(pfCold.ms)} | ${ratio(oursCold.ms, pfCold.ms)} | ${ms(oursWarm.ms)} | ${ms(pfWarm.ms)} | ${ms(latency.get(q)!)} | ${oursCold.first ?? '—'} | ${pfCold.first ?? '—'} |`,
      );
    }
    const judged = size === 'real' && RELEVANCE_SETS.length > 0 ? await relevance(browser, dist, server.url) : undefined;
    await server.close();
    const n = queries.length;
    sections.push(
      [
        `### ${size === 'real' ? 'Real data' : `${size} entries (real + synthetic)`}`,
        '',
        `${size === 'real' && values.site ? `Site built beforehand (${values.site})` : `Site build ${buildSeconds.toFixed(0)} s`}; Pagefind indexing ${pagefindSeconds.toFixed(0)} s. ` +
          `Index on disk: ours ${kb(ourIndex.bytes)} in ${ourIndex.files} files, Pagefind ${kb(theirIndex.bytes)} in ${theirIndex.files} files.`,
        '',
        '| query | ours: bytes (cold) | Pagefind: bytes (cold) | ratio | ours: keypress → first result (cold) | Pagefind (cold) | ratio | ours (warm) | Pagefind (warm) | core query in Node (median) | our first result | Pagefind first result |',
        '|---|---|---|---|---|---|---|---|---|---|---|---|',
        ...rows,
        `| **mean** | **${kb(totals.ours.bytes / n)}** | **${kb(totals.pf.bytes / n)}** | **${ratio(totals.ours.bytes, totals.pf.bytes)}** | **${ms(totals.ours.cold / n)}** | **${ms(totals.pf.cold / n)}** | **${ratio(totals.ours.cold, totals.pf.cold)}** | **${ms(totals.ours.warm / n)}** | **${ms(totals.pf.warm / n)}** | | | |`,
        '',
        ...(judged
          ? [
              'Judged relevance (half English, half Chinese; each engine searched in the query\'s language) over ' +
                judged.map((r) => `the ${r.ours.queries} queries of \`${relative(PROJECT_ROOT, r.file)}\``).join(' and ') +
                '. Our engine was tuned on the judged and the dev-tickets sets; the held-out sets were written without looking at its results and are never tuned on:',
              '',
              '| queries | engine | top-1 accuracy | MRR@5 |',
              '|---|---|---|---|',
              ...judged.flatMap((r) => [
                `| ${r.name} | ours | ${r.ours.top1.toFixed(3)} | ${r.ours.mrr5.toFixed(3)} |`,
                `| ${r.name} | Pagefind | ${r.pagefind.top1.toFixed(3)} | ${r.pagefind.mrr5.toFixed(3)} |`,
              ]),
              '',
            ]
          : []),
      ].join('\n'),
    );
  }
} finally {
  await browser.close();
}

const body = [
  `Measured by \`npm run bench:search\` on ${new Date().toISOString().slice(0, 10)} (2 cores; Chromium ${execFileSync('/usr/bin/chromium', ['--version']).toString().trim().split(' ')[1]}; ` +
    (RTT > 0 ? `pages served from localhost with ${RTT} ms added to every request's round trip by Chromium's network emulation, as on a real network).` : 'pages served from localhost, so times are CPU and parsing cost, not network latency).'),
  '',
  'Cold: a fresh browser context with nothing cached; the time runs from opening search and typing the query to the first result on screen ' +
    '(ours: our dialog renders its result list; Pagefind: its JS API, `pagefind.search()` plus the first result’s `data()`, which is what its default UI waits for). ' +
    'Bytes: everything fetched for that query after the page had loaded (ours: search code, manifest, shards, result blocks; Pagefind: its JS, WebAssembly, index chunks, fragments). ' +
    'Warm: the same, after one earlier query (`face`) in the same context; the median of 3 such runs per engine (the machine is shared, single runs vary by several times). ' +
    'Our first result is on screen when the dialog has drawn it (it draws the first result as soon as its card is loaded, then the rest).',
  '',
  ...sections,
].join('\n');
console.log(body);
log(`wrote the Search section of ${writeSection(values.report, 'Search', body)}`);
