/**
 * The integration test with real HTTP: a server on 127.0.0.1 answers as the vendors do (their
 * envelopes, their failures), and the client of docs/integrating.md (its `vision-client.ts` block,
 * run by Node as an app would) calls it. Every path must end as it should: retry (Baidu 18), a 429
 * and a 503 with Retry-After (seconds, then an HTTP date), refresh-credentials (Baidu 111), poll and
 * recreate-task (a PicWish task that stays pending, then fails with -8), the no-entry fallback (a 502
 * HTML page), a fix-input that is not sent again, and retries that run out. The client's sleep is
 * injected (it records the delay and returns), so the whole run takes about a second.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runnableBlocks, writeBlocks } from './support/doc-blocks.ts';
import { realIndex } from './support/real-index.ts';

const index = realIndex();
const entry = (id: string) => index.entries.find((e) => e.id === id)!;
// PicWish -8 (processing timed out) calls for a new task, after a pause (issue 20's data).
const timedOut = entry('picwish/state/-8');

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;
const seen: Record<string, string[]> = {};
let calls: Record<string, number> = {};
const count = (key: string) => (calls[key] = (calls[key] ?? 0) + 1);
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

/** The vendors as the server imitates them, by path. */
const ROUTES: Record<string, Handler> = {
  // Baidu: errors in the body with HTTP 200, log_id on every response.
  '/baidu/qps': (_req, res) => {
    const n = count('qps');
    if (n <= 2) return json(res, 200, { error_code: 18, error_msg: 'Open api qps request limit reached', log_id: 1000 + n });
    json(res, 200, { error_code: 0, error_msg: 'SUCCESS', log_id: 1000 + n, result: { face_num: 1 } });
  },
  '/baidu/token': (_req, res, url) => {
    const token = url.searchParams.get('access_token') ?? '';
    (seen.tokens ??= []).push(token);
    if (token !== 'fresh') return json(res, 200, { error_code: 111, error_msg: 'Access token expired', log_id: 2001 });
    json(res, 200, { error_code: 0, error_msg: 'SUCCESS', log_id: 2002, result: { face_num: 1 } });
  },
  '/baidu/gateway': (_req, res) => {
    if (count('gateway') === 1) {
      res.writeHead(502, { 'content-type': 'text/html' });
      return res.end('<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>');
    }
    json(res, 200, { error_code: 0, error_msg: 'SUCCESS', log_id: 3002, result: { face_num: 1 } });
  },
  '/baidu/noface': (_req, res) => json(res, 200, { error_code: 222202, error_msg: 'pic not has face', log_id: 4000 + count('noface') }),
  '/baidu/busy': (_req, res) => json(res, 200, { error_code: 18, error_msg: 'Open api qps request limit reached', log_id: 5000 + count('busy') }),
  // G42 (Huawei Cloud's API Gateway): X-Request-Id on every response; a 429, then a 503, each with Retry-After.
  '/g42/tagging': (_req, res) => {
    const n = count('g42');
    const id = { 'x-request-id': `g42-req-${n}` };
    if (n === 1) return json(res, 429, { error_code: 'APIG.0308', error_msg: 'The request is throttled.' }, { ...id, 'retry-after': '2' });
    if (n === 2) {
      res.writeHead(503, { ...id, 'content-type': 'text/plain', 'retry-after': new Date(Date.now() + 3000).toUTCString() });
      return res.end('Service Unavailable');
    }
    json(res, 200, { result: { tags: [{ tag: 'person', confidence: '92.38' }] } }, id);
  },
  // PicWish: create a task, then poll it; the first task stays pending, then times out (-8).
  '/picwish/tasks': (req, res, url) => {
    if (req.method === 'POST') {
      const id = `task-${count('created')}`;
      return json(res, 200, { status: 200, data: { task_id: id } });
    }
    const id = url.searchParams.get('id')!;
    const n = count(id);
    if (id === 'task-1') return json(res, 200, { status: 200, data: { task_id: id, state: n <= 2 ? 2 : -8, ...(n > 2 ? { state_detail: 'timeout' } : {}) } });
    json(res, 200, { status: 200, data: { task_id: id, state: n <= 1 ? 2 : 1, ...(n > 1 ? { image: 'https://example.org/out.png' } : {}) } });
  },
};

