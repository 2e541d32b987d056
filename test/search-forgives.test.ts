/**
 * Search that forgives (issue 22): typos over the index's own vocabulary, words run together, the
 * other grammatical number, codes in the forms people type them (separators changed or missing,
 * labels, words around them), ticket words, a vendor named in the words, a message quoted in a
 * ticket; and the first result as soon as a code, message or status decides it.
 */
import { describe, expect, it } from 'vitest';
import { realSearch } from './support/real-search.ts';
import { rangeFiles, SearchClient, type SearchHit } from '../src/core/search/query.ts';
import type { SearchManifest } from '../src/core/search/format.ts';
import { compactCode } from '../src/core/normalize.ts';
import { messageKey } from '../src/core/search/tokenize.ts';
import { corrections, cuts, distanceWithin, editsFor } from '../src/core/search/typos.ts';

const { files, fetched, client } = realSearch();
const ids = async (q: string, n = 3) => (await client.search(q, { limit: n })).map((h) => `${h.doc.v}/${h.doc.k === 'http-status' ? 'http/' : h.doc.k === 'task-state' ? 'state/' : ''}${h.doc.c}`);

describe('typos', () => {
  it('counts edits as an optimal string alignment: a swap of neighbours is one edit', () => {
    expect(distanceWithin('tiemout', 'timeout', 1)).toBe(1);
    expect(distanceWithin('qouta', 'quota', 1)).toBe(1);
    expect(distanceWithin('sever', 'server', 1)).toBe(1);
    expect(distanceWithin('authentification', 'authentication', 2)).toBe(2);
    expect(distanceWithin('face', 'fact', 0)).toBeUndefined();
    expect(distanceWithin('abc', 'abcdef', 2)).toBeUndefined();
    expect([editsFor('fac'), editsFor('face'), editsFor('timeout'), editsFor('unsupported')]).toEqual([0, 1, 1, 2]);
    expect(corrections([['timeout', 9], ['tome', 1]], 'tiemout')).toEqual(['timeout']);
    expect(corrections([['face', 9]], 'fac')).toEqual([]);
    expect(cuts('ratelimit', (w) => w === 'rate')).toEqual([['rate', 'limit']]);
  });

  it('a misspelt word finds what the word finds, below the word spelt right', async () => {
    // The same entries come first (in the same order or nearly: a corrected word scores a little lower).
    for (const [typo, right] of [['tiemout', 'timeout'], ['qouta exceeded', 'quota exceeded'], ['sever error', 'server error'], ['unathorized', 'unauthorized'], ['insuficient credits', 'insufficient credits']] as const)
      expect(await ids(typo, 3), typo).toContain((await ids(right, 1))[0]);
    expect(await ids('tiemout', 1)).toEqual(await ids('timeout', 1));
    expect(await ids('ratelimit', 1)).toEqual(await ids('rate limit', 1));
    // Words the index has are never corrected, and need no vocabulary file.
    fetched.length = 0;
    await client.search('blurry face');
    expect(fetched.filter((p) => p.startsWith('vocab/'))).toEqual([]);
    await client.search('blury face');
    expect(fetched.filter((p) => p.startsWith('vocab/'))).toEqual(['vocab/b.json']);
  });

  it('finds the singular for the plural', async () => {
    expect(await ids('faces covered', 1)).toEqual(await ids('face covered', 1));
  });
});

describe('codes as people type them', () => {
  it('with the separator changed or missing, or inside a label', async () => {
    expect(await ids('apig-0308', 1)).toEqual(['g42-image/APIG.0308']);
    expect(await ids('errorCode=18', 1)).toEqual(['baidu-face/18']);
    expect(await ids('status=-8', 1)).toEqual(['picwish/state/-8']);
    expect(await ids('ModelArts_4603', 1)).toEqual(['g42-image/ModelArts.4603']);
  });

  it('with words around it, in either language: that exact code first, never codes it begins', async () => {
    expect(await ids('customer gets 222202 from Baidu', 1)).toEqual(['baidu-face/222202']);
    expect(await ids('百度 111 令牌', 1)).toEqual(['baidu-face/111']);
    expect(await ids('请问百度返回18怎么办', 1)).toEqual(['baidu-face/18']);
    expect(await ids('AIS.0503 on every photo', 1)).toEqual(['g42-image/AIS.0503']);
    // A number of a sentence is still no code: no code-tier result for these.
    for (const q of ['after 10 minutes', 'face 22', 'error after 10 minutes']) expect((await client.search(q, { limit: 5 })).filter((h) => h.reason !== 'text'), q).toEqual([]);
  });

  it('a short number right after a label is a code, whatever words follow', async () => {
    expect(await ids('返回码 -7 图片坏了', 1)).toEqual(['picwish/state/-7']);
    expect(await ids('state=-8 for an hour', 1)).toEqual(['picwish/state/-8']);
  });

  it('words around a code spelt with spaces are tried both ways', async () => {
    // `got.17.from` is no code; `17` after the label, at the vendor named, is.
    const [hit] = await client.search('got err_code 17 from baidu');
    expect([hit?.reason, `${hit?.doc.v}/${hit?.doc.c}`]).toEqual(['code', 'baidu-face/17']);
  });

  it('a status with words around it lists its entries, the ones the words describe first', async () => {
    const hits = await client.search('AILabTools returns 422 no face detected for selfies', { limit: 3 });
    expect(hits.map((h) => [h.reason, h.doc.c])[0]).toEqual(['status', 'ERROR_NO_FACE_IN_FILE']);
    const firsts: string[] = [];
    const again = await new SearchClient(async (path) => JSON.parse(files.get(path)!)).search('AILabTools returns 422 no face detected for selfies', {
      limit: 3,
      onFirst: (hit) => firsts.push(hit.doc.c ?? ''),
    });
    // The first shown is the first for good: with words to weigh, the status alone does not decide it.
    expect(firsts).toEqual([again[0]!.doc.c]);
  });
});

