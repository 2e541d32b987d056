/**
 * `npm run dev` with live data: saving a data file updates the pages on the next load, a new code
 * gets its page without a restart, and invalid data fails the page and prints the validator's
 * file:line:column message in the terminal. The JSON artifact (/api/v1/) and the search index
 * (/search-index/v1/) are served from the same in-memory data and follow the same edits, even one
 * that keeps the file's size and puts its time stamp back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editKeepingSizeAndTime } from '../support/same-size-edit.ts';
import { buildEnv } from '../support/build-env.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'kb-dev-'));
const data = join(work, 'data');
const baidu = join(data, 'vendors/baidu-face.yaml');
let base = '';
let server: ChildProcess;
let log = '';

async function get(path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(base + path);
  return { status: response.status, text: await response.text() };
}

/** Polls until `check` passes: the file watcher and the reload take a moment. */
async function eventually(path: string, check: (r: { status: number; text: string }) => boolean, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  let last = { status: 0, text: '' };
  while (Date.now() < until) {
    last = await get(path).catch(() => last);
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${path} never passed the check; last status ${last.status}; server log:\n${log.slice(-3000)}`);
}

/** The environment of `npm run dev`, without vitest's own variables (NODE_ENV=test and VITEST make Astro serve nothing). */
const devEnv = () => buildEnv({ KB_DATA_DIR: data, NO_COLOR: '1' });

/** A port nobody listens on now (the system picks it), so a second run or another server never collides. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  cpSync(join(root, 'data'), data, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: root,
    env: devEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => (log += chunk));
  server.stderr!.on('data', (chunk) => (log += chunk));
  await eventually('/baidu-face/222202/', (r) => r.status === 200, 120_000);
}, 180_000);

afterAll(() => {
  server?.kill();
  rmSync(work, { recursive: true, force: true });
});

describe('the dev server', () => {
  it('shows an edited entry, and a new code, without a restart', async () => {
    expect((await get('/baidu-face/222202/')).text).toContain('There is no face in the image.');
    expect((await get('/baidu-face/999999/')).status).toBe(404);

    writeFileSync(baidu, readFileSync(baidu, 'utf8').replace('en: There is no face in the image.', 'en: There is no face in the picture (edited).'));
    appendFileSync(
      baidu,
      [
        '',
        '  - kind: error',
        '    code: "999999"',
        '    http_status: null',
        "    message: 'a code added while the dev server runs'",
        '    meaning: { en: A code added while the dev server runs., zh: 开发服务器运行时新增的错误码。, vendor_text: none }',
        '    remedy: { en: Nothing to do., zh: 无需处理。, vendor_text: none }',
        '    end_user_message: { en: Please upload a photo with your face in it., zh: 请上传一张有您面部的照片。 }',
        '    category: no-face',
        '    retryable: false',
        '',
      ].join('\n'),
    );
    await eventually('/baidu-face/222202/', (r) => r.text.includes('There is no face in the picture (edited).'));
    const added = await eventually('/baidu-face/999999/', (r) => r.status === 200);
    expect(added.text).toContain('a code added while the dev server runs');
  }, 90_000);

  it('serves the artifact, the search index and the Explain page\'s data from the data, and follows edits', async () => {
    const index = await eventually('/api/v1/index.json', (r) => r.status === 200);
    const entries = JSON.parse(index.text).entries as { id: string; meaning: { en: string } }[];
    expect(entries.find((e) => e.id === 'baidu-face/222202')?.meaning.en).toBe('There is no face in the picture (edited).');
    expect(entries.some((e) => e.id === 'baidu-face/999999')).toBe(true);
    expect(JSON.parse((await get('/api/v1/baidu-face/999999.json')).text).entry.message).toBe('a code added while the dev server runs');
    expect((await get('/api/v1/baidu-face/nothing-here.json')).status).toBe(404);
    const manifest = JSON.parse((await eventually('/search-index/v1/manifest.json', (r) => r.status === 200)).text);
    expect(manifest.docs).toBe(entries.length);
    expect((await get('/search-index/v1/templates.json')).status).toBe(200);
    // The Explain page's data, with the entry added while it runs.
    expect(JSON.parse((await get('/explain-index/v1/vendors.json')).text).vendors.length).toBeGreaterThan(0);
    const shard = JSON.parse((await get('/explain-index/v1/en/baidu-face.json')).text) as { entries: { code: string; meaning: string }[] };
    expect(shard.entries.find((e) => e.code === '999999')).toBeDefined();
    expect(shard.entries.find((e) => e.code === '222202')?.meaning).toBe('There is no face in the picture (edited).');

    // Same size, time stamp put back: only the content says it changed.
    editKeepingSizeAndTime(baidu, 'in the picture (edited).', 'in the PICTURE (edited).');
    const after = await eventually('/api/v1/baidu-face/222202.json', (r) => r.text.includes('in the PICTURE (edited).'));
    expect(after.status).toBe(200);
    expect((await get('/baidu-face/222202/')).text).toContain('in the PICTURE (edited).');
  }, 90_000);

  it('shows the validator message when the data is broken', async () => {
    const text = readFileSync(baidu, 'utf8');
    const broken = text.replace(/(code: "999999"[\s\S]*?retryable: )false/, '$1maybe');
    writeFileSync(baidu, broken);
    const line = broken.split('\n').findIndex((l) => l.includes('retryable: maybe')) + 1;
    const r = await eventually('/baidu-face/222202/', (r) => r.status === 500);
    // The page names the error (Astro's overlay shows it); the terminal prints every problem.
    expect(r.text).toContain('<title>DataValidationError</title>');
    // One error, one message: the groups file's links to baidu-face entries are not reported too (issue 25).
    const api = await get('/api/v1/index.json');
    expect(api.status).toBe(500);
    expect(api.text.split('\n')).toEqual(['1 problem in the data:', expect.stringMatching(new RegExp(`baidu-face\\.yaml:${line}:16 entries\\[\\d+\\]\\.retryable: expected boolean, got string$`))]);
    expect(log).toMatch(new RegExp(`baidu-face\\.yaml:${line}:16 entries\\[\\d+\\]\\.retryable: expected boolean, got string`));
  }, 90_000);
});