let server: ReturnType<typeof createServer>;
let base = '';
const dir = mkdtempSync(join(tmpdir(), 'loopback-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = ROUTES[url.pathname];
    if (!route) return json(res, 404, { error: 'no such route' });
    req.resume();
    req.on('end', () => route(req, res, url));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** What the driver reports for one scenario. */
interface Outcome {
  ok: boolean;
  value?: Record<string, unknown>;
  error?: { name: string; isVisionApiError: boolean; action: string; exhausted?: string; requestId?: string; code?: string; vendor?: string };
  steps: { action: string; delayMs: number; delayFrom: string; basis: string; requestId?: string; entry?: string }[];
  sleeps: number[];
}

/** The app: the documentation's client, driven through every scenario by a plain Node script. */
const DRIVER = `
import { callVision } from './vision-client.ts';
import { isVisionApiError } from ${JSON.stringify(new URL('../src/core/index.ts', import.meta.url).href)};
const base = process.env.BASE;
let token = 'old';
async function scenario(call) {
  const steps = [];
  const sleeps = [];
  const sleep = async (ms) => { sleeps.push(ms); }; // time runs at scale 0: the delay is recorded, not waited
  const onStep = (s) => steps.push({ action: s.action, delayMs: s.delayMs, delayFrom: s.delayFrom, basis: s.basis, requestId: s.requestId, entry: s.entry?.id });
  try {
    return { ok: true, value: await callVision({ sleep, onStep, ...call }), steps, sleeps };
  } catch (e) {
    return { ok: false, error: { name: e.name, isVisionApiError: isVisionApiError(e), action: e.action, exhausted: e.step?.exhausted, requestId: e.requestId, code: e.code, vendor: e.vendor }, steps, sleeps };
  }
}
const post = (path) => () => fetch(base + path, { method: 'POST', body: '{}' });
const results = {
  qps: await scenario({ send: post('/baidu/qps') }),
  token: await scenario({ send: () => fetch(base + '/baidu/token?access_token=' + token, { method: 'POST' }), refreshCredentials: async () => { token = 'fresh'; } }),
  gateway: await scenario({ send: post('/baidu/gateway') }),
  noface: await scenario({ send: post('/baidu/noface') }),
  busy: await scenario({ send: post('/baidu/busy') }),
  g42: await scenario({ send: post('/g42/tagging'), vendor: 'g42-image' }),
  picwish: await scenario({ send: post('/picwish/tasks'), poll: (created) => fetch(base + '/picwish/tasks?id=' + created.data.task_id) }),
};
process.stdout.write(JSON.stringify(results));
`;

let results: Record<string, Outcome>;
let elapsed = 0;

beforeAll(async () => {
  const indexFile = join(dir, 'index.json');
  writeFileSync(indexFile, JSON.stringify(index));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  const client = runnableBlocks().filter((b) => b.name === 'vision-client.ts');
  expect(client, 'docs/integrating.md has the runnable block name=vision-client.ts').toHaveLength(1);
  writeBlocks(client, dir, indexFile);
  writeFileSync(join(dir, 'driver.mjs'), DRIVER);
  calls = {};
  const started = Date.now();
  const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', 'driver.mjs'], { cwd: dir, env: { ...process.env, BASE: base }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  elapsed = Date.now() - started;
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  results = JSON.parse(out.stdout) as Record<string, Outcome>;
});

/** The first delay of a policy, with jitter: half of base to all of it (n = 1), then doubling. */
const within = (ms: number, policy: { base_delay_s: number; max_delay_s: number }, n: number) => {
  const full = Math.min(policy.max_delay_s, policy.base_delay_s * 2 ** (n - 1)) * 1000;
  return ms >= full / 2 && ms <= full;
};

describe('the documented client against a loopback server imitating the vendors', () => {
  it('runs in bounded time (the sleeps are injected)', () => expect(elapsed).toBeLessThan(15_000));

  it('retry: Baidu 18 twice, with the policy\'s backoff and jitter, then the result; the log_id of every call', () => {
    const r = results.qps!;
    expect(r.ok).toBe(true);
    expect(r.value).toMatchObject({ error_code: 0, result: { face_num: 1 } });
    expect(r.steps.map((s) => [s.action, s.entry, s.requestId])).toEqual([
      ['retry', 'baidu-face/18', '1001'],
      ['retry', 'baidu-face/18', '1002'],
      ['none', undefined, '1003'],
    ]);
    const policy = entry('baidu-face/18').retry!;
    expect(r.sleeps).toHaveLength(2);
    expect(within(r.sleeps[0]!, policy, 1), String(r.sleeps[0])).toBe(true);
    expect(within(r.sleeps[1]!, policy, 2), String(r.sleeps[1])).toBe(true);
  });

  it('refresh-credentials: Baidu 111, a new token, the same request again', () => {
    const r = results.token!;
    expect(r.ok).toBe(true);
    expect(r.steps.map((s) => s.action)).toEqual(['refresh-credentials', 'none']);
    expect(seen.tokens).toEqual(['old', 'fresh']);
    expect(r.sleeps).toEqual([]);
  });

  it('no entry: a 502 HTML page is retried on its status, then the result', () => {
    const r = results.gateway!;
    expect(r.ok).toBe(true);
    expect(r.steps.map((s) => [s.action, s.basis])).toEqual([
      ['retry', 'http-status'],
      ['none', 'outcome'],
    ]);
    expect(within(r.sleeps[0]!, { base_delay_s: 1, max_delay_s: 20 }, 1)).toBe(true);
  });

  it('Retry-After: 2 seconds exactly, then an HTTP date (about 3 s ahead, to the second); the X-Request-Id header is the request id', () => {
    const r = results.g42!;
    expect(r.ok).toBe(true);
    expect(r.steps.map((s) => [s.action, s.delayFrom, s.requestId])).toEqual([
      ['retry', 'retry-after', 'g42-req-1'],
      ['retry', 'retry-after', 'g42-req-2'],
      ['none', 'none', 'g42-req-3'],
    ]);
    expect(r.sleeps[0]).toBe(2000);
    // An HTTP date has whole seconds: 3 s from the server's clock, cut to the second, read a moment later.
    expect(r.sleeps[1]).toBeGreaterThan(1000);
    expect(r.sleeps[1]).toBeLessThanOrEqual(3000);
  });

  it('poll, then recreate-task: the first PicWish task stays pending, then fails with -8; a new task succeeds', () => {
    const r = results.picwish!;
    expect(r.ok).toBe(true);
    expect(r.value).toMatchObject({ data: { task_id: 'task-2', state: 1 } });
    expect(r.steps.map((s) => [s.action, s.entry ?? s.basis, s.requestId])).toEqual([
      ['poll', 'outcome', 'task-1'],
      ['poll', 'picwish/state/2', 'task-1'],
      ['poll', 'picwish/state/2', 'task-1'],
      ['recreate-task', 'picwish/state/-8', 'task-1'],
      ['poll', 'outcome', 'task-2'],
      ['poll', 'picwish/state/2', 'task-2'],
      ['none', 'picwish/state/1', 'task-2'],
    ]);
    expect(calls.created).toBe(2);
    // Three polls, the pause before the new task (its policy counts tasks: this is the first), two polls.
    expect(timedOut.action).toBe('recreate-task');
    expect(r.sleeps).toHaveLength(6);
    expect(within(r.sleeps[3]!, timedOut.retry!, 1), String(r.sleeps[3])).toBe(true);
  });

  it('fix-input is not sent again: a VisionApiError with the entry, the request id and the action', () => {
    const r = results.noface!;
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ name: 'VisionApiError', isVisionApiError: true, action: 'fix-input', requestId: '4001', code: '222202', vendor: 'baidu-face' });
    expect(calls.noface).toBe(1);
    expect(r.steps).toHaveLength(1);
  });

  it("retries run out after the policy's max_attempts calls: contact-vendor, and the error says what ran out", () => {
    const r = results.busy!;
    const max = entry('baidu-face/18').retry!.max_attempts;
    expect(calls.busy).toBe(max);
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ action: 'contact-vendor', exhausted: 'retry', requestId: String(5000 + max) });
    expect(r.sleeps).toHaveLength(max - 1);
  });
});
