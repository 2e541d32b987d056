/**
 * explain's reasons as keys with parameters: every key explain can give is in both of explain's
 * translation files (src/core/explain/i18n/) with the same placeholders, every key in the files is
 * one explain gives (its advice too), the rendered
 * reasons and reasonsZh are the keys rendered, and rendering puts vendor names in the reader's
 * language without touching the text of the body it quotes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../src/core/explain/i18n/en.json' with { type: 'json' };
import zh from '../../src/core/explain/i18n/zh-CN.json' with { type: 'json' };
import { ADVICE_NAMES, advice } from '../../src/core/explain/advice.ts';
import { createLookup, type ArtifactIndex } from '../../src/core/lookup.ts';
import { explain, EXPLAIN_LIMITS, renderReason, type ExplainReason } from '../../src/core/explain.ts';
import { realIndex } from '../support/real-index.ts';

const index = realIndex();
const kb = createLookup(index);
const PREFIX = 'explain.reason.';
const reasonKeys = (catalogue: Record<string, string>) => Object.keys(catalogue).filter((k) => k.startsWith(PREFIX)).sort();
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

/**
 * Bodies that reach every branch the corpus and the hostile cases reach: the fixtures, the vendors'
 * examples and the odd cases (`special`), and three or four per entry (`perEntry`: its code, its code
 * in two envelopes, its message).
 */
function corpus(): { special: string[]; perEntry: string[] } {
  const special: string[] = [];
  const perEntry: string[] = [];
  const dir = join(import.meta.dirname, '..', 'fixtures', 'bodies');
  for (const vendor of readdirSync(dir)) for (const file of readdirSync(join(dir, vendor))) if (!file.startsWith('_')) special.push(readFileSync(join(dir, vendor, file), 'utf8'));
  for (const v of index.vendors) for (const example of Object.values(v.envelope)) if (example && typeof example === 'object' && 'body' in example && typeof example.body === 'string') special.push(example.body);
  for (const e of index.entries) {
    perEntry.push(e.code, JSON.stringify({ error_code: e.code, error_msg: `${e.message ?? ''} x` }), JSON.stringify({ code: e.code, message: e.message ?? 'x', data: 1 }));
    if (e.message) perEntry.push(e.message);
  }
  special.push('', '[]', 'null', 'true', '{', '{"error_code": [1]}', '{"error_detail": {"code": {}}}', 'HTTP/1.1 500 Internal Server Error\n\n{"error_code": 999999}', 'Internal Server Error',
    '{"foo": 1}', '{"result": 1}', '{"code": "nope"}', '{"data": {"state": -99}}', '{"data": {"state": 77}}', '{"data": {"task_id": "x"}}', '{"status": 429}', '{"error_code": "AIS.9999"}', '{"error_code": "123"}',
    '{"error_msg": "File content does not meet requirements. - 222202 - pic not has face"}', '{"a": 1,}', 'x'.repeat(300_000));
  return { special, perEntry };
}

