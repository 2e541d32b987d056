/** Builds the search index from the artifact and the built HTML pages, and writes it (Node-only). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Artifact } from '../core/artifact.ts';
import type { KnowledgeBase } from '../core/validate.ts';
import { buildSearchIndex, type SearchPage } from '../core/search/build.ts';
import { searchNamesOf } from '../core/vendor-names.ts';
import { decodedPath } from '../core/model.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function htmlText(html: string): string {
  return html
    .replace(/<(script|style|template)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()] ?? m,
    )
    .replace(/\s+/g, ' ')
    .trim();
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name === 'index.html' ? [path] : [];
  });
}

/**
 * The site's prose pages: everything but entry pages (entries are indexed from the data) and the
 * search page itself. Indexed by title, description and headings, not by their tables.
 * `entryPaths` are decoded paths (decodedPath), as the folders are named on disk.
 */
export function prosePages(distDir: string, entryPaths: Set<string>): SearchPage[] {
  const pages: SearchPage[] = [];
  for (const file of htmlFiles(distDir).sort()) {
    const path = `/${relative(distDir, dirname(file)).split(sep).join('/')}/`.replace(/^\/\/$/, '/').replace('//', '/');
    const english = path.replace(/^\/zh-cn\//, '/');
    if (entryPaths.has(english) || /^\/(zh-cn\/)?search\/$/.test(path) || path.startsWith('/api/') || path.startsWith('/search-index/')) continue;
    const html = readFileSync(file, 'utf8');
    const title = htmlText(/<title>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '').replace(/ \| [^|]*$/, '');
    const description = /<meta name="description" content="([^"]*)"/i.exec(html)?.[1] ?? '';
    const headings = [...html.matchAll(/<h[1-3][^>]*>([\s\S]*?)<\/h[1-3]>/gi)].map((m) => htmlText(m[1]!));
    pages.push({ lang: path.startsWith('/zh-cn/') ? 'zh' : 'en', title, path, text: `${htmlText(description)} \n ${headings.join(' \n ')}` });
  }
  return pages;
}

/** The search index of the data, with these prose pages (none: the entries only, as `npm run dev` serves it). */
export function searchIndexOf(kb: KnowledgeBase, artifact: Artifact, pages: SearchPage[] = []): Map<string, string> {
  return buildSearchIndex({
    dataVersion: artifact.dataVersion,
    entries: artifact.entries,
    categories: kb.categories,
    vendors: kb.vendors.map((v) => ({ id: v.vendor.id, name: v.vendor.short_name ?? v.vendor.name, names: searchNamesOf(v.vendor) })),
    pages,
  });
}

export function buildSearchFiles(kb: KnowledgeBase, artifact: Artifact, distDir: string): Map<string, string> {
  // Folders on disk are named with the decoded code; an entry's url is encoded: compared decoded.
  const entryPaths = new Set(artifact.entries.map((e) => decodedPath(new URL(e.url).pathname)));
  return searchIndexOf(kb, artifact, prosePages(distDir, entryPaths));
}

export { writeFiles } from './write-files.ts';
