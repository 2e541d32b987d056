/**
 * What the artifact promises a support engineer (issue 12): every remedy specific to its entry in
 * both languages, the vendor's own remedy kept beside ours, the same numbers in English and Chinese,
 * closed equivalence groups, an end-user message and an example body for every entry, and
 * retryability that agrees with the category unless the data says why not.
 */
import { describe, expect, it } from 'vitest';
import { realIndex } from './support/real-index.ts';
import { explain } from '../src/core/explain.ts';
import { numberMismatch, numbersIn } from '../src/core/content-rules.ts';
import { renderExampleBody } from '../src/core/example-body.ts';

const index = realIndex();
const entries = index.entries;

/** Remedy text → the ids of the entries that show it. */
function sharedRemedies(lang: 'en' | 'zh'): Map<string, string[]> {
  const byText = new Map<string, string[]>();
  for (const e of entries) byText.set(e.remedy[lang], [...(byText.get(e.remedy[lang]) ?? []), e.id]);
  return byText;
}

describe('remedies', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`no ${lang} remedy is shown on more than three entries`, () => {
      const crowded = [...sharedRemedies(lang)].filter(([, ids]) => ids.length > 3).map(([text, ids]) => `${ids.length}× ${JSON.stringify(text)}: ${ids.join(' ')}`);
      expect(crowded).toEqual([]);
    });
  }

  it('every remedy is ours; the vendor\'s own remedy, where the source has one, is in vendor_remedy', () => {
    expect(entries.filter((e) => e.remedy.vendor_text !== 'none').map((e) => e.id)).toEqual([]);
    const withVendorRemedy = entries.filter((e) => e.vendor_remedy);
    expect(withVendorRemedy.every((e) => e.vendor_remedy!.vendor_text !== 'none')).toBe(true);
    // Baidu's table and G42's error table give a remedy for every code; PicWish's definitions for six statuses and state -3.
    const count = (vendor: string) => withVendorRemedy.filter((e) => e.vendor === vendor).length;
    expect({ baidu: count('baidu-face'), g42: count('g42-image'), picwish: count('picwish') }).toEqual({ baidu: 96, g42: 31, picwish: 7 });
  });

  it('every Baidu parameter error names its parameter in both languages', () => {
    const problems: string[] = [];
    const baiduParams = entries.filter((e) => e.vendor === 'baidu-face' && /^(?:param\[(\w+)\]|(\w+)) format error$/.test(e.message ?? ''));
    expect(baiduParams.length).toBeGreaterThanOrEqual(31);
    for (const e of baiduParams) {
      const [, inBrackets, bare] = /^(?:param\[(\w+)\]|(\w+)) format error$/.exec(e.message!)!;
      const name = inBrackets ?? bare!;
      for (const lang of ['en', 'zh'] as const) if (!e.remedy[lang].includes(name)) problems.push(`${e.id}: remedy.${lang} does not name ${name}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('English and Chinese say the same numbers', () => {
  it('numbersIn reads digits, decimals and thousands separators', () => {
    expect(numbersIn('at most 10 MB, 4096 px, 1,000 calls and 37.51%')).toEqual(['10', '1000', '37.51', '4096']);
    expect(numbersIn('不超过 10 MB，4096 px，1000 次调用，37.51%')).toEqual(['10', '1000', '37.51', '4096']);
    expect(numbersIn('no digits here')).toEqual([]);
  });

  it('numberMismatch names what differs and accepts the same numbers in any order', () => {
    expect(numberMismatch('wait 1, 2 and 4 s', '依次等待 4、2、1 秒')).toBeUndefined();
    expect(numberMismatch('retry with backoff', '退避后重试')).toBeUndefined();
    expect(numberMismatch('at most 10 MB and 4096 px', '不超过 10 MB')).toMatch(/only en has 4096/);
    expect(numberMismatch('24 hours', '12 小时')).toMatch(/only en has 24; only zh has 12/);
  });

  it('no field of any entry gives different numbers in en and zh', () => {
    const problems: string[] = [];
    for (const e of entries) {
      const fields = { meaning: e.meaning, remedy: e.remedy, vendor_remedy: e.vendor_remedy, end_user_message: e.end_user_message, retryable_exception: e.retryable_exception };
      for (const [name, value] of Object.entries(fields)) {
        const why = value && numberMismatch(value.en, value.zh);
        if (why) problems.push(`${e.id} ${name}: ${why}`);
      }
      e.notes.forEach((n, i) => {
        const why = numberMismatch(n.en, n.zh);
        if (why) problems.push(`${e.id} notes[${i}]: ${why}`);
      });
    }
    expect(problems).toEqual([]);
  });
});

describe('equivalence groups', () => {
  const byId = new Map(entries.map((e) => [e.id, e]));

  it('are closed: every member lists exactly the other members of its group', () => {
    const problems: string[] = [];
    for (const e of entries) {
      const group = new Set([e.id, ...e.equivalents]);
      for (const other of e.equivalents) {
        const o = byId.get(other);
        if (!o) { problems.push(`${e.id}: ${other} does not exist`); continue; }
        const theirs = new Set([o.id, ...o.equivalents]);
        if (theirs.size !== group.size || [...group].some((id) => !theirs.has(id))) problems.push(`${e.id} and ${other} list different groups`);
        if (o.equivalence_group !== e.equivalence_group) problems.push(`${e.id} and ${other} name different groups`);
      }
      if ((e.equivalence_group === null) !== (e.equivalents.length === 0)) problems.push(`${e.id}: group and equivalents disagree`);
    }
    expect(problems).toEqual([]);
  });

  it('link the failures the issue names', () => {
    const group = (id: string) => new Set([id, ...byId.get(id)!.equivalents]);
    expect(group('baidu-face/18')).toEqual(new Set(['ailabtools/AI_SERVICE_FLOW_RESTRICTION', 'baidu-face/18', 'g42-image/APIG.0308', 'g42-image/http/429', 'picwish/http/429', 'softsugar/89999999']));
    for (const id of ['baidu-face/110', 'baidu-face/111', 'g42-image/APIG.0301', 'g42-image/ModelArts.4103', 'softsugar/60112505', 'softsugar/84115943'])
      expect(group('baidu-face/110').has(id), id).toBe(true);
    expect(group('baidu-face/222204').has('g42-image/ModelArts.4603')).toBe(true);
    for (const id of ['ailabtools/ERROR_CONTENT_NON_COMPLIANCE', 'ailabtools/ERROR_ILLEGAL_FILE', 'baidu-face/222308', 'picwish/state/-10', 'picwish/state/-16'])
      expect(group('baidu-face/222307').has(id), id).toBe(true);
    expect(group('picwish/state/-8').has('ailabtools/AI_SERVICE_TIMEOUT')).toBe(true);
  });
});

describe('end-user messages', () => {
  it('every entry has one in both languages, written for the end user (no codes)', () => {
    const problems: string[] = [];
    for (const e of entries) {
      for (const lang of ['en', 'zh'] as const) {
        const text = e.end_user_message[lang];
        if (!text.trim()) problems.push(`${e.id}: end_user_message.${lang} is empty`);
        if (e.code.length > 2 && text.includes(e.code)) problems.push(`${e.id}: end_user_message.${lang} shows the code`);
        if (/error_code|http|api|token|\{|\}/i.test(text)) problems.push(`${e.id}: end_user_message.${lang} has jargon: ${text}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the categories where the end user can act say so in the data, and each has its own message, not the neutral one', () => {
    // The list; the data marks them with end_user_can_act.
    const actionable = ['no-face', 'face-quality', 'image-unusable', 'unsupported-file', 'file-too-large', 'content-rejected', 'liveness-failed'];
    expect(index.categories.filter((c) => c.end_user_can_act).map((c) => c.id).sort()).toEqual([...actionable].sort());
    const neutral = index.categories.find((c) => c.id === 'server-error')!.end_user_message.en;
    for (const id of actionable) {
      const category = index.categories.find((c) => c.id === id);
      expect(category, id).toBeDefined();
      expect(category!.end_user_message.en).not.toBe(neutral);
    }
  });
});

