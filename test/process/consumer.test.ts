/**
 * The package as its consumers get it: `npm pack` (which runs prepack: build:lib and the package
 * data), then the tarball installed into an empty project, with no network (the package has no
 * dependencies): an ESM app, a CommonJS app, strict tsc consumers (nodenext and bundler resolution,
 * skipLibCheck off, no @types/node, one deliberate type error and three misspelt literals that must be
 * reported), the client of docs/integrating.md under strict tsc, and the CLI.
 * TypeScript comes from this project's own node_modules.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runnableBlocks } from '../support/doc-blocks.ts';

const root = join(import.meta.dirname, '..', '..');
const SITE = 'https://errors.example.org';
// npm is npm.cmd on Windows, which Node runs only through a shell.
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const shell = process.platform === 'win32';
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const work = mkdtempSync(join(tmpdir(), 'vision-consumer-'));
const dir = join(work, 'consumer');
let packed: string[] = [];

function run(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  // Colours and the locale's language (LANG, LC_ALL) would change the CLI's output.
  for (const name of ['FORCE_COLOR', 'LANG', 'LC_ALL', 'LC_MESSAGES']) delete env[name];
  return spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env, timeout: 60_000 });
}

beforeAll(() => {
  const out = execFileSync(npm, ['pack', '--json', '--pack-destination', work], {
    cwd: root,
    shell,
    encoding: 'utf8',
    env: { ...process.env, SITE_URL: SITE },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // npm prints the prepack scripts' output before its JSON report.
  const report = JSON.parse(out.slice(out.indexOf('\n[') + 1)) as { filename: string; files: { path: string }[] }[];
  packed = report[0]!.files.map((f) => f.path).sort();
  // An empty ESM project with the tarball installed (offline: nothing but the tarball is needed).
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
  execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', join(work, report[0]!.filename)], { cwd: dir, stdio: 'pipe', shell });
});

describe('the packed tarball', () => {
  it('holds the compiled library, its types, the data and the CLI; no TypeScript sources, no site code', () => {
    for (const path of ['package.json', 'README.md', 'LICENSE', 'DATA.md', 'bin/vision-errors.mjs', 'lib/core/index.js', 'lib/core/index.d.ts', 'lib/cli/main.js', 'lib/core/explain/i18n/en.json', 'lib/core/explain/i18n/zh-CN.json', 'lib/core/next-step/i18n/en.json', 'lib/core/next-step/i18n/zh-CN.json', 'lib/core/data-types.d.ts', 'lib/content/i18n/en.json', 'lib/content/i18n/zh-CN.json', 'lib/data/index.json', 'lib/data/vendors/baidu-face.json', 'lib/data/decisions/baidu-face.json', 'lib/json/decisions.d.ts', 'lib/data/schema.json', 'lib/data/search/manifest.json', 'lib/data/search/text/0.json'])
      expect(packed, path).toContain(path);
    expect(packed.filter((p) => p.startsWith('src/') || p.startsWith('data/') || p.startsWith('lib/node/') || (p.endsWith('.ts') && !p.endsWith('.d.ts')))).toEqual([]);
  });

  it('holds every file its README and DATA.md link to (npm shows the README; a reader follows its links into the package)', () => {
    const missing: string[] = [];
    for (const doc of ['README.md', 'DATA.md']) {
      const text = readFileSync(join(root, doc), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z][a-z+.-]*:/i.test(target!) || target!.startsWith('/')) continue;
        if (!packed.includes(target!.replace(/^\.\//, ''))) missing.push(`${doc} → ${target}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('its package.json carries no scripts (they need what is not shipped); the checkout keeps them', () => {
    const packedManifest = JSON.parse(readFileSync(join(dir, 'node_modules', 'vision-error-codes', 'package.json'), 'utf8'));
    expect(packedManifest.scripts).toBeUndefined();
    expect(packedManifest.exports['./decisions/*.json']).toBeDefined();
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(manifest.scripts.prepare).toBe('node scripts/build-lib.ts');
    expect(manifest.scripts.postpack).toBe('node scripts/pack-manifest.ts restore');
    expect(existsSync(join(root, '.package.json.prepack'))).toBe(false);
  });

  it('links to SITE_URL, never to localhost', () => {
    const data = join(dir, 'node_modules', 'vision-error-codes', 'lib', 'data');
    const texts = [join(data, 'index.json'), join(data, 'schema.json'), ...readdirSync(join(data, 'vendors')).map((n) => join(data, 'vendors', n))].map((f) => readFileSync(f, 'utf8'));
    for (const text of texts) expect(text).not.toMatch(/localhost|127\.0\.0\.1/);
    expect(JSON.parse(texts[0]!).entries[0].url.startsWith(`${SITE}/`)).toBe(true);
  });

  it('prepack refuses to write the package data without SITE_URL, or with a local one', () => {
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.prepack).toContain('node scripts/build-package-data.ts');
    for (const SITE_URL of ['', 'http://localhost:4321', 'http://127.0.0.1:8080', 'not a url']) {
      const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-package-data.ts')], { cwd: root, encoding: 'utf8', env: { ...process.env, SITE_URL } });
      expect(r.status, SITE_URL).toBe(1);
      expect(r.stderr, SITE_URL).toMatch(/^vision-error-codes: cannot pack: SITE_URL (is not set|is a local address|must be an absolute URL)/);
    }
  });
});

describe('consumers', () => {
  it('plain Node, ESM: the library with index.json, and with one vendor file', () => {
    writeFileSync(
      join(dir, 'app.js'),
      `
import { createLookup, explain, searchEntries } from 'vision-error-codes';
import index from 'vision-error-codes/index.json' with { type: 'json' };
import baidu from 'vision-error-codes/vendors/baidu-face.json' with { type: 'json' };
const kb = createLookup(index);
console.log(kb.find('ModelArts 4204').map((e) => e.id).join());
console.log(explain('{"error_code": 222202, "error_msg": "pic not has face"}', {}, baidu).entry.id);
console.log((await searchEntries(baidu, 'blurry face'))[0].id);
console.log((await searchEntries(index, 'token过期'))[0].id);
// explain's strings come with the library (lib/core/explain/i18n/): reasons and advice in both languages.
const unknown = explain('{"error_code": 999999}', {}, baidu);
console.log(unknown.reasonsZh[1], unknown.advice.zh.slice(0, 11), unknown.reasons[1]);
`,
    );
    const r = run(['app.js']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('g42-image/ModelArts.4204\nbaidu-face/222202\nbaidu-face/223114\nbaidu-face/111\n百度人脸识别的错误码表中没有 "999999"。 知识库中没有该错误码。 "999999" is not in Baidu Face\'s table.\n');
  });

  it('plain Node, ESM: explain → nextStep → VisionApiError, and the decision table with decide', () => {
    writeFileSync(
      join(dir, 'act.js'),
      `
import { createLookup, decide, explain, isVisionApiError, nextStep, VisionApiError } from 'vision-error-codes';
import index from 'vision-error-codes/index.json' with { type: 'json' };
import table from 'vision-error-codes/decisions/baidu-face.json' with { type: 'json' };
const res = new Response('{"error_code": 18, "error_msg": "Open api qps request limit reached", "log_id": 7}');
const text = await res.text();
const result = explain(text, { httpStatus: res.status, headers: res.headers }, createLookup(index));
const step = nextStep(result, { attempt: 1, random: () => 0 });
console.log(step.action, step.delayMs, step.requestId, step.reason.zh.length > 0);
const error = VisionApiError.from(result, { body: text, step });
console.log(isVisionApiError(error), error instanceof Error, error.message);
console.log(nextStep(decide(table, '{"error_code": 111, "log_id": 8}'), { attempt: 1 }).action);
`,
    );
    const r = run(['act.js']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('retry 500 7 true\ntrue true baidu-face 18: Open api qps request limit reached (next step: retry; request id 7)\nrefresh-credentials\n');
  });

  it('CommonJS: require() of the library and of the JSON', () => {
    writeFileSync(
      join(dir, 'app.cjs'),
      `
const { createLookup, normalizeCode } = require('vision-error-codes');
const index = require('vision-error-codes/index.json');
console.log(createLookup(index).lookup('picwish', '-8').id, normalizeCode(' ModelArts 4204 '));
`,
    );
    const r = run(['app.cjs']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('picwish/state/-8 modelarts.4204\n');
  });

  const consumerSource = `
import { createLookup, decide, explain, find, isVisionApiError, lookup, nextStep, searchEntries, VisionApiError, type Action, type ArtifactEntry, type CodeOf, type ExplainResult, type NextStep, type SearchEntriesOptions, type VendorId } from 'vision-error-codes';
import index from 'vision-error-codes/index.json' with { type: 'json' };
import baidu from 'vision-error-codes/vendors/baidu-face.json' with { type: 'json' };
import decisions from 'vision-error-codes/decisions/baidu-face.json' with { type: 'json' };

const kb = createLookup(index);
const entry: ArtifactEntry | undefined = kb.lookup('baidu-face', '222202');
const kind: 'error' | 'http-status' | 'task-state' | 'sdk-error' | undefined = entry?.kind;
const result: ExplainResult = explain('{}', { httpStatus: 429 }, baidu);
const retry: boolean | undefined = result.retryable;
const url: string = baidu.entries[0]!.url;
const options: SearchEntriesOptions = { vendor: 'baidu-face', limit: 5 };
const found: Promise<ArtifactEntry[]> = searchEntries(index, 'token过期', options);
export { kind, retry, url, found };
const wrong: number = entry?.message; // the deliberate error
// Types from the data: plain strings from a response pass, misspelt literals do not.
const body = JSON.parse('{"error_code": 222202}') as { error_code: number };
const fromResponse: string = String(body.error_code);
kb.lookup('baidu-face', body.error_code);
kb.lookup(fromResponse, fromResponse);
lookup(index, 'picwish', -8);
const v: VendorId = 'g42-image';
const c: CodeOf<'picwish', 'task-state'> = '-8';
const step: NextStep = nextStep(explain('{}', { headers: new Map([['x-request-id', 'r']]) }, kb), { attempt: 1 });
const action: Action = step.action;
const lite = nextStep(decide(decisions, '{"error_code": 18}'), { attempt: 2 }).entry?.code;
const caught: unknown = VisionApiError.from(result);
if (isVisionApiError(caught)) caught.entry?.meaning.en.toUpperCase();
export { v, c, action, lite };
kb.lookup('baidu-fcae', '222202'); // misspelt vendor
kb.lookup('baidu-face', '2222O2'); // misspelt code
find(index, 'ModelArts.42O4'); // no vendor has it
`;
  const lineOf = (text: string) => consumerSource.split('\n').findIndex((line) => line.includes(text)) + 1;
  const deliberateLine = lineOf('the deliberate error');
  const tsconfig = (module: string, moduleResolution: string) =>
    JSON.stringify({
      compilerOptions: { strict: true, skipLibCheck: false, noEmit: true, target: 'es2022', lib: ['es2022'], types: [], module, moduleResolution, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true },
      // The client of docs/integrating.md too, with the little of the platform's fetch API it uses.
      files: ['consumer.ts', 'vision-client.ts', 'web.d.ts'],
    });
  /** What vision-client.ts uses of fetch and timers, declared here: lib.dom is large, and the package needs none of it. */
  const WEB = `interface Headers { get(name: string): string | null }
interface Response { readonly status: number; readonly headers: Headers; text(): Promise<string> }
declare function setTimeout(callback: () => void, ms: number): unknown;
`;

  for (const [module, moduleResolution] of [['nodenext', 'nodenext'], ['esnext', 'bundler']] as const) {
    it(`strict tsc (${moduleResolution} resolution, skipLibCheck off): types without any package; only the deliberate errors; the documented client passes`, () => {
      writeFileSync(join(dir, 'consumer.ts'), consumerSource);
      const [client] = runnableBlocks(['docs/integrating.md']).filter((b) => b.name === 'vision-client.ts');
      writeFileSync(join(dir, 'vision-client.ts'), client!.code);
      writeFileSync(join(dir, 'web.d.ts'), WEB);
      writeFileSync(join(dir, `tsconfig.${moduleResolution}.json`), tsconfig(module, moduleResolution));
      const r = run([tsc, '-p', `tsconfig.${moduleResolution}.json`, '--pretty', 'false']);
      const errors = r.stdout.split('\n').filter((l) => l.includes('error TS'));
      expect(errors).toEqual([
        `consumer.ts(${deliberateLine},7): error TS2322: Type 'string | null | undefined' is not assignable to type 'number'.`,
        `consumer.ts(${lineOf('misspelt vendor')},11): error TS2345: Argument of type '"baidu-fcae"' is not assignable to parameter of type 'VendorId'.`,
        `consumer.ts(${lineOf('misspelt code')},25): error TS2345: Argument of type '"2222O2"' is not assignable to parameter of type 'CodeOf<"baidu-face", "error" | "http-status" | "task-state" | "sdk-error">'.`,
        `consumer.ts(${lineOf('no vendor has it')},13): error TS2345: Argument of type '"ModelArts.42O4"' is not assignable to parameter of type 'AnyCode | EntryId'.`,
      ]);
    });
  }



  it('the CLI from the installed package: what people paste, the next step, the locale', () => {
    const bin = join(dir, 'node_modules', 'vision-error-codes', 'bin', 'vision-errors.mjs');
    const pasted = run([bin, '{"error_code":18,"error_msg":"Open api qps request limit reached","log_id":99}']);
    expect(pasted.stderr).toBe('');
    expect(pasted.stdout).toMatch(/^ {2}Next step +retry: /m);
    expect(pasted.stdout).toMatch(/^ {2}Request id +99$/m);
    const zh = spawnSync(process.execPath, [bin, 'pic not has face'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'zh_CN.UTF-8', LC_ALL: '' } });
    expect(zh.stdout).toMatch(/^ {2}下一步 +fix-input：/m);
  });

  it('the CLI from the installed package: compiled, the packed data, its links', () => {
    const bin = join(dir, 'node_modules', 'vision-error-codes', 'bin', 'vision-errors.mjs');
    const r = run([bin, '222202']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^baidu-face\/222202 {2}Baidu Face · Error code$/m);
    expect(r.stdout).toContain(`${SITE}/baidu-face/222202/`);
    // A search reads the packed search files (lib/data/search/), which are of the packed data.
    const search = run([bin, 'search', 'blurry face']);
    expect(search.status, search.stderr).toBe(0);
    expect(search.stdout.split('\n')[0]).toMatch(/^ {2}ailabtools\/ERROR_BLURRY_FACE /);
    const manifest = JSON.parse(readFileSync(join(dir, 'node_modules', 'vision-error-codes', 'lib', 'data', 'search', 'manifest.json'), 'utf8'));
    const index = JSON.parse(readFileSync(join(dir, 'node_modules', 'vision-error-codes', 'lib', 'data', 'index.json'), 'utf8'));
    expect(manifest.data_version).toBe(index.data_version);
    const version = run([bin, '--version']);
    expect(version.stdout).toMatch(/^vision-errors \d+\.\d+\.\d+ \(artifact 1\.\d+\.\d+, data [0-9a-f]{16}, \d+ entries\)\n$/);
  });

  it('the launcher, engines and README name the same oldest Node', () => {
    const engines = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node as string;
    const [, major, minor] = /^>=(\d+)\.(\d+)\.0$/.exec(engines)!;
    expect(readFileSync(join(root, 'bin', 'vision-errors.mjs'), 'utf8')).toContain(`const MINIMUM = [${major}, ${minor}];`);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(`needs Node.js ≥ ${major}.${minor}`);
  });

  // An installed CLI on a Node older than engines allows (here: Debian's Node 20, when present) says so.
  const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => existsSync(p));
  const old = systemNode ? Number(spawnSync(systemNode, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout) < 22 : false;
  it.skipIf(!old)('the installed CLI on an older Node says which Node it needs (exit 2)', () => {
    const r = spawnSync(systemNode!, [join(dir, 'node_modules', 'vision-error-codes', 'bin', 'vision-errors.mjs'), '222202'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^vision-errors needs Node\.js 22\.12 or newer; this is Node v\d+/);
  });
});
