/**
 * A minimal static file server over dist/ for the browser tests: directory URLs serve index.html,
 * unknown paths serve 404.html with status 404, and nothing outside the root is ever read.
 */
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

export interface StaticServer {
  url: string;
  close(): Promise<void>;
  /** Bytes sent per request path, for weight measurements. */
  sent: Map<string, number>;
}

export async function serveDir(root: string, headers: Record<string, string> = {}): Promise<StaticServer> {
  const sent = new Map<string, number>();
  const server: Server = createServer(async (req, res) => {
    const send = (status: number, body: Buffer, type: string) => {
      sent.set(req.url ?? '', (sent.get(req.url ?? '') ?? 0) + body.length);
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
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
