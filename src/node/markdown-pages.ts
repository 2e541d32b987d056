/**
 * The Markdown pages of Starlight's docs collection (src/content/docs/: the guides), as URL paths.
 *
 * starlight-links-validator checks links in Markdown against these pages and their headings. It
 * reports every link to the site's own Astro pages (vendors, entries, categories, Explain, search)
 * as unverifiable, even when the page exists; those links are excluded once the page is known to be
 * built, and test/links.test.ts (which crawls all of dist/) checks their anchors.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { decodedPath } from '../core/model.ts';

export function markdownPagePaths(docsDir: string): Set<string> {
  const paths = new Set<string>();
  const walk = (dir: string) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, item.name);
      if (item.isDirectory()) walk(full);
      else if (/\.mdx?$/.test(item.name)) paths.add(`/${relative(docsDir, full).split(sep).join('/').replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '')}/`.replace(/\/+/g, '/'));
    }
  };
  walk(docsDir);
  return paths;
}

/**
 * Whether a link written in Markdown points at one of the site's Astro pages, built into `outDir`.
 * Called once the pages are written. A link to a page that was not built is not excluded, so the
 * validator reports it.
 */
export function linksToBuiltAstroPage(link: string, markdownPages: Set<string>, outDir: string): boolean {
  if (!link.startsWith('/')) return false;
  const path = link.split(/[?#]/)[0]!;
  const dirPath = path.endsWith('/') ? path : `${path}/`;
  // Folders are named with decoded paths; a malformed escape is a path like any other (it is not built).
  return !markdownPages.has(dirPath) && existsSync(join(outDir, decodedPath(dirPath), 'index.html'));
}
