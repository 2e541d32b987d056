// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { fileURLToPath } from 'node:url';
import { outDir, siteUrl } from './src/node/site-config.ts';
import { cspConfig } from './src/node/csp.ts';
import { sitemapWithAlternates } from './src/node/sitemap.ts';

export default defineConfig({
  vite: {
    // The browser needs only FlexSearch's Index with import/search: its compact bundle (28 kB, not 51 kB).
    resolve: { alias: [{ find: /^flexsearch$/, replacement: fileURLToPath(new URL('./node_modules/flexsearch/dist/flexsearch.compact.module.min.js', import.meta.url)) }] },
  },
  site: siteUrl(),
  outDir: outDir(new URL('.', import.meta.url).pathname),
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Content-Security-Policy as a <meta> in every page, without 'unsafe-inline' for scripts: Astro
  // hashes the scripts it emits, src/node/csp.ts adds Starlight's inline ones (test/e2e/csp.test.ts).
  security: { csp: cspConfig() },
  integrations: [
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
      components: { Search: './src/components/SiteSearch.astro' },
      pagefind: false,
      disable404Route: true,
      lastUpdated: false,
      // Long lines wrap instead of scrolling: a scrolling <pre> is a keyboard trap for axe's
      // scrollable-region-focusable rule, and Expressive Code's late tabindex fix adds unlabeled regions.
      expressiveCode: { defaultProps: { wrap: true } },
    }),
    sitemapWithAlternates(),
  ],
});
