/**
 * The vision-errors CLI as a child process (through its launcher, bin/vision-errors.mjs, which runs
 * the compiled lib/cli/main.js: npm test runs build:lib first): output,
 * --json, --lang zh, colours only on a terminal, and exit statuses (0 found, 1 not found, 2 usage).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../src/node/data-files.ts';
import { buildArtifactForSite } from '../src/node/artifact-files.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'vision-errors.mjs');
const indexFile = join(mkdtempSync(join(tmpdir(), 'cli-index-')), 'index.json');
writeFileSync(indexFile, buildArtifactForSite(loadKnowledgeBase(), 'https://errors.example.org').files.get('index.json')!);

/** Variables that change colours or data. Node reads CI and the terminal's variables for the colour depth
 * (with CI set and no known provider it says two colours, so none), so a CI runner must not leak them in. */
const COLOUR_AND_DATA_VARIABLES = ['NO_COLOR', 'FORCE_COLOR', 'NODE_DISABLE_COLORS', 'TERM', 'COLORTERM', 'TERM_PROGRAM', 'TMUX', 'CI', 'KB_DATA_DIR', 'VISION_ERRORS_INDEX'];

/** The environment without anything that changes colours or data. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of COLOUR_AND_DATA_VARIABLES) delete env[key];
  return { ...env, VISION_ERRORS_INDEX: indexFile, ...extra };
}

function cli(args: string[], options: { input?: string; env?: Record<string, string>; node?: string } = {}): SpawnSyncReturns<string> {
  return spawnSync(options.node ?? process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    input: options.input ?? '',
    env: cleanEnv(options.env),
    timeout: 60_000,
  });
}

const ANSI = /\u001b\[/;

describe('find', () => {
  it('vision-errors 222202 prints the entry and exits 0', () => {
    const r = cli(['222202']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^baidu-face\/222202 {2}Baidu Face · Error code$/m);
    expect(r.stdout).toContain('pic not has face');
    expect(r.stdout).toContain('What to do');
    expect(r.stdout).toContain('https://errors.example.org/baidu-face/222202/');
    expect(r.stdout).not.toMatch(ANSI);
  });

  it('accepts other spellings and lists every vendor that has the code', () => {
    expect(cli(['ModelArts 4204']).stdout).toContain('g42-image/ModelArts.4204');
    expect(cli(['find', 'modelarts.4204']).stdout).toContain('g42-image/ModelArts.4204');
    const r = cli(['400']);
    expect(r.status).toBe(0);
    expect(r.stdout.match(/^\S+\/\S+ {2}/gm)).toEqual(['g42-image/http/400  ', 'picwish/http/400  ', 'softsugar/400  ']);
  });

  it('exits 1 when nothing is found', () => {
    const r = cli(['no-such-code']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Nothing found for "no-such-code"');
  });
});

describe('lookup', () => {
  it('one vendor’s entry; negative PicWish states need no --', () => {
    expect(cli(['lookup', 'baidu-face', '222202']).stdout).toMatch(/^baidu-face\/222202 /);
    const state = cli(['lookup', 'picwish', '-8']);
    expect(state.status).toBe(0);
    expect(state.stdout).toMatch(/^picwish\/state\/-8 {2}PicWish · Task state · Failure$/m);
    expect(cli(['lookup', 'picwish', '429', '--kind', 'http-status']).stdout).toMatch(/^picwish\/http\/429 /);
    expect(cli(['lookup', 'baidu', '222202']).stdout).toMatch(/^baidu-face\/222202 /);
  });

  it('exits 1 for an unknown code, 2 for an unknown vendor or kind', () => {
    expect(cli(['lookup', 'baidu-face', '999999']).status).toBe(1);
    const vendor = cli(['lookup', 'nobody', '1']);
    expect(vendor.status).toBe(2);
    expect(vendor.stderr).toContain('unknown vendor "nobody"; the vendors are ailabtools, baidu-face, g42-image, picwish, softsugar');
    expect(cli(['lookup', 'picwish', '1', '--kind', 'bogus']).status).toBe(2);
    expect(cli(['lookup', 'picwish']).status).toBe(2);
  });
});

describe('explain', () => {
  const baidu = '{"error_code": 110, "error_msg": "Access token invalid or no longer valid", "log_id": 3584051565}';

  it('reads the body from stdin and explains it', () => {
    const r = cli(['explain'], { input: baidu });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Outcome: Failure · Baidu Face$/m);
    expect(r.stdout).toMatch(/^baidu-face\/110 /m);
    expect(r.stdout).toContain('How this was decided');
  });

  it('takes --status and --vendor, or a file', () => {
    const body = '{"error_code": 422, "error_detail": {"status_code": 422, "code": "ERROR_NO_FACE_IN_FILE", "code_message": "No face detected in the file.", "message": "pic not has face"}}';
    const r = cli(['explain', '--status', '422', '--vendor', 'ailabtools'], { input: body });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ailabtools\/ERROR_NO_FACE_IN_FILE /m);
    expect(r.stdout).toContain('Candidates');
    expect(r.stdout).toContain('baidu-face/222202');
    const file = cli(['explain', join(root, 'test', 'fixtures', 'bodies', 'picwish', 'timeout.json')]);
    expect(file.status).toBe(0);
    expect(file.stdout).toMatch(/^picwish\/state\/-8 /m);
    expect(cli(['explain', '--status', '429', '--vendor', 'picwish']).stdout).toMatch(/^picwish\/http\/429 /m);
  });

  it('exits 1 when it cannot explain, 2 for a bad status, vendor or file', () => {
    const r = cli(['explain'], { input: 'this is not a response' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^Outcome: Undecided$/m);
    expect(cli(['explain', '--status', '1000'], { input: baidu }).status).toBe(2);
    expect(cli(['explain', '--status', 'abc'], { input: baidu }).status).toBe(2);
    expect(cli(['explain', '--vendor', 'nobody'], { input: baidu }).status).toBe(2);
    expect(cli(['explain', join(root, 'no-such-file.json')]).status).toBe(2);
    expect(cli(['explain', 'a.json', 'b.json']).status).toBe(2);
  });

  it('never crashes on hostile input', () => {
    for (const input of ['{', '['.repeat(100_000), '{"__proto__": {"polluted": 1}}', 'x'.repeat(2_000_000), '\u0000\uD800']) {
      const r = cli(['explain'], { input });
      expect([0, 1]).toContain(r.status);
      expect(r.stderr).toBe('');
    }
  });
});

describe('search', () => {
  it('lists matching entries, one a line', () => {
    const r = cli(['search', 'blurry face']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^ {2}ailabtools\/ERROR_BLURRY_FACE {2}Blurry face\.$/);
    expect(r.stdout).toContain('baidu-face/223114');
    expect(cli(['search', 'blurry', 'face']).stdout).toBe(r.stdout);
    expect(cli(['search', 'face', '--limit', '2']).stdout.trim().split('\n')).toHaveLength(2);
    expect(cli(['search', 'zzzzqqqxx']).status).toBe(1);
  });

  it("uses the site's engine: mixed scripts, synonyms of the data, the vendor filter", () => {
    expect(cli(['search', 'token过期']).stdout.split('\n')[0]).toMatch(/^ {2}baidu-face\/111 /);
    expect(cli(['search', '余额不足']).stdout.split('\n')[0]).toMatch(/^ {2}ailabtools\/ERROR_NOT_ENOUGH_CREDITS /);
    const picwish = cli(['search', 'rate', '--vendor', 'picwish']).stdout.split('\n').filter(Boolean);
    expect(picwish.length).toBeGreaterThan(0);
    for (const line of picwish) expect(line).toMatch(/^ {2}picwish\//);
  });
});

describe('--json', () => {
  it('every command prints parseable JSON', () => {
    const find = JSON.parse(cli(['222202', '--json']).stdout);
    expect(find.query).toBe('222202');
    expect(find.entries.map((e: { id: string }) => e.id)).toEqual(['baidu-face/222202']);
    const lookup = JSON.parse(cli(['lookup', 'picwish', '-8', '--json']).stdout);
    expect(lookup.entry.id).toBe('picwish/state/-8');
    const missing = cli(['lookup', 'picwish', '-99', '--json']);
    expect(missing.status).toBe(1);
    expect(JSON.parse(missing.stdout).entry).toBeNull();
    const explained = JSON.parse(cli(['explain', '--json'], { input: '{"code": 89999999, "message": "Your access is too frequent, please try again later", "data": null}' }).stdout);
    expect(explained).toMatchObject({ outcome: 'failure', vendor: 'softsugar', retryable: true, code: '89999999' });
    expect(explained.entry.id).toBe('softsugar/89999999');
    expect(explained.reasons.length).toBe(explained.reasonsZh.length);
    const search = JSON.parse(cli(['search', 'blurry face', '--json']).stdout);
    expect(search.entries[0].id).toBe('ailabtools/ERROR_BLURRY_FACE');
    const vendors = JSON.parse(cli(['vendors', '--json']).stdout);
    expect(vendors.map((v: { id: string }) => v.id)).toEqual(['ailabtools', 'baidu-face', 'g42-image', 'picwish', 'softsugar']);
  });
});

describe('--lang zh', () => {
  it('gives Chinese labels, meanings, remedies and reasons', () => {
    const r = cli(['222202', '--lang', 'zh']);
    expect(r.stdout).toMatch(/^baidu-face\/222202 {2}百度人脸识别 · 错误码$/m);
    expect(r.stdout).toMatch(/含义 +图片中没有人脸/);
    expect(r.stdout).toMatch(/处理方法 +使用一张人脸清晰可见的照片/);
    expect(r.stdout).toMatch(/厂商的建议 +检查图片质量/);
    expect(r.stdout).toMatch(/告诉用户 +我们在您的照片中没有找到人脸/);
    expect(r.stdout).toContain('https://errors.example.org/zh-cn/baidu-face/222202/');
    const e = cli(['explain', '--lang', 'zh'], { input: '{"error_code": 110}' });
    expect(e.stdout).toMatch(/^调用结果：失败 · 百度人脸识别$/m);
    expect(e.stdout).toContain('判断依据');
    expect(e.stdout).toContain('是百度人脸识别的错误码');
    expect(cli(['search', '人脸模糊', '--lang', 'zh']).stdout).toContain('baidu-face/223114');
    expect(cli(['222202', '--lang', 'fr']).status).toBe(2);
  });
});

describe('colour', () => {
  it('none when stdout is not a terminal', () => {
    for (const args of [['222202'], ['search', 'face'], ['lookup', 'picwish', '-8']]) expect(cli(args).stdout).not.toMatch(ANSI);
    expect(cli(['explain'], { input: '{"error_code": 110}' }).stdout).not.toMatch(ANSI);
  });

  it('FORCE_COLOR forces them through a pipe (node:util styleText decides), but not into --json or past --no-color', () => {
    expect(cli(['222202'], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(ANSI);
    expect(cli(['222202', '--json'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(ANSI);
    expect(cli(['222202', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(ANSI);
  });

  // `script` gives the CLI a terminal: colours then, unless NO_COLOR, TERM=dumb or --no-color.
  const script = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));
  it.skipIf(!script)('on a terminal, unless NO_COLOR is set, TERM is dumb or --no-color is given', () => {
    const onTty = (args: string, env: Record<string, string> = {}) =>
      spawnSync(script!, ['-qec', `"${process.execPath}" "${bin}" ${args}`, '/dev/null'], {
        encoding: 'utf8',
        env: cleanEnv({ TERM: 'xterm-256color', ...env }),
        timeout: 60_000,
      }).stdout;
    expect(onTty('222202')).toMatch(ANSI);
    expect(onTty('222202', { NO_COLOR: '1' })).not.toMatch(ANSI);
    expect(onTty('222202', { TERM: 'dumb' })).not.toMatch(ANSI);
    expect(onTty('222202 --no-color')).not.toMatch(ANSI);
    expect(onTty('222202 --json')).not.toMatch(ANSI);
  });
});

describe('usage', () => {
  it('--help shows the commands and examples; --version the tool and data versions', () => {
    const help = cli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Examples:');
    for (const command of ['lookup <vendor> <code>', 'explain [file]', 'search <words…>', '--json', '--lang en|zh']) expect(help.stdout).toContain(command);
    expect(cli(['help']).stdout).toBe(help.stdout);
    expect(cli(['-v']).stdout).toMatch(/^vision-errors \d+\.\d+\.\d+ \(artifact 1\.\d+\.\d+, data [0-9a-f]{16}, 602 entries\)\n$/);
  });

  it('usage errors exit 2 and point to --help', () => {
    for (const args of [[], ['--bogus'], ['find'], ['find', 'a', 'b'], ['222202', '--status', '400'], ['search'], ['search', 'x', '--limit', '0'], ['vendors', 'x']]) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain('vision-errors --help');
      expect(r.stdout, args.join(' ')).toBe('');
    }
  });
});

describe('data', () => {
  it('builds the artifact in memory from a data folder ($KB_DATA_DIR)', () => {
    const r = spawnSync(process.execPath, [bin, '222202'], { cwd: root, encoding: 'utf8', env: { ...cleanEnv(), VISION_ERRORS_INDEX: '', KB_DATA_DIR: join(root, 'data') }, timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('baidu-face/222202');
  });

  it('a missing or broken index file is a clear error (exit 2)', () => {
    const missing = cli(['222202', '--index', join(root, 'no-such-index.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read');
    const broken = join(mkdtempSync(join(tmpdir(), 'cli-broken-')), 'index.json');
    writeFileSync(broken, '{"entries": 1}');
    expect(cli(['222202', '--index', broken]).stderr).toContain(': not an index.json of the knowledge base: entries is a number, expected a list of entries');
  });

  // A system Node without type stripping (e.g. Debian's Node 20) still runs the CLI in a checkout:
  // the launcher hands over to the project's own Node (the `node` dev dependency).
  const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => existsSync(p));
  const old = systemNode ? Number(spawnSync(systemNode, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout) < 22 : false;
  it.skipIf(!old)('the launcher runs on an older system Node through the project’s Node', () => {
    const r = cli(['222202'], { node: systemNode! });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('baidu-face/222202');
  });
});