describe('explain reason keys', () => {
  it('are in both translation files with the same placeholders', () => {
    expect(reasonKeys(en).length).toBeGreaterThan(40);
    expect(reasonKeys(zh)).toEqual(reasonKeys(en));
    for (const key of reasonKeys(en)) expect(placeholders((zh as Record<string, string>)[key]!), key).toEqual(placeholders((en as Record<string, string>)[key]!));
  });

  it('are the keys explain gives: each reason rendered in English and Chinese is reasons and reasonsZh, every placeholder filled', () => {
    const used = new Set<string>();
    const options = [{}, { httpStatus: 500 }, { httpStatus: 429, vendor: 'picwish' }, { vendor: 'baidu' }, { vendor: 'nobody', httpStatus: 99 }, { vendor: 'g42' }];
    // Every option with every special body; the entries' 2,500 bodies take the options in turn, so
    // each option still meets about 400 of them (all six with each took 6 s of the unit tier's 30).
    const { special, perEntry } = corpus();
    const cases = [...special.flatMap((body) => options.map((o) => [body, o] as const)), ...perEntry.map((body, i) => [body, options[i % options.length]!] as const)];
    for (const [body, o] of cases) {
      const r = explain(body, o, kb);
      expect(r.reasonKeys.map((x) => renderReason('en', x, kb))).toEqual(r.reasons);
      expect(r.reasonKeys.map((x) => renderReason('zh', x, kb))).toEqual(r.reasonsZh);
      for (const reason of r.reasonKeys) {
        used.add(reason.key);
        expect(Object.hasOwn(en, reason.key), reason.key).toBe(true);
        for (const text of [renderReason('en', reason, kb), renderReason('zh', reason, kb)]) expect(text, reason.key).not.toMatch(/\{\{/);
      }
    }
    // Branches the corpus does not reach, each with the body that reaches it.
    const sharedMessage = index.entries.find((e) => e.vendor === 'baidu-face' && e.message && index.entries.filter((f) => f.vendor === e.vendor && f.message === e.message).length > 1)!;
    const sharedCode = index.entries.find((e) => e.kind !== 'http-status' && index.entries.filter((f) => f.kind !== 'http-status' && f.code === e.code).length > 1)!;
    // PicWish's rule for states it does not list (1 is listed: without it, the rule says success).
    const withoutState1 = { ...index, entries: index.entries.filter((e) => e.id !== 'picwish/state/1') };
    const more: [unknown, object, ArtifactIndex?][] = [
      ['x'.repeat(EXPLAIN_LIMITS.maxBodyChars + 1), {}],
      // A status's name that many vendors' entries share: more candidates than are listed.
      ['Bad Request', {}],
      ['', { vendor: 'baidu', httpStatus: 418 }],
      ['{"foo": 1}', { vendor: 'picwish' }],
      [JSON.stringify({ error_msg: sharedMessage.message }), { vendor: 'baidu' }],
      [JSON.stringify({ errorCode: sharedCode.code }), {}],
      ['{"result": 1, "foo": 2}', {}],
      ['{"errorCode": "222202"}', {}],
      // A message the API was seen to return (a template variant), not the documented one.
      [JSON.stringify({ error_code: 'APIG.0308', error_msg: 'The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 minute' }), {}],
      ['{"data": {"state": 1}}', {}, withoutState1],
      // A status from the era before the vendor changed it (AILabTools, 2026-01-08), and one of neither era.
      [JSON.stringify({ error_detail: { code: 'UNSUPPORTED_PARAMETER_VALUES', code_message: 'Invalid parameter values.' } }), { httpStatus: 422 }],
      [JSON.stringify({ error_detail: { code: 'UNSUPPORTED_PARAMETER_VALUES', code_message: 'Invalid parameter values.' } }), { httpStatus: 418 }],
      // Reading what people paste (issue 22): fragments, nested bodies, several responses, hints.
      ['"error_code":"ModelArts.4603","error_msg":"Obtaining the file from the URL failed."', {}],
      ['{"error": "Bad request", "detail": {"error_code": 222202}}', {}],
      ['{"error_code": 222202} then {"error_code": "ModelArts.4603"}', {}],
      ['Baidu says {"error_code": 18}', {}],
      ['https://wxtech.aoscdn.com/api/tasks {"status": 404, "message": "not found"}', {}],
      ['G42 {"error_code": "X.1"}', {}],
      ['{"data": {"state": -8, "foo": 1}}', {}],
      ['{"msg": "system busy"}', {}],
      [new Uint8Array([0xff]), {}],
      [Symbol('x'), {}],
    ];
    for (const [body, o, ix] of more) explain(body, o, ix ?? kb).reasonKeys.forEach((x) => used.add(x.key));
    // Keys the corpus cannot reach: an internal error (never expected) and the list words.
    const unreachable = ['internalError', 'list.and', 'list.separator'].map((k) => PREFIX + k);
    expect(reasonKeys(en).filter((k) => !used.has(k) && !unreachable.includes(k))).toEqual([]);
  });

  it('are JSON: a result serialised and parsed renders the same', () => {
    const r = explain('{"error_code": 222202, "error_msg": "pic not has face"}', {}, kb);
    const copy = JSON.parse(JSON.stringify(r.reasonKeys)) as ExplainReason[];
    expect(copy.map((x) => renderReason('zh', x, kb))).toEqual(r.reasonsZh);
  });
});

describe("explain's advice", () => {
  const ADVICE_PREFIX = 'explain.advice.';
  const adviceKeys = Object.keys(en).filter((k) => k.startsWith(ADVICE_PREFIX));

  it('is a key in both files for each case explain advises on, and every advice key is one', () => {
    expect(adviceKeys.sort()).toEqual(ADVICE_NAMES.map((name) => ADVICE_PREFIX + name).sort());
    for (const key of adviceKeys) expect(Object.hasOwn(zh, key), key).toBe(true);
    // Nothing else is in explain's files: reasons and advice only.
    expect(Object.keys(en).filter((k) => !k.startsWith(PREFIX) && !k.startsWith(ADVICE_PREFIX))).toEqual([]);
  });

  it("is given in both languages from the files, and is what explain answers when no entry says what to do", () => {
    for (const name of ADVICE_NAMES) {
      const text = advice(name);
      expect(text.en).toBe((en as Record<string, string>)[ADVICE_PREFIX + name]);
      expect(text.zh).toBe((zh as Record<string, string>)[ADVICE_PREFIX + name]);
    }
    expect(explain('{"foo": 1}', {}, kb).advice).toEqual(advice('unknown'));
    expect(explain('{"error_code": 999999}', { vendor: 'baidu' }, kb).advice).toEqual(advice('unknownCode'));
    expect(explain('{"error_code": 0, "result": {}}', { vendor: 'baidu' }, kb).advice).toEqual(advice('success'));
    expect(explain('{"data": {"task_id": "x"}}', { vendor: 'picwish' }, kb).advice).toEqual(advice('pending'));
  });
});

describe('renderReason', () => {
  const documented = (vendor: string): ExplainReason => ({ key: 'explain.reason.statusDocumented', params: { vendor, status: 500 } });

  it("shows vendor ids as the vendor's name in the reader's language; spaces only between Latin and CJK text", () => {
    expect(renderReason('en', documented('baidu-face'), kb)).toBe('Baidu Face documents HTTP 500.');
    expect(renderReason('zh', documented('baidu-face'), kb)).toBe('百度人脸识别的文档说明了 HTTP 500。');
    expect(renderReason('zh', documented('ailabtools'), kb)).toBe('AILabTools 的文档说明了 HTTP 500。');
    expect(renderReason('zh', documented('g42-image'), kb)).toBe('G42 图像识别的文档说明了 HTTP 500。');
    const cannotTell: ExplainReason = { key: 'explain.reason.cannotTell', params: { vendors: ['baidu-face', 'g42-image'] } };
    expect(renderReason('en', cannotTell, kb)).toBe("The body's fields fit Baidu Face, G42 Image Recognition; cannot tell which.");
    expect(renderReason('zh', cannotTell, kb)).toBe('响应体的字段符合百度人脸识别、G42 图像识别，无法确定是哪一家。');
    const shared: ExplainReason = { key: 'explain.reason.sharedFieldCode', params: { fields: ['error_code'], sharing: ['baidu-face', 'g42-image'], code: '"1"', vendor: 'baidu-face' } };
    expect(renderReason('en', shared, kb)).toBe('The body has error_code (used by Baidu Face and G42 Image Recognition); "1" is a Baidu Face code.');
    expect(renderReason('zh', shared, kb)).toBe('响应体中有 error_code 字段（百度人脸识别和 G42 图像识别都使用）；"1" 是百度人脸识别的错误码。');
  });

  it('without a lookup shows the vendor ids', () => {
    expect(renderReason('zh', documented('baidu-face'))).toBe('baidu-face 的文档说明了 HTTP 500。');
  });

  it('never changes the text it quotes from the body', () => {
    const quoted: ExplainReason = { key: 'explain.reason.textAsMessage', params: { text: '"图片 不合格 {{status}}"' } };
    expect(renderReason('zh', quoted, kb)).toBe('不是 JSON 对象：已把 "图片 不合格 {{status}}" 当作消息读取。');
    expect(renderReason('en', quoted, kb)).toBe('Not a JSON object: read "图片 不合格 {{status}}" as a message.');
  });

  it('leaves a placeholder without a parameter visible, and an unknown key as the key', () => {
    expect(renderReason('en', { key: 'explain.reason.statusDocumented', params: { vendor: 'picwish' } }, kb)).toBe('PicWish documents HTTP {{status}}.');
    expect(renderReason('en', { key: 'explain.reason.noSuchReason', params: {} }, kb)).toBe('explain.reason.noSuchReason');
  });
});
