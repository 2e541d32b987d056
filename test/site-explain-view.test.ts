/**
 * The Explain page's answer as it reads (src/site/explain-view.ts) and where it keeps what was pasted
 * (src/site/explain-state.ts), over the real data and the page's own explain data, in both
 * languages: the verdict and what to do first, entries named by code and meaning (never by id), the
 * message once, the request id, candidates, other responses, a log's table, a search when nothing
 * matched. The browser test (test/e2e/explain-page.test.ts) checks the page renders it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain, type ExplainOptions } from '../src/core/explain.ts';
import { EXPLAIN_HEAD_PATH, explainDataFiles, explainIndex, explainShardPath } from '../src/core/explain-data.ts';
import { translate } from '../src/core/i18n.ts';
import { createLookup, type Lookup } from '../src/core/lookup.ts';
import { nextStep } from '../src/core/next-step.ts';
import type { Lang } from '../src/core/schema.ts';
import { triage } from '../src/core/triage.ts';
import { explainView, isLog } from '../src/site/explain-view.ts';
import { fragmentOf, MAX_FRAGMENT_CHARS, STATE_KEY, stateFromFragment, stateFromHistory } from '../src/site/explain-state.ts';
import { realIndex } from './support/real-index.ts';

const index = realIndex();
const full = createLookup(index);
const files = explainDataFiles(index);
const page = (lang: Lang): Lookup =>
  createLookup(explainIndex(JSON.parse(files.get(EXPLAIN_HEAD_PATH)!), index.vendors.map((v) => JSON.parse(files.get(explainShardPath(v.id, lang))!))));
const lookups = { en: page('en'), zh: page('zh') };
const LOG = readFileSync(join(import.meta.dirname, 'fixtures', 'logs', 'mixed.log'), 'utf8');

/** The page's steps for a text: explain over its data, the entry's own file (from the full index), nextStep, triage for a log. */
function answer(text: string, lang: Lang, options: ExplainOptions = {}) {
  const l = lookups[lang];
  const result = explain(text, options, l);
  const fullEntry = result.entry ? full.entry(result.entry.id) : undefined;
  const step = nextStep(fullEntry ? { ...result, entry: fullEntry } : result, { attempt: 1, random: () => 1 });
  const report = triage(text, l);
  const t = (key: string, params?: Readonly<Record<string, string | number>>) => translate(lang, key, params);
  return explainView({ result, step, full: fullEntry, report: isLog(text, report) ? report : undefined, lookup: l, lang, t, text });
}
/** An entry id as link text ("baidu-face/18") would be a mistake. */
const ID = /^[a-z0-9-]+\/(?:(?:http|state|sdk)\/)?\S+$/;

