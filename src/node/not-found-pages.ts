/**
 * The Chinese 404 page where hosts look for it. Astro writes only the root 404 page as a 404.html;
 * src/pages/zh-cn/404.astro comes out as zh-cn/404/index.html, a page of its own. Hosts that serve
 * the nearest 404.html for an unknown path (Cloudflare Pages) or follow public/_redirects (Netlify)
 * need it at zh-cn/404.html: this integration moves it there when the build is done (before the
 * search index reads the pages, so it is not indexed as a page).
 */
import { existsSync, renameSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The locale folders whose 404 page is moved: zh-cn/404/index.html → zh-cn/404.html. */
const LOCALE_DIRS = ['zh-cn'];

export function localeNotFoundPages(): AstroIntegration {
  return {
    name: 'vision-errors:not-found-pages',
    hooks: {
      'astro:build:done': ({ dir }) => {
        for (const locale of LOCALE_DIRS) {
          const folder = join(fileURLToPath(dir), locale, '404');
          const page = join(folder, 'index.html');
          if (!existsSync(page)) continue;
          renameSync(page, join(folder, '..', '404.html'));
          rmdirSync(folder);
        }
      },
    },
  };
}