describe('example bodies', () => {
  it('every error and task state has one, and explaining it gives that entry back', () => {
    const problems: string[] = [];
    for (const e of entries) {
      if (e.kind === 'http-status') continue;
      if (!e.example_body) { problems.push(`${e.id}: no example_body`); continue; }
      const result = explain(e.example_body.body, e.example_body.http_status === null ? {} : { httpStatus: e.example_body.http_status }, index);
      if (result.entry?.id !== e.id) problems.push(`${e.id}: explains to ${result.entry?.id ?? 'nothing'} (${result.reasons.join(' / ')})`);
    }
    expect(problems).toEqual([]);
  });

  it('is the documented envelope with the code and message put in as JSON values', () => {
    const template = { http_status: 'entry' as const, body: '{"code": {{code_number}}, "id": {{code}}, "message": {{message}}, "status": {{http_status}}}', note: { en: 'x', zh: 'x' } };
    expect(renderExampleBody(template, { code: '007', message: 'Say "hi"\n', http_status: 400 })).toEqual({
      http_status: 400,
      body: '{"code": 7, "id": "007", "message": "Say \\"hi\\"\\n", "status": 400}',
    });
    expect(renderExampleBody(template, { code: '-8', message: null, http_status: null })).toEqual({ http_status: null, body: '{"code": -8, "id": "-8", "message": null, "status": null}' });
    expect(renderExampleBody(template, { code: 'AIS.0014', message: 'x', http_status: 400 })).toHaveProperty('error');
  });
});

describe('retryable and the category', () => {
  it('agree, except where the entry gives its reason (retryable_exception) in both languages', () => {
    const defaults = new Map(index.categories.map((c) => [c.id, c.retryable_default]));
    const problems: string[] = [];
    let exceptions = 0;
    for (const e of entries) {
      const differs = e.retryable !== defaults.get(e.category);
      if (differs) exceptions++;
      if (differs && !e.retryable_exception) problems.push(`${e.id}: retryable ${e.retryable} against category ${e.category} without a reason`);
      if (!differs && e.retryable_exception) problems.push(`${e.id}: a reason where there is no exception`);
    }
    expect(problems).toEqual([]);
    expect(exceptions).toBe(entries.filter((e) => e.retryable_exception).length);
  });
});
