/**
 * Search ranking over the real data, through the same query code the browser runs, against an
 * index built in memory by the same builder the site uses.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../src/node/data-files.ts';
import { buildArtifactForSite } from '../src/node/artifact-files.ts';
import { buildSearchIndex } from '../src/core/search/build.ts';
import { searchIndexOf } from '../src/node/search-files.ts';
import { SearchClient, completions, rangeFiles, type SearchHit } from '../src/core/search/query.ts';
import { fieldScore, rangePartition, SEARCH_TUNING } from '../src/core/search/build.ts';
import { loadJudged } from './support/relevance.ts';
import { join } from 'node:path';
import { codeSuffixes, compactCode, httpStatusQuery, normalizeCode, normalizeMessage, cleanText } from '../src/core/normalize.ts';
import { tokenize, queryTokens, phraseTokens } from '../src/core/search/tokenize.ts';
import { entryRef } from '../src/core/model.ts';
import { Index } from '../src/core/search/flexsearch.ts';
import { FLEX_OPTIONS } from '../src/core/search/flex-options.ts';
import type { TextShardFile } from '../src/core/search/format.ts';

const kb = loadKnowledgeBase();
const artifact = buildArtifactForSite(kb, 'https://example.org');
const files = searchIndexOf(kb, artifact, [
  { lang: 'en', title: 'Rate limited', path: '/categories/rate-limited/', text: 'Requests arrive faster than the allowed rate' },
  { lang: 'zh', title: '请求限流', path: '/zh-cn/categories/rate-limited/', text: '请求频率超过允许的速率' },
]);
const client = new SearchClient(async (path) => {
  const text = files.get(path);
  if (text === undefined) throw new Error(`no ${path}`);
  return JSON.parse(text);
});
const ids = (hits: SearchHit[]) => hits.map((h) => (h.doc.t === 'e' ? entryRef({ vendor: h.doc.v!, kind: h.doc.k!, code: h.doc.c! }) : h.doc.u));
const search = async (q: string, limit = 20) => ids(await client.search(q, { limit }));

describe('normalisation (shared by Node and the browser)', () => {
  it('gives every spelling of a code one canonical form', () => {
    for (const q of ['ModelArts.4204', 'modelarts.4204', ' MODELARTS 4204 ', 'ModelArts_4204', 'modelarts\t4204']) expect(normalizeCode(q)).toBe('modelarts.4204');
    expect(normalizeCode('-8')).toBe('-8');
    expect(normalizeCode('ERROR_NO_FACE_IN_FILE')).toBe('error.no.face.in.file');
    expect(compactCode('ModelArts 4204')).toBe('modelarts4204');
    expect(codeSuffixes('error.no.face.in.file')).toContain('no.face.in.file');
  });
  it('recognises HTTP status queries and nothing else', () => {
    expect(httpStatusQuery('429')).toBe(429);
    expect(httpStatusQuery('HTTP 413')).toBe(413);
    expect(httpStatusQuery('http/1.1 503')).toBe(503);
    expect(httpStatusQuery('999')).toBeUndefined();
    expect(httpStatusQuery('222202')).toBeUndefined();
  });
  it('cleans hostile text: lone surrogates, controls, bidi marks, unbounded length', () => {
    expect(cleanText('a\uD800b\u202Ec\u0000d')).toBe('ab c d');
    expect(cleanText('x'.repeat(100_000)).length).toBe(500);
    expect(normalizeMessage(' "Pic not has face." ')).toBe('pic not has face');
  });
  it('tokenises Chinese into bigrams, not one token per sentence', () => {
    expect(tokenize('人脸模糊')).toEqual(['人脸', '脸模', '模糊']);
    expect(tokenize('质量检测未通过 左眼遮挡程度过高').length).toBeGreaterThan(8);
    expect(queryTokens('blurry face 人脸')).toEqual(['blurry', 'face', '人脸']);
  });
  it('splits Latin and Chinese runs written without a space, in the index and the query alike', () => {
    expect(tokenize('token过期')).toEqual(['token', '过期']);
    expect(tokenize('QPS超限了')).toEqual(['qps', '超限', '限了']);
    expect(queryTokens('access token已过期')).toEqual(['access', 'token', '已过', '过期']);
    // Characters outside the Basic Multilingual Plane are Chinese too, not Latin letters.
    expect(tokenize('𠀀𠀁ab')).toEqual(['𠀀𠀁', 'ab']);
  });
  it('folds full-width letters, digits and punctuation', () => {
    expect(tokenize('ＴＯＫＥＮ过期！')).toEqual(['token', '过期']);
    expect(tokenize('ＨＴＴＰ　４２９')).toEqual(['http', '429']);
    expect(tokenize('余额不足，请充值')).toEqual(['余额', '额不', '不足', '请充', '充值']);
  });
  it('completes a filler word being typed (is → issue, image for → format) instead of dropping it', async () => {
    expect((await search('is')).length).toBeGreaterThan(0);
    const texts = (await search('image for', 5)).map((id) => JSON.stringify(artifact.entries.find((e) => e.id === id)).toLowerCase());
    expect(texts.some((t) => t.includes('format'))).toBe(true);
  });
  it('leaves out filler words and never pairs Chinese characters across 的, in the index and the query alike', () => {
    expect(tokenize('The account has no balance')).toEqual(['account', 'no', 'balance']);
    expect(phraseTokens('account has no balance')).toEqual(['account~no', 'no~balance']);
    expect(tokenize('上传的图片格式不支持')).toEqual(['上传', '图片', '片格', '格式', '式不', '不支', '支持']);
    expect(tokenize('我的')).toEqual(['我']);
    // Words that do carry meaning stay.
    expect(tokenize('not too out no')).toEqual(['not', 'too', 'out', 'no']);
  });
  it('makes phrase tokens of adjacent Latin words only', () => {
    expect(phraseTokens('Image too large')).toEqual(['image~too', 'too~large']);
    expect(phraseTokens('token 过期 expired')).toEqual([]);
    expect(phraseTokens('a face')).toEqual([]);
  });
  it('completes a typed prefix from a sorted vocabulary', () => {
    expect(completions(['a', 'blur', 'blurry', 'z'], 'blu')).toEqual(['blur', 'blurry']);
    expect(completions(['a'], 'q')).toEqual([]);
  });
  it('cuts skewed keys into bounded ranges and finds the files for a key or prefix', () => {
    const weights = new Map<string, number>();
    for (let i = 0; i < 5000; i++) weights.set(`9${String(i).padStart(7, '0')}`, 1);
    weights.set('face', 900);
    weights.set('a', 1);
    const { starts, fileOf } = rangePartition(weights, 300);
    const load = new Map<number, number>();
    for (const [key, file] of fileOf) load.set(file, (load.get(file) ?? 0) + weights.get(key)!);
    expect(Math.max(...[...load.entries()].filter(([f]) => f !== fileOf.get('face')).map(([, n]) => n))).toBeLessThanOrEqual(300);
    expect(starts.length).toBeGreaterThan(16);
    for (const key of ['90001234', '90004999', 'face', 'a']) expect(rangeFiles(starts, key, 1), key).toEqual([fileOf.get(key)]);
    // Keys before every start still resolve to the first file; a short prefix reaches at most 3 files.
    expect(rangeFiles(starts, '0', 1)).toEqual([0]);
    expect(rangeFiles(starts, '9', 3).length).toBeLessThanOrEqual(3);
    expect(rangeFiles(starts, '900012', 3)).toContain(fileOf.get('90001234'));
  });
});

describe('rule 1: a query that is exactly a code puts that entry first, for every vendor that has it', () => {
  const byCode = new Map<string, string[]>();
  for (const e of artifact.entries) {
    const key = normalizeCode(e.code);
    byCode.set(key, [...(byCode.get(key) ?? []), e.id]);
  }

  it(`holds for all ${artifact.entries.length} entries`, async () => {
    const failures: string[] = [];
    for (const e of artifact.entries) {
      const expected = byCode.get(normalizeCode(e.code))!;
      const got = (await search(e.code, expected.length + 5)).slice(0, expected.length);
      if ([...got].sort().join() !== [...expected].sort().join()) failures.push(`${e.code}: expected ${expected.join(', ')} first, got ${got.join(', ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('in any case, with surrounding spaces and other separators', async () => {
    for (const q of ['ais.0503', ' AIS.0503 ', 'Ais 0503']) expect((await search(q))[0]).toBe('g42-image/AIS.0503');
    for (const q of ['ModelArts 4204', 'modelarts.4204', 'modelarts4204']) expect((await search(q))[0]).toBe('g42-image/ModelArts.4204');
    expect((await search('-8'))[0]).toBe('picwish/state/-8');
    expect((await search('error_no_face_in_file'))[0]).toBe('ailabtools/ERROR_NO_FACE_IN_FILE');
  });

  it('with labels and a vendor name around it (错误码222207, error code 222207, Baidu 222207), in both languages', async () => {
    for (const q of ['错误码222207', '错误码：222207', 'error code 222207', 'error_code: 222207', '"error_code":222207', 'Baidu 222207', '百度 222207', '百度人脸识别错误码 222207'])
      expect((await client.search(q, { limit: 1 }))[0], q).toMatchObject({ reason: 'code', doc: { u: expect.stringContaining('222207') } });
    expect((await search('picwish state -8'))[0]).toBe('picwish/state/-8');
    expect((await search('PicWish state 1'))[0]).toBe('picwish/state/1');
    expect((await search('g42 ModelArts.4204'))[0]).toBe('g42-image/ModelArts.4204');
    expect((await search('商汤 60102130'))[0]).toBe('softsugar/60102130');
    // A code spelt with spaces, as `Ais 0503` alone is read; 返回 is a label like 返回码.
    expect((await search('g42 ais 0504'))[0]).toBe('g42-image/AIS.0504');
    expect((await search('佐糖返回state -15'))[0]).toBe('picwish/state/-15');
  });

  it('at the vendor the phrase names, by id, name or short name in either language, or the start of one', async () => {
    expect((await search('PicWish 401'))[0]).toBe('picwish/http/401'); // not G42's 401, first by document order
    expect((await search('佐糖 500'))[0]).toBe('picwish/http/500');
    expect((await search('softsugar 500'))[0]).toBe('softsugar/500');
    for (const q of ['百度智能云 222207', 'Baidu AI Cloud 222207', '百度报错222207', 'SenseTime 60102130'])
      expect((await client.search(q, { limit: 1 }))[0]?.reason, q).toBe('code');
    // Baidu has no code 2: PicWish's is not offered for it.
    expect(await search('baidu 2')).not.toContain('picwish/state/2');
    // Names of every kind of edge (Latin, Latin then Chinese, Chinese, a host): one pattern reads them all.
    expect((await search('G42图像识别 401'))[0]).toBe('g42-image/http/401');
    expect((await search('wxtech.aoscdn.com 401'))[0]).toBe('picwish/http/401');
    expect((await search('商汤如影 60102130'))[0]).toBe('softsugar/60102130');
    // A name that runs on into letters is not that name: `picwishes 401` names no vendor.
    expect((await client.search('picwishes 401', { limit: 1 }))[0]?.reason).not.toBe('code');
  });

  it('a labelled HTTP status lists every entry with that status, as `HTTP 413` does', async () => {
    const byStatus = async (q: string) => ids((await client.search(q, { limit: 60 })).filter((h) => h.reason === 'code' || h.reason === 'status'));
    const labelled = await byStatus('http status 413');
    expect(labelled).toEqual(await byStatus('HTTP 413'));
    expect(labelled).toContain('ailabtools/FILE_SIZE_EXCEEDS_LIMIT');
  });

  it('ordinary words in a vendor\'s name (face, image) do not name it', async () => {
    for (const q of ['face 2', 'face 22', 'image 413', 'image 20'])
      expect((await client.search(q, { limit: 5 })).filter((h) => h.reason === 'code' || h.reason === 'prefix').map((h) => h.doc.u), q).toEqual([]);
  });

  it('but a number among other words is not a code: a pasted message still finds its message', async () => {
    for (const q of ['after 10 minutes', 'the image is 18 MB']) expect((await client.search(q, { limit: 3 })).every((h) => h.reason !== 'code'), q).toBe(true);
    expect((await search('Failed to log in 5 consecutive times, please try again after 10 minutes'))[0]).toBe('softsugar/60102130');
  });

  it('an exact hit is never outranked by a near miss', async () => {
    const hits = await client.search('1', { limit: 5 });
    expect(hits[0]!.reason).toBe('code');
    expect(ids(hits)[0]).toBe('picwish/state/1');
  });
});

describe('rule 2: a prefix or fragment of a code lists matching codes, closest first', () => {
  it('a numeric prefix', async () => {
    const hits = await client.search('2221', { limit: 50 });
    const codes = hits.filter((h) => h.reason === 'prefix').map((h) => h.doc.c!);
    expect(codes.length).toBeGreaterThan(0);
    for (const c of codes) expect(c.startsWith('2221')).toBe(true);
    expect(codes).toEqual([...codes].sort((a, b) => a.length - b.length || 0));
  });
  it('fragments of symbolic codes', async () => {
    expect((await search('NO_FACE'))[0]).toBe('ailabtools/ERROR_NO_FACE_IN_FILE');
    expect((await search('4204'))[0]).toBe('g42-image/ModelArts.4204');
    expect((await search('blurry fa'))[0]).toBe('ailabtools/ERROR_BLURRY_FACE');
  });
  it('a number that is not a code finds no code', async () => {
    const hits = await client.search('222220', { limit: 50 });
    expect(hits.filter((h) => ['code', 'prefix', 'fragment'].includes(h.reason))).toEqual([]);
    expect(ids(hits)).not.toContain('baidu-face/222202');
  });
});

describe('rule 3: words, in English and Chinese', () => {
  const top = async (q: string, n: number) => (await search(q, n)).slice(0, n);
  it.each([
    ['blurry face', ['ailabtools/ERROR_BLURRY_FACE', 'baidu-face/223114'], 3],
    ['rate limit', ['g42-image/APIG.0308'], 10],
    ['token expired', ['baidu-face/111'], 3],
    ['人脸模糊', ['baidu-face/223114'], 3],
    ['光照', ['baidu-face/223115'], 5],
    ['限流', ['baidu-face/18'], 10],
  ])('%s finds %s near the top', async (q, expected, n) => {
    const got = await top(q, n);
    for (const id of expected) expect(got, q).toContain(id);
  });
  it('what people type (issue 16): mixed scripts, symptoms and synonyms', async () => {
    expect((await search('token过期'))[0]).toBe('baidu-face/111');
    expect((await search('ｔｏｋｅｎ过期'))[0]).toBe('baidu-face/111');
    const large = artifact.entries.filter((e) => e.category === 'file-too-large').map((e) => e.id);
    expect(large).toContain((await search('image too large'))[0]);
    const pending = artifact.entries.filter((e) => e.task_outcome === 'pending').map((e) => e.id);
    expect(pending).toContain((await search('task still processing'))[0]);
    expect((await search('task still processing')).indexOf('ailabtools/ERROR_TASK_STOPPED_PROCESSING')).not.toBe(0);
    const credits = await search('余额不足');
    expect(credits[0]).toBe('ailabtools/ERROR_NOT_ENOUGH_CREDITS');
    const throttled = (await search('throttled'))[0];
    expect(artifact.entries.find((e) => e.id === throttled)?.category).toBe('rate-limited');
  });
  it('every category has keywords in both languages', () => {
    for (const c of kb.categories) {
      expect(c.keywords?.en.length, c.id).toBeGreaterThan(0);
      expect(c.keywords?.zh.length, c.id).toBeGreaterThan(0);
    }
  });
  it('finds prose pages in the reader’s language only', async () => {
    expect(await search('rate limited')).toContain('/categories/rate-limited/');
    expect(ids(await client.search('rate limited', { lang: 'zh' }))).not.toContain('/categories/rate-limited/');
    expect(ids(await client.search('请求限流', { lang: 'zh' }))).toContain('/zh-cn/categories/rate-limited/');
  });
});

describe('field weights, keywords and phrases (on a small made-up index)', () => {
  const base = artifact.entries.find((e) => e.id === 'baidu-face/222202')!;
  const made = (code: string, meaning: string, remedy: string) => ({
    ...base,
    id: `baidu-face/${code}`,
    code,
    message: null,
    url: `https://example.org/baidu-face/${code}/`,
    meaning: { en: meaning, zh: '无', vendor_text: 'none' as const },
    remedy: { en: remedy, zh: '无', vendor_text: 'none' as const },
  });
  const entries = [
    made('1', 'Something else happened.', 'Wait for the flux capacitor to cool down.'),
    made('2', 'Capacitor of the flux kind overheated.', 'Wait.'),
    made('3', 'The flux capacitor is too hot.', 'Wait.'),
    { ...made('4', 'Nothing to see.', 'Wait.'), keywords: { en: ['warp core breach'], zh: ['曲速核心'] } },
  ];
  const small = buildSearchIndex({
    dataVersion: 'x',
    entries,
    categories: kb.categories,
    vendors: [{ id: 'baidu-face', name: { en: 'Baidu Face', zh: '百度人脸' } }],
    pages: [],
  });
  const smallClient = new SearchClient(async (path) => JSON.parse(small.get(path)!));
  const codes = async (q: string) => (await smallClient.search(q)).map((h) => h.doc.c);
  it('words in the meaning outrank the same words in the remedy', async () => {
    expect(await codes('flux capacitor')).toEqual(['3', '2', '1']);
  });
  it('words standing together as typed outrank the same words apart', async () => {
    // Entry 2 has both words apart, entry 3 side by side: 3 first although its id is larger.
    expect((await codes('flux capacitor'))[0]).toBe('3');
  });
  it("an entry's own keywords find it, in both languages, as a whole or word by word", async () => {
    expect((await codes('warp core breach'))[0]).toBe('4');
    expect((await codes('曲速核心'))[0]).toBe('4');
    expect(await codes('breach')).toEqual(['4']);
  });
  it("a category's keywords find its entries", async () => {
    // All four are `no-face`: its keywords find them although no text of theirs says so.
    expect((await codes('face not detected')).sort()).toEqual(['1', '2', '3', '4']);
  });
});

describe('rule 4: a pasted literal message finds its entry first', () => {
  it('for every literal (non-template) message in the data', async () => {
    const failures: string[] = [];
    for (const e of artifact.entries) {
      if (!e.message || e.message_is_template) continue;
      const hits = await client.search(e.message, { limit: 40 });
      const first = hits[0];
      const sameMessage = artifact.entries.filter((x) => x.message && normalizeMessage(x.message) === normalizeMessage(e.message!)).map((x) => x.id);
      // Exception: a message that is itself someone's code (e.g. "Error") may rank that code first.
      if (!first || (first.reason !== 'message' && first.reason !== 'code')) failures.push(`${e.id}: first hit ${first ? ids([first]) : 'none'} (${first?.reason})`);
      else if (!ids(hits.slice(0, sameMessage.length + 3)).includes(e.id)) failures.push(`${e.id}: not among the first hits`);
    }
    expect(failures).toEqual([]);
  });
  it("and so does the vendor's own wording of a meaning (vendor_text), for every one in the data", async () => {
    const wording = (x: (typeof artifact.entries)[number]) => (x.meaning.vendor_text === 'none' ? undefined : normalizeMessage(x.meaning[x.meaning.vendor_text]));
    const failures: string[] = [];
    let checked = 0;
    for (const e of artifact.entries) {
      const text = wording(e);
      if (!text || text.length < 2) continue;
      checked++;
      const same = artifact.entries.filter((x) => wording(x) === text || (x.message && !x.message_is_template && normalizeMessage(x.message) === text));
      const hits = await client.search(text, { limit: same.length + 5 });
      const hit = hits.find((h) => h.doc.i === artifact.entries.indexOf(e));
      if (!hit || hit.reason !== 'message') failures.push(`${e.id}: ${hit ? hit.reason : 'not found'} for ${JSON.stringify(text)}`);
    }
    expect(checked).toBeGreaterThan(100);
    expect(failures).toEqual([]);
    // Baidu's 人脸融合失败 is 222212's own text; 222211's only begins with it.
    expect((await search('人脸融合失败'))[0]).toBe('baidu-face/222212');
  });
  it('with %s placeholders filled in', async () => {
    expect((await search('Failed to log in 5 consecutive times, please try again after 10 minutes'))[0]).toBe('softsugar/60102130');
    expect((await search('Refresh token too frequent, limited to 3 hour intervals'))[0]).toBe('softsugar/60112161');
    expect((await search('pic not has face'))[0]).toBe('baidu-face/222202');
  });
});

describe('rule 5: an HTTP status lists the entries with that status', () => {
  it.each(['429', 'HTTP 429', 'HTTP 413'])('%s', async (q) => {
    const status = httpStatusQuery(q)!;
    const expected = artifact.entries.filter((e) => e.http_status === status).map((e) => e.id);
    const got = await search(q, 200);
    for (const id of expected) expect(got).toContain(id);
    // The entries whose code is the status come first.
    expect(got.slice(0, 2).sort()).toEqual([`g42-image/http/${status}`, `picwish/http/${status}`].sort());
  });
});

describe('filters', () => {
  it('narrow by vendor, category, HTTP status and kind', async () => {
    const hits = await client.search('429', { limit: 200, filters: { vendor: 'g42-image' } });
    expect(hits.every((h) => h.doc.v === 'g42-image')).toBe(true);
    const byKind = await client.search('face', { limit: 200, filters: { kind: 'error', category: 'face-quality' } });
    expect(byKind.length).toBeGreaterThan(5);
    expect(byKind.every((h) => h.doc.k === 'error' && h.doc.g === 'face-quality')).toBe(true);
    const byStatus = await client.search('face', { limit: 200, filters: { http: 422 } });
    expect(byStatus.every((h) => h.doc.h === 422)).toBe(true);
  });
});

describe('how the index is cut into files', () => {
  it('never changes what a query finds or its order (a word\'s position counts in its whole field)', async () => {
    const queries = loadJudged(join(import.meta.dirname, 'relevance/judged-queries.yaml')).slice(0, 120);
    const rankings = async () => {
      const cut = searchIndexOf(kb, artifact, []);
      const other = new SearchClient(async (path) => JSON.parse(cut.get(path)!));
      return { files: [...cut.keys()].filter((k) => k.startsWith('text/')).length, ranked: await Promise.all(queries.map(async (q) => ids(await other.search(q.q, { limit: 5, lang: q.lang })).join())) };
    };
    const usual = await rankings();
    const saved = { ...SEARCH_TUNING };
    let other: Awaited<ReturnType<typeof rankings>>;
    try {
      // Cards weighing as little as a posting: files holding many codes are cut coarser.
      Object.assign(SEARCH_TUNING, { cardWeight: 1 });
      other = await rankings();
    } finally {
      Object.assign(SEARCH_TUNING, saved);
    }
    expect(Math.abs(other.files - usual.files)).toBeGreaterThanOrEqual(10);
    expect(other.ranked).toEqual(usual.ranked);
  });
});

describe('what a text file carries', () => {
  it("leaves out FlexSearch's register, which its search never reads", () => {
    const texts = [...files].filter(([path]) => path.startsWith('text/')).map(([, text]) => JSON.parse(text) as TextShardFile);
    const keys = new Set(texts.flatMap((file) => Object.values(file.groups).flatMap((parts) => Object.keys(parts!))));
    expect([...keys].filter((key) => key.endsWith('reg'))).toEqual([]);
    expect([...keys].some((key) => key.endsWith('map'))).toBe(true);
    // Every word of an index of 200 real entries searches the same with the register and without it:
    // a FlexSearch whose search came to need it would fail here, not in a reader's browser.
    const built = new Index(FLEX_OPTIONS);
    const words = new Set<string>();
    artifact.entries.slice(0, 200).forEach((entry, id) => {
      const text = tokenize(`${entry.message ?? ''} ${entry.meaning.en} ${entry.meaning.zh}`, 500).join(' ');
      for (const word of text.split(' ')) words.add(word);
      built.add(id, text);
    });
    const whole = new Index(FLEX_OPTIONS);
    const withoutRegister = new Index(FLEX_OPTIONS);
    built.export((key, data) => {
      whole.import(key, data);
      if (!key.endsWith('reg')) withoutRegister.import(key, data);
    });
    expect(words.size).toBeGreaterThan(300);
    expect([...words].filter((word) => whole.search(word, { limit: 1 }).length === 0)).toEqual([]);
    const differ = [...words].filter((word) => JSON.stringify(withoutRegister.search(word, { limit: 2000 })) !== JSON.stringify(whole.search(word, { limit: 2000 })));
    expect(differ).toEqual([]);
  });
});

describe("a word's score in its field", () => {
  it("is FlexSearch's own: words added with fieldScore export as their whole field padded with empty places", () => {
    // The build adds a document with its words of one file and their scores (fieldScore); FlexSearch
    // scores a word by its place in what it is given. A FlexSearch that scored differently would give
    // other files here, not a silently reordered search.
    const exported = (index: InstanceType<typeof Index>) => {
      const parts: Record<string, string> = {};
      index.export((key: string, data: string) => void (parts[key] = data));
      return parts;
    };
    for (const length of [1, 2, 3, 4, 5, 7, 10, 31, 200]) {
      const positions = [...new Set([0, 1, 2, Math.floor(length / 2) - 1, Math.floor(length / 2), length - 2, length - 1])].filter((p) => p >= 0 && p < length);
      const padded = new Index(FLEX_OPTIONS);
      const field = new Array<string>(length).fill('');
      for (const p of positions) field[p] = `w${p}`;
      padded.add(7, field.join(' '));
      const scores = new Map(positions.map((p) => [`w${p}`, fieldScore(length, p)]));
      const scored = new Index({ ...FLEX_OPTIONS, score: (_content: string[], term: string) => scores.get(term)! });
      scored.add(7, positions.map((p) => `w${p}`).join(' '));
      expect(exported(scored), `a field of ${length} words`).toEqual(exported(padded));
    }
  });
});

describe('the cards a query reads', () => {
  it("a code's card comes with the index file of the code: its first result needs no block of cards", async () => {
    for (const code of ['222202', 'ModelArts.4204', 'ERROR_NO_FACE_IN_FILE']) {
      const blocks: string[] = [];
      const watched = new SearchClient(async (path) => {
        if (path.startsWith('docs/')) blocks.push(path);
        return JSON.parse(files.get(path)!);
      });
      let blocksAtFirst: number | undefined;
      const hits = await watched.search(code, { onFirst: () => (blocksAtFirst ??= blocks.length) });
      expect(hits[0]?.doc.c, code).toBe(code);
      expect(hits[0]?.reason).toBe('code');
      expect(blocksAtFirst, code).toBe(0);
    }
  });
});

describe('a query no longer wanted', () => {
  it("gives its signal with the later cards' requests only, so a browser can cancel those and never a file other queries share", async () => {
    const asked: { path: string; later: boolean; signal: boolean }[] = [];
    const watched = new SearchClient(async (path, options) => {
      asked.push({ path, later: options?.later === true, signal: options?.signal !== undefined });
      return JSON.parse(files.get(path)!);
    });
    const controller = new AbortController();
    await watched.search('face', { limit: 40, signal: controller.signal });
    const later = asked.filter((a) => a.later);
    expect(later.length).toBeGreaterThan(1);
    expect(later.every((a) => a.path.startsWith('docs/') && a.signal)).toBe(true);
    expect(asked.filter((a) => !a.later).every((a) => !a.signal)).toBe(true);
    expect(asked.some((a) => a.path.startsWith('text/'))).toBe(true);
  });

  it('a cancelled card request loses the results of no other query: the next one asks for the block again', async () => {
    const controller = new AbortController();
    const shared = new SearchClient(async (path, options) => {
      // A browser rejects a request whose signal is aborted.
      if (options?.signal && (options.signal as AbortSignal).aborted) throw new Error(`aborted ${path}`);
      return JSON.parse(files.get(path)!);
    });
    // The first query is cancelled as soon as its first result is shown: its later cards' requests fail.
    await shared.search('face', { limit: 40, signal: controller.signal, onFirst: () => controller.abort() });
    expect(ids(await shared.search('face', { limit: 40 }))).toEqual(ids(await client.search('face', { limit: 40 })));
  });

  it('requests and reads no more result cards once its signal is aborted, and ends with what it had', async () => {
    const blocks: string[] = [];
    const watched = new SearchClient(async (path) => {
      if (path.startsWith('docs/')) blocks.push(path);
      return JSON.parse(files.get(path)!);
    });
    const all = await watched.search('face', { limit: 40 });
    const allBlocks = new Set(blocks);
    expect(allBlocks.size).toBeGreaterThan(1);

    blocks.length = 0;
    const fresh = new SearchClient(async (path) => {
      if (path.startsWith('docs/')) blocks.push(path);
      return JSON.parse(files.get(path)!);
    });
    const controller = new AbortController();
    const hits = await fresh.search('face', { limit: 40, signal: controller.signal, onFirst: () => controller.abort() });
    expect(ids(hits)).toEqual(ids(all.slice(0, 1)));
    expect(blocks).toEqual([blocks[0]]);
  });
});

describe('a result block that fails to load', () => {
  it('once failed, is asked for again: no result is lost to it', async () => {
    let failed = false;
    const flaky = new SearchClient(async (path) => {
      if (path.startsWith('docs/') && !failed) {
        failed = true;
        throw new Error(`503 ${path}`);
      }
      return JSON.parse(files.get(path)!);
    });
    expect(ids(await flaky.search('face blurry', { limit: 12 }))).toEqual(ids(await client.search('face blurry', { limit: 12 })));
    expect(failed).toBe(true);
  });

  it('every block failing once loses no result either: the later results\' blocks are asked for again too', async () => {
    const failed = new Set<string>();
    const flaky = new SearchClient(async (path) => {
      if (path.startsWith('docs/') && !failed.has(path)) {
        failed.add(path);
        throw new Error(`503 ${path}`);
      }
      return JSON.parse(files.get(path)!);
    });
    expect(ids(await flaky.search('face blurry', { limit: 12 }))).toEqual(ids(await client.search('face blurry', { limit: 12 })));
    expect(failed.size).toBeGreaterThan(1);
  });

  it('an aborted query asks for none', async () => {
    const blocks: string[] = [];
    const watched = new SearchClient(async (path) => {
      if (path.startsWith('docs/')) blocks.push(path);
      return JSON.parse(files.get(path)!);
    });
    expect(await watched.search('face', { signal: { aborted: true } })).toEqual([]);
    expect(blocks).toEqual([]);
  });
});

describe('hostile input', () => {
  const rng = (() => {
    let x = 123456789;
    return () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
  })();
  const pieces = ['.*', '(', ')', '[', '\\', '^$', '|', '?', '+', '{2,}', '%s', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '\uD800', '\uDFFF', '\u202E', '\u0000', '人脸', '222', 'face', ' ', '"', "'", '__proto__', 'constructor', '-', '_', '/', '&amp;'];
  it('thousands of random and hostile strings never throw and return plain results', async () => {
    for (let i = 0; i < 3000; i++) {
      const n = 1 + Math.floor(rng() * 8);
      let q = '';
      for (let j = 0; j < n; j++) q += rng() < 0.5 ? pieces[Math.floor(rng() * pieces.length)] : String.fromCharCode(Math.floor(rng() * 0xffff));
      const hits = await client.search(q, { limit: 5 });
      for (const h of hits) expect(typeof h.doc.u).toBe('string');
    }
  });
  it('10 kB input, non-strings and empty input', async () => {
    await expect(client.search('a'.repeat(10_000))).resolves.toBeInstanceOf(Array);
    await expect(client.search('人'.repeat(10_000))).resolves.toBeInstanceOf(Array);
    for (const q of [undefined, null, 42, {}, [], '', '   ']) await expect(client.search(q)).resolves.toBeInstanceOf(Array);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