describe('the Explain page answer', () => {
  it('a ticket in Chinese: the verdict and what to do first, the entry by code and meaning, the words for the user', () => {
    const v = answer('客户反馈：百度人脸返回 222202', 'zh');
    const e = full.entry('baidu-face/222202')!;
    expect(v.verdict).toMatchObject({ action: 'fix-input', tone: 'stop', title: '不要重试：请用户换一张照片、换个文件或重新输入', todo: e.remedy.zh });
    expect(v.entry).toEqual({ text: '222202 · 图片中没有人脸', href: '/zh-cn/baidu-face/222202/', context: '百度人脸识别 · 错误码' });
    expect(v.userMessage).toBe(e.end_user_message.zh);
    expect(v.search).toBeUndefined();
    expect(v.log).toBeUndefined();
    expect(v.reasons[0]).toMatch(/百度/);
  });

  it('a Python repr: the request id to quote, the code and message as read, each once', () => {
    const v = answer("{'error_code': 18, 'error_msg': 'Open api qps request limit reached', 'log_id': 3141592653}", 'en');
    expect(v.verdict.title).toBe('Retry after 1 s, up to 4 times');
    expect(v.verdict.schedule).toMatch(/^Wait 1 s before the second call/);
    expect(v.entry?.text).toBe("18 · The app's QPS (queries per second) limit was exceeded");
    expect(v.requestId).toEqual({ label: 'Request id', value: '3141592653' });
    expect(v.facts.map((f) => [f.key, f.value])).toEqual([['code', '18'], ['message', 'Open api qps request limit reached']]);
    expect(v.userMessage).toBe(full.entry('baidu-face/18')!.end_user_message.en);
  });

  it('a log: its table, most frequent first, each row by code and meaning with its verdict and lines; no separate list of others', () => {
    const v = answer(LOG, 'en');
    expect(v.log?.summary).toBe('18 lines: 9 responses with an entry, 1 not recognised.');
    expect(v.log?.rows.map((r) => [r.link.text.split(' · ')[0], r.count, r.first, r.last])).toEqual([
      ['222202', 3, 3, 18], ['18', 2, 11, 16], ['89999999', 2, 12, 18], ['-8', 1, 5, 5], ['APIG.0308', 1, 7, 7],
    ]);
    expect(v.log?.rows[3]).toMatchObject({ verdict: 'Create the task again after 5 s', retry: 'Yes', link: { href: '/picwish/state/-8/', context: 'PicWish · Task state' } });
    expect(v.others).toEqual([]);
    expect(v.entry?.text).toBe('222202 · There is no face in the image');
    const zh = answer(LOG, 'zh');
    expect(zh.log?.summary).toBe('共 18 行：9 个响应有对应条目，1 个未能识别。');
    expect(zh.log?.rows[0]!.link.text).toBe('222202 · 图片中没有人脸');
  });

  it('two bodies on one line are not a log: the other is listed with its verdict', () => {
    const v = answer('{"error_code":222202,"error_msg":"pic not has face"} and {"error_code": "APIG.0308", "error_msg": "The request is sent too fast and exceeds the default rate limit of the service."}', 'en');
    expect(v.log).toBeUndefined();
    expect(v.others).toHaveLength(1);
    expect(v.others[0]!.link.href).toBe('/g42-image/APIG.0308/');
    expect(v.others[0]!.verdict).toMatch(/^Retry after /);
  });

  it('undecided: candidates by code and meaning, the verdict from what is known (the status), no search', () => {
    const v = answer('', 'en', { httpStatus: 429 });
    expect(v.entry).toBeUndefined();
    expect(v.noEntry).toBe('No single entry matches.');
    expect(v.candidates.map((c) => c.href)).toEqual(['/g42-image/http/429/', '/picwish/http/429/']);
    expect(v.candidates.map((c) => c.context)).toEqual(['G42 Image Recognition · HTTP status', 'PicWish · HTTP status']);
    expect(v.verdict).toMatchObject({ action: 'retry', tone: 'again' });
    expect(v.search).toBeUndefined();
  });

  it('nothing recognised: an honest verdict and a search for the words pasted', () => {
    const v = answer('  the app\nshows an   error  ', 'en');
    expect(v.entry).toBeUndefined();
    expect(v.candidates).toEqual([]);
    expect(v.verdict.title).toBe('Do not retry: contact the vendor');
    expect(v.search).toEqual({ text: 'Search the knowledge base for “the app shows an error”', href: '/search/?q=the%20app%20shows%20an%20error' });
    expect(answer('没有错误码的工单', 'zh').search?.href).toBe(`/zh-cn/search/?q=${encodeURIComponent('没有错误码的工单')}`);
  });

  it('a status from the earlier era is said in the reasons, in both languages', () => {
    const body = JSON.stringify({ request_id: 'r-9', error_detail: { code: 'UNSUPPORTED_PARAMETER_VALUES', code_message: 'Invalid parameter values.', message: '' } });
    const en = answer(body, 'en', { httpStatus: 422 });
    expect(en.reasons).toContain('HTTP 422 is what AILabTools documented for this code until 2026-01-08; it documents 400 now. A response from either era is this entry.');
    expect(en.facts.find((f) => f.key === 'status')?.value).toBe('422');
    expect(en.requestId?.value).toBe('r-9');
    expect(answer(body, 'zh', { httpStatus: 422 }).reasons.join('')).toMatch(/2026-01-08 之前/);
  });

  it('never names an entry by its id, in any list, for every example body', () => {
    for (const e of index.entries.filter((x) => x.example_body).slice(0, 200))
      for (const lang of ['en', 'zh'] as const) {
        const v = answer(e.example_body!.body, lang);
        for (const link of [v.entry, ...v.candidates, ...v.others.map((o) => o.link)]) if (link) expect(link.text, e.id).not.toMatch(ID);
        expect(v.verdict.title, e.id).not.toBe('');
      }
  });
});

describe('where the page keeps what was pasted', () => {
  it('a short text, its status and vendor round-trip through the fragment', () => {
    const state = { text: '客户反馈：百度人脸返回 222202 & {"a": "#x"}', status: '422', vendor: 'baidu-face' };
    const fragment = fragmentOf(state);
    expect(fragment).not.toContain('#');
    expect(stateFromFragment(`#${fragment}`)).toEqual(state);
    expect(stateFromFragment(fragmentOf({ text: 'x', status: '', vendor: '' }))).toEqual({ text: 'x', status: '', vendor: '' });
  });

  it('a text too long for a link (a log) or an empty one leaves the fragment empty', () => {
    expect(fragmentOf({ text: LOG, status: '', vendor: '' })).toBe('');
    expect(fragmentOf({ text: 'x'.repeat(MAX_FRAGMENT_CHARS), status: '', vendor: '' })).toBe('');
    expect(fragmentOf({ text: 'x'.repeat(MAX_FRAGMENT_CHARS - 10), status: '', vendor: '' }).length).toBeLessThanOrEqual(MAX_FRAGMENT_CHARS);
    expect(fragmentOf({ text: '   ', status: '429', vendor: '' })).toBe('');
    expect(stateFromFragment('')).toBeUndefined();
    expect(stateFromFragment('#text=')).toBeUndefined();
    expect(stateFromFragment('#other=1')).toBeUndefined();
  });

  it('the history entry keeps any text; what is not ours or not well-formed is ignored', () => {
    expect(stateFromHistory({ [STATE_KEY]: { text: LOG, status: '', vendor: '' }, other: 1 })).toEqual({ text: LOG, status: '', vendor: '' });
    for (const junk of [null, undefined, 'x', 1, {}, { [STATE_KEY]: null }, { [STATE_KEY]: { text: 1 } }, { [STATE_KEY]: { text: ' ' } }]) expect(stateFromHistory(junk)).toBeUndefined();
    expect(stateFromHistory({ [STATE_KEY]: { text: 'x', status: 5, vendor: {} } })).toEqual({ text: 'x', status: '', vendor: '' });
  });
});
