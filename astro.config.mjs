// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import starlightLinksValidator from 'starlight-links-validator';
import { satteri } from '@astrojs/markdown-satteri';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { dropBuiltInEnv, outDir, siteUrl } from './src/node/site-config.ts';
import { cspConfig } from './src/node/csp.ts';
import { sitemapWithAlternates } from './src/node/sitemap.ts';
import { buildChecks, siteOutputs } from './src/node/site-outputs.ts';
import { devDataReload } from './src/node/dev-data-reload.ts';
import { localeNotFoundPages } from './src/node/not-found-pages.ts';
import { linksToBuiltAstroPage, markdownPagePaths } from './src/node/markdown-pages.ts';
import { DEFAULT_DATA_DIR } from './src/node/data-files.ts';

// A build renders 100,000 pages from a live heap of about 500 MB, but V8's default growth lets the
// heap reach 3× that between full collections: peak memory 2.3 GB at 50,000 entries. Growing by
// half the live size instead keeps it under 1.8 GB, at no measurable cost in time (BENCHMARKS.md).
setFlagsFromString('--heap-growing-percent=50');

// The same data gives the same site whatever the shell has set (site-config.ts says which and why).
const ignored = dropBuiltInEnv();
if (ignored.length > 0) console.warn(`astro.config.mjs: ignoring ${ignored.join(', ')} from the environment: Astro would read ${ignored.length > 1 ? 'them' : 'it'} over the values it sets itself (import.meta.env)`);

const markdownPages = markdownPagePaths(fileURLToPath(new URL('./src/content/docs/', import.meta.url)));
const buildDir = outDir(new URL('.', import.meta.url).pathname);

export default defineConfig({
  vite: {
    // Where src/site/kb.ts reads the data (KB_DATA_DIR or data/), resolved here where paths are real.
    define: { KB_DATA_DIR: JSON.stringify(DEFAULT_DATA_DIR) },
    // The browser needs only FlexSearch's Index with import/search: its compact bundle (28 kB, not 51 kB).
    resolve: { alias: [{ find: /^flexsearch$/, replacement: fileURLToPath(new URL('./node_modules/flexsearch/dist/flexsearch.compact.module.min.js', import.meta.url)) }] },
    // Astro marks each MDX page with its own "use astro:head-inject" directive, and Rolldown warns about
    // every one (withastro/astro#18087): six screens of noise in each build, about nothing of ours.
    build: { rolldownOptions: { checks: { moduleLevelDirective: false } } },
  },
  site: siteUrl(),
  outDir: buildDir,
  trailingSlash: 'always',
  // Stylesheets are files, never inlined: Starlight's <Badge> is used both by pages and by the MDX
  // guides, so its CSS is a chunk of its own (3 kB), which 'auto' would copy into every page's HTML.
  // Four pages at a time: one page at a time, the main thread sat idle about 40% of the rendering
  // phase, waiting on each page's mkdir and write (CPU profile of a 1k build); with four it is about
  // 7%, and bench:scale at 1k took 15-16 s against 16-20 s (three runs each, 2026-12-08). The pages are
  // the same bytes either way (diff -r of two builds of the real data).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Content-Security-Policy as a <meta> in every page, without 'unsafe-inline' for scripts: Astro
  // hashes the scripts it emits, src/node/csp.ts adds Starlight's inline ones (test/e2e/csp.test.ts).
  security: { csp: cspConfig() },
  // Astro's own Markdown processor, with heading attributes: `## 按类别 {#by-category}` gives a
  // heading the same id in every language (a Chinese heading's own slug would be Chinese), and
  // Starlight's table of contents and heading links use it.
  markdown: { processor: satteri({ features: { headingAttributes: true } }) },
  integrations: [
    // The output folder and the data checked, then the build lock taken: before any other integration
    // sets up (src/node/site-outputs.ts says why).
    buildChecks(),
    starlight({
      title: { en: 'Vision API Error Codes', 'zh-CN': '视觉 API 错误码' },
      description: 'Error codes, HTTP statuses and task states of AI vision APIs: meaning, literal message and what to do.',
      defaultLocale: 'root',
      locales: {
        root: { label: 'English', lang: 'en' },
        'zh-cn': { label: '简体中文', lang: 'zh-CN' },
      },
      // The sidebar is built from the data for every page by the route middleware.
      sidebar: [],
      routeMiddleware: './src/site/route-middleware.ts',
      customCss: ['./src/styles/site.css'],
      // Links between Markdown pages (and to their headings) are checked as the build runs, which
      // fails on a broken one; links to our Astro pages are checked by test/links.test.ts.
      plugins: [starlightLinksValidator({ exclude: ({ link }) => linksToBuiltAstroPage(link, markdownPages, buildDir) })],
      components: { Search: './src/components/SiteSearch.astro', Sidebar: './src/components/Sidebar.astro', PageTitle: './src/components/PageTitle.astro', Pagination: './src/components/Pagination.astro' },
      pagefind: false,
      disable404Route: true,
      lastUpdated: false,
      // Long lines wrap instead of scrolling: a scrolling <pre> is a keyboard trap for axe's
      // scrollable-region-focusable rule, and Expressive Code's late tabindex fix adds unlabeled regions.
      expressiveCode: { defaultProps: { wrap: true } },
    }),
    sitemapWithAlternates(),
    // zh-cn/404/index.html → zh-cn/404.html, before the search index reads the pages.
    localeNotFoundPages(),
    // The JSON artifact and the search index, written when the pages are built.
    siteOutputs(),
    devDataReload(),
  ],
});
