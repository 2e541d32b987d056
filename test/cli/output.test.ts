/** What every command prints: --json, --lang zh, and colours only on a terminal. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANSI, bin, cleanEnv, cli } from '../support/cli.ts';

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
    expect(r.stdout).toMatch(/告诉用户 +这张照片中未检测到人脸/);
    expect(r.stdout).toContain('https://errors.example.org/zh-cn/baidu-face/222202/');
    const e = cli(['explain', '--lang', 'zh'], { input: '{"error_code": 110, "error_msg": "Access token invalid or no longer valid"}' });
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
