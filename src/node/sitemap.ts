/**
 * The sitemap, with each page's English and Chinese versions as hreflang alternates.
 *
 * Starlight would add @astrojs/sitemap with its `i18n` option, which finds alternates by scanning
 * every URL for every page: quadratic, 3 s at 20,000 pages and minutes at 100,000. Every page here
 * exists in both languages, so the alternates follow from the URL itself (`languageVersions`).
 * Declaring the integration ourselves stops Starlight from adding its own.
 */
import sitemap from '@astrojs/sitemap';
import { LANG_TAG, languageVersions } from '../core/model.ts';
import type { Lang } from '../core/schema.ts';

export function sitemapWithAlternates() {
  return sitemap({
    // The 404 pages are not pages to find (the sitemap skips only the root one by itself).
    filter: (page) => !/\/404\/?$/.test(new URL(page).pathname),
    serialize(item) {
      const url = new URL(item.url);
      const versions = languageVersions(url.pathname);
      const links = (Object.keys(versions) as Lang[]).map((lang) => ({ lang: LANG_TAG[lang], url: new URL(versions[lang], url).href }));
      return { ...item, links };
    },
  });
}
