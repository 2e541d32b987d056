/**
 * A small offline link checker for a built site folder: reads every HTML page, collects its ids and
 * the URLs it references (a[href], link[href], script[src], img[src], form[action], …), and resolves
 * each internal one the way the static server does (a directory serves its index.html). A URL with
 * a #fragment must name an id (or an <a name>) on the target page. URLs on the site's own origin
 * (canonical and hreflang links use SITE_URL) count as internal. Nothing is fetched.
 *
 * The HTML is Astro's output (attributes always double-quoted, text escaped), so a tag scanner is
 * enough (see tags()).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface Reference {
  /** The page (path under the site root, e.g. "baidu-face/index.html") that holds the reference. */
  from: string;
  tag: string;
  attr: string;
  url: string;
}

export interface PageInfo {
  ids: Set<string>;
  /** ids given to more than one element of the page. */
  duplicateIds: string[];
  refs: Reference[];
}

export interface LinkReport {
  pages: number;
  references: number;
  /** One line per broken reference: "<page>: <tag>[<attr>]=<url> — <why>". */
  broken: string[];
  /** Pages (paths under the root) that no link from the start pages leads to. */
  unreachable: string[];
  /** "<page>: <id>" for every id used more than once on a page. */
  duplicateIds: string[];
}

const URL_ATTRS: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  source: ['src'],
  iframe: ['src'],
  form: ['action'],
  use: ['href', 'xlink:href'],
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea']);
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;

/**
 * Every start tag `<tag attr="value" …>` of the page, as a browser would tokenize it: comments are
 * skipped, and the insides of <script>, <style>, <title> and <textarea> (up to their first end tag)
 * are text, returned as `text`, never tags.
 */
export function* tags(html: string): Generator<{ name: string; attrs: Map<string, string>; text?: string }> {
  const token = new RegExp(TOKEN.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = token.exec(html))) {
    if (m[1] === undefined) continue; // a comment
    const name = m[1].toLowerCase();
    const attrs = new Map<string, string>();
    for (const a of m[2]!.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      attrs.set(a[1]!.toLowerCase(), decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
    }
    if (!RAW_TEXT.has(name)) {
      yield { name, attrs };
      continue;
    }
    const end = new RegExp(`</${name}[\\s/>]`, 'gi');
    end.lastIndex = token.lastIndex;
    const close = end.exec(html);
    const text = html.slice(token.lastIndex, close ? close.index : html.length);
    token.lastIndex = close ? close.index : html.length;
    yield { name, attrs, text };
  }
}

export function pageInfo(html: string, from: string): PageInfo {
  const ids = new Set<string>();
  const duplicateIds: string[] = [];
  const refs: Reference[] = [];
  for (const { name, attrs } of tags(html)) {
    const id = attrs.get('id');
    if (id !== undefined) {
      if (ids.has(id)) duplicateIds.push(id);
      ids.add(id);
    }
    if (name === 'a' && attrs.has('name')) ids.add(attrs.get('name')!);
    for (const attr of URL_ATTRS[name] ?? []) {
      const url = attrs.get(attr);
      if (url !== undefined) refs.push({ from, tag: name, attr, url });
    }
    const srcset = attrs.get('srcset');
    if (srcset) for (const part of srcset.split(',')) refs.push({ from, tag: name, attr: 'srcset', url: part.trim().split(/\s+/)[0]! });
  }
  return { ids, duplicateIds, refs };
}

export function listFiles(root: string, suffix: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(suffix)) out.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(root);
  return out;
}

/** The file (path under the root) a site path is served from, as the static server does; undefined if none. */
export function fileFor(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const rel = decoded.replace(/^\/+/, '');
  if (rel.split('/').includes('..')) return undefined;
  const path = join(root, rel);
  if (!existsSync(path)) return undefined;
  if (statSync(path).isDirectory()) {
    const index = join(path, 'index.html');
    return existsSync(index) ? relative(root, index).split(sep).join('/') : undefined;
  }
  return relative(root, path).split(sep).join('/');
}

/** The page URL of an HTML file: "a/b/index.html" → "/a/b/", "404.html" → "/404.html". */
export function urlOf(file: string): string {
  return file.endsWith('index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`;
}

export function checkLinks(root: string, siteOrigin: string, startPages: string[] = ['/']): LinkReport {
  const files = listFiles(root, '.html');
  const pages = new Map<string, PageInfo>();
  for (const file of files) pages.set(file, pageInfo(readFileSync(join(root, file), 'utf8'), file));
  const broken: string[] = [];
  const edges = new Map<string, Set<string>>();
  let references = 0;
  const base = 'http://site.invalid';
  for (const [file, info] of pages) {
    const out = new Set<string>();
    edges.set(file, out);
    for (const ref of info.refs) {
      references++;
      const where = `${ref.from}: <${ref.tag} ${ref.attr}="${ref.url}">`;
      let url: URL;
      try {
        url = new URL(ref.url, base + urlOf(file));
      } catch {
        broken.push(`${where} — not a URL`);
        continue;
      }
      if (url.protocol === 'javascript:') {
        broken.push(`${where} — javascript: URL`);
        continue;
      }
      const internal = url.origin === base || url.origin === siteOrigin;
      if (!internal) continue; // external links (vendor documentation, mailto:, data:) are not checked offline
      const target = fileFor(root, url.pathname);
      if (!target) {
        broken.push(`${where} — no file for ${url.pathname}`);
        continue;
      }
      if (target.endsWith('.html')) out.add(target);
      if (url.hash.length > 1) {
        const targetInfo = pages.get(target);
        let fragment = url.hash.slice(1);
        try {
          fragment = decodeURIComponent(fragment);
        } catch {
          /* keep it as written */
        }
        if (!targetInfo) broken.push(`${where} — #${fragment} on a file that is not a page`);
        else if (!targetInfo.ids.has(fragment)) broken.push(`${where} — ${target} has no id "${fragment}"`);
      }
    }
  }
  const reached = new Set<string>();
  const queue = startPages.map((p) => fileFor(root, p)).filter((f): f is string => f !== undefined);
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (reached.has(file)) continue;
    reached.add(file);
    for (const next of edges.get(file) ?? []) if (!reached.has(next)) queue.push(next);
  }
  const duplicateIds = [...pages].flatMap(([file, info]) => info.duplicateIds.map((id) => `${file}: ${id}`));
  return { pages: pages.size, references, broken, unreachable: files.filter((f) => !reached.has(f)), duplicateIds };
}
