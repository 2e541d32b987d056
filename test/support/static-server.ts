/**
 * A minimal static file server over dist/ for the browser tests: directory URLs serve index.html,
 * unknown paths serve 404.html with status 404, and nothing outside the root is ever read. It sends
 * the headers the site's own `_headers` file asks hosts for (public/_headers), as Netlify or
 * Cloudflare Pages would: with its caching, a page visited after another reuses the hashed CSS and
 * scripts instead of fetching and compiling them again (about a sixth of the browser tests' CPU).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** A rule of a `_headers` file: a path pattern (`*` matches anything) and the headers it adds. */
interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/** Reads `_headers` (Netlify's format: a path line, then indented `Name: value` lines; `#` comments). */
export function readHeaderRules(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim() || line.trimStart().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      const escaped = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*');
      rules.push({ pattern: new RegExp(`^${escaped}$`), headers: [] });
      return;
    }
    const header = /^\s+([\w-]+):\s*(.+)$/.exec(line);
    if (!header || rules.length === 0) throw new Error(`_headers:${i + 1}: neither a path nor a "Name: value" line under one: ${JSON.stringify(line)}`);
    rules[rules.length - 1]!.headers.push([header[1]!.toLowerCase(), header[2]!.trim()]);
  });
  return rules;
}

/** The headers the rules give a path (a later rule's value of a header replaces an earlier one's). */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) if (rule.pattern.test(pathname)) for (const [name, value] of rule.headers) out[name] = value;
  return out;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
  /** Bytes sent per request path, for weight measurements. */
  sent: Map<string, number>;
}

/** A test's own file served beside the site (axe-core for the accessibility tests), cached as immutable. */
export interface ExtraFile {
  body: string;
  type: string;
}

/**
 * `siteHeaders: false` sends no header of `_headers`: bench:search serves our engine and Pagefind's
 * the same way (Pagefind's files have no rule there), as every earlier run of it did. `extra`: files
 * by path that are not the site's; a path of the site is never shadowed (the server refuses to start).
 */
export async function serveDir(root: string, headers: Record<string, string> = {}, { siteHeaders = true, extra = {} as Record<string, ExtraFile> } = {}): Promise<StaticServer> {
  for (const path of Object.keys(extra)) {
    if (await stat(join(root, path)).catch(() => undefined)) throw new Error(`serveDir: ${path} is a file of ${root}; a test's own file must not shadow it`);
  }
  const sent = new Map<string, number>();
  let rules: HeaderRule[] = [];
  try {
    if (siteHeaders) rules = readHeaderRules(readFileSync(join(root, '_headers'), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const server: Server = createServer(async (req, res) => {
    let pathname = '/';
    const send = (status: number, body: Buffer, type: string, own?: Record<string, string>) => {
      sent.set(req.url ?? '', (sent.get(req.url ?? '') ?? 0) + body.length);
      // A host applies _headers to what it serves, not to its error pages.
      res.writeHead(status, { 'content-type': type, ...(own ?? (status === 200 ? headersFor(rules, pathname) : {})), ...headers });
      res.end(body);
    };
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const own = Object.hasOwn(extra, pathname) ? extra[pathname] : undefined;
      // Cached like the site's hashed assets: Chromium keeps the compiled script for the next page.
      if (own) return send(200, Buffer.from(own.body), own.type, { 'cache-control': 'public, max-age=31536000, immutable' });
      const target = normalize(join(root, pathname));
      if (target !== root && !target.startsWith(root + sep)) return send(403, Buffer.from('forbidden'), 'text/plain');
      let file = target;
      const info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => undefined);
      if (body) return send(200, body, TYPES[extname(file)] ?? 'application/octet-stream');
      return send(404, await readFile(join(root, '404.html')).catch(() => Buffer.from('not found')), 'text/html; charset=utf-8');
    } catch {
      return send(400, Buffer.from('bad request'), 'text/plain');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