describe('tickets', () => {
  it('a message quoted in a ticket is that message', async () => {
    const [hit] = await client.search('client keeps getting "Insufficient credits" on every call');
    expect(hit?.reason).toBe('message');
    expect(hit?.doc.c).toBe('ERROR_NOT_ENOUGH_CREDITS');
  });

  it('a vendor named in the words puts its entries first', async () => {
    expect((await client.search('佐糖任务超时'))[0]?.doc.v).toBe('picwish');
    expect((await client.search('picwish task timeout'))[0]?.doc.v).toBe('picwish');
    // …also named by its product alone: 如影 of 商汤如影, 人脸识别 of 百度人脸识别.
    expect(await ids('如影 令牌无效', 1)).toEqual(['softsugar/84115943']);
    expect(await ids('如影报错 60112505', 1)).toEqual(['softsugar/60112505']);
    expect((await client.search('人脸识别 活体检测没过'))[0]?.doc.v).toBe('baidu-face');
  });

  it('a keyword is matched whole once the vendor named beside it is set aside', async () => {
    // `rate limit` is a keyword of the rate-limited category; 89999998's message holds the words too.
    expect(await ids('SenseTime rate limit', 1)).toEqual(['softsugar/89999999']);
  });

  it('a literal message standing inside a ticket counts more than its words apart', async () => {
    expect(await ids('our G42 calls fail with Invalid token since this morning', 1)).toEqual(['g42-image/ModelArts.0203']);
    expect(await ids('如影接口一直返回 Token is invalid', 1)).toEqual(['softsugar/84115943']);
  });
});

describe('the first result', () => {
  it('is shown once a code decides it, before the words are scored', async () => {
    // Every index file but those the code is looked up in (its words `modelarts` and `4204` are elsewhere) is held back.
    const manifest = JSON.parse(files.get('manifest.json')!) as SearchManifest;
    const codeFiles = new Set(rangeFiles(manifest.text_starts, compactCode('ModelArts.4204'), 3).map((f) => `text/${f}.json`));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held: string[] = [];
    const slow = new SearchClient(async (path) => {
      if (path.startsWith('text/') && !codeFiles.has(path)) {
        held.push(path);
        await gate;
      }
      return JSON.parse(files.get(path)!);
    });
    const firsts: SearchHit[] = [];
    const search = slow.search('ModelArts.4204', { onFirst: (hit) => firsts.push(hit) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(held.length).toBeGreaterThan(0);
    expect(firsts.map((h) => h.doc.c)).toEqual(['ModelArts.4204']);
    release();
    const hits = await search;
    expect(hits[0]?.doc.c).toBe('ModelArts.4204');
    expect(firsts).toHaveLength(1);
  });

  it('is shown once a message decides it, before the words are scored', async () => {
    // The files of its code lookup (none matches) and of its message are let through; its words' files are held back.
    const q = 'Access token expired';
    const manifest = JSON.parse(files.get('manifest.json')!) as SearchManifest;
    const through = new Set([...rangeFiles(manifest.text_starts, compactCode(q), 3), ...rangeFiles(manifest.text_starts, messageKey(q), 1)].map((f) => `text/${f}.json`));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held: string[] = [];
    const slow = new SearchClient(async (path) => {
      if (path.startsWith('text/') && !through.has(path)) {
        held.push(path);
        await gate;
      }
      return JSON.parse(files.get(path)!);
    });
    const firsts: string[] = [];
    const search = slow.search(q, { onFirst: (hit) => firsts.push(`${hit.doc.v}/${hit.doc.c}`) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(held.length).toBeGreaterThan(0);
    expect(firsts).toEqual(['baidu-face/111']);
    release();
    expect((await search)[0]?.reason).toBe('message');
  });

  it('waits for the words when nothing stronger decides it, and respects the filters', async () => {
    const firsts: string[] = [];
    const hits = await client.search('222202', { filters: { vendor: 'ailabtools' }, onFirst: (hit) => firsts.push(hit.doc.c ?? '') });
    expect(firsts).toEqual(hits.length > 0 ? [hits[0]!.doc.c] : []);
    expect(hits.every((h) => h.doc.v === 'ailabtools')).toBe(true);
  });
});
