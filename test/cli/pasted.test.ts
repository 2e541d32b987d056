/**
 * `vision-errors <what people paste>`: a code, a message, a body (argument or stdin), words; the next
 * step with the request id; the locale's language; a closed pipe.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { langOf } from '../../src/cli/args.ts';
import { bin, cleanEnv, cli, root } from '../support/cli.ts';

describe('the default command', () => {
  it('a pasted message finds its entry and says the next step', () => {
    const r = cli(['pic not has face']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^baidu-face\/222202 {2}Baidu Face · Error code$/m);
    expect(r.stdout).toMatch(/^ {2}Next step +fix-input: ask the end user for something different$/m);
    // Unquoted, the words arrive one by one: the same answer.
    expect(cli(['pic', 'not', 'has', 'face']).stdout).toBe(r.stdout);
  });

  it('a pasted body (argument or stdin) is explained, with the next step and the request id', () => {
    const body = '{"error_code":18,"error_msg":"Open api qps request limit reached","log_id":3141592653}';
    for (const r of [cli([body]), cli([], { input: body }), cli(['-'], { input: body })]) {
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^Outcome: Failure · Baidu Face$/m);
      expect(r.stdout).toMatch(/^ {2}Next step +retry: send the same request again; in 0\.5–1 s; 4 more calls allowed$/m);
      expect(r.stdout).toMatch(/^ {2}Request id +3141592653$/m);
    }
    const json = JSON.parse(cli([body, '--json']).stdout);
    expect(JSON.parse(cli(['ModelArts.4204', '--json']).stdout)).toMatchObject({ answer: 'find', query: 'ModelArts.4204' });
    expect(json).toMatchObject({ answer: 'explain', requestId: '3141592653', nextStep: { action: 'retry', attemptsLeft: 4, requestId: '3141592653', delayFrom: 'policy' } });
  });

  it('an HTML error page with its status: no entry, so the status decides', () => {
    const r = cli(['--status', '502', '--vendor', 'baidu-face'], { input: '<html><h1>502 Bad Gateway</h1></html>' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^ {2}Next step +retry: send the same request again; in 0\.5–1 s; 2 more calls allowed$/m);
    expect(r.stdout).toContain('HTTP 502 is transient');
  });

  it('a code is looked up at every vendor; words are searched; nonsense is not found', () => {
    expect(cli(['ModelArts 4204']).stdout).toMatch(/^ {2}Next step +fix-account: /m);
    expect(cli(['18']).stdout).toMatch(/^ {2}Next step +retry: send the same request again \(up to \d+ calls, [\d.–]+ s before the second, doubling up to \d+ s; or as Retry-After says\)$/m);
    const words = cli(['token expired']);
    expect(words.status).toBe(0);
    expect(words.stdout).toMatch(/^No code, message or body matches; entries with these words:\n {2}baidu-face\/111 /);
    const none = cli(['zzzzqqqxx']);
    expect([none.status, none.stdout, none.stderr]).toEqual([1, '', 'Nothing found for "zzzzqqqxx"\n']);
  });

  it('LANG and LC_ALL choose Chinese (LC_ALL first, then LC_MESSAGES, then LANG; --lang over all)', () => {
    expect(cli(['110'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout).toMatch(/^ {2}下一步 +refresh-credentials：获取新的令牌或签名后重发$/m);
    expect(cli(['110', '--lang', 'en'], { env: { LC_ALL: 'zh_CN.UTF-8' } }).stdout).toMatch(/^ {2}Next step +refresh-credentials: /m);
    const cases: [Record<string, string>, string][] = [
      [{ LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' }, 'zh'],
      [{ LC_ALL: 'C.UTF-8', LANG: 'zh_CN.UTF-8' }, 'en'],
      [{ LC_MESSAGES: 'zh_CN', LANG: 'en_GB' }, 'zh'],
      [{ LC_ALL: '', LANG: 'zh' }, 'zh'],
      [{ LANG: 'fr_FR.UTF-8' }, 'en'],
      [{ LANG: 'zu_ZA' }, 'en'],
      [{}, 'en'],
    ];
    for (const [env, lang] of cases) expect(langOf({}, env), JSON.stringify(env)).toBe(lang);
    expect(langOf({ lang: 'en' }, { LC_ALL: 'zh_CN.UTF-8' })).toBe('en');
  });

  it('a closed pipe ends it quietly (search face --limit 500 --json | head -1)', async () => {
    const child = spawn(process.execPath, [bin, 'search', 'face', '--limit', '500', '--json'], { cwd: root, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Read the first chunk, then close the pipe, as head does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
