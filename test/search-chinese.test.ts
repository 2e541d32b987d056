/**
 * Chinese the bigrams miss (src/core/search/chinese.ts): a pinyin keyboard's typo read as the
 * homophone that makes a word of the index (图片太胡 → 太糊, 令排过期 → 令牌), a character searched by
 * itself when no bigram of the query holds it (糊 of 照片糊得看不清), and keywords standing inside a
 * query (上传的不是图片 holds 不是图片). On the real index, and on made-up inputs for the rules.
 */
import { describe, expect, it } from 'vitest';
import { realSearch } from './support/real-search.ts';
import { chineseTerms, homophonesOf, type SoundGroups } from '../src/core/search/chinese.ts';
import { HOMOPHONES } from '../src/core/search/homophones.ts';
import { innerWholeTokens } from '../src/core/search/tokenize.ts';

const { fetched, client } = realSearch();
const first = async (q: string) => {
  const [hit] = await client.search(q, { lang: 'zh', limit: 1 });
  return hit ? `${hit.doc.v}/${hit.doc.k === 'http-status' ? 'http/' : hit.doc.k === 'task-state' ? 'state/' : ''}${hit.doc.c}` : undefined;
};

describe('the homophone table (npm run homophones)', () => {
  const groups = HOMOPHONES.trim().split(/\s+/).map((g) => g.split(':') as [string, string]);
  it('holds the 3,755 characters of GB2312 level 1 under about 400 readings', () => {
    expect(new Set(groups.flatMap(([, chars]) => [...chars])).size).toBe(3755);
    expect(groups.length).toBeGreaterThan(390);
    expect(groups.every(([reading, chars]) => /^[a-zü]+$/.test(reading) && chars.length > 0)).toBe(true);
  });
  it('puts the characters a pinyin keyboard confuses together', () => {
    const reading = (c: string) => groups.filter(([, chars]) => chars.includes(c)).map(([r]) => r);
    expect(reading('胡')).toContain('hu');
    expect(reading('糊')).toContain('hu');
    expect(reading('排')).toEqual(reading('牌'));
    // Every reading of a character counts: 行 is xing and hang.
    expect(reading('行')).toEqual(expect.arrayContaining(['xing', 'hang']));
  });
});

describe('reading Chinese the bigrams miss (the rules, on a made-up index)', () => {
  const sounds: SoundGroups = [['糊户', '胡湖'], ['牌派', '排'], ['太', '态']];
  const index = new Set(['图片', '太糊', '太', '糊', '令牌', '过期', '人脸', '模糊']);
  const known = async (token: string) => index.has(token);
  it('reads a character that makes no word with its neighbours as a homophone that does', async () => {
    expect(await chineseTerms('图片太胡', known, async () => sounds)).toEqual(expect.arrayContaining([{ term: '太糊', exactness: 0.7 }]));
    expect(await chineseTerms('令排过期', known, async () => sounds)).toEqual([{ term: '令牌', exactness: 0.7 }]);
  });
  it('searches such a character by itself when the index has it, but never a particle', async () => {
    const terms = await chineseTerms('照片糊得看不清', known, async () => []);
    expect(terms).toContainEqual({ term: '糊', exactness: 0.5 });
    expect(terms.map((t) => t.term)).not.toContain('得');
  });
  it('asks for the homophones only when a character is left over', async () => {
    let asked = 0;
    expect(await chineseTerms('人脸模糊', known, async () => (asked++, sounds))).toEqual([]);
    expect(asked).toBe(0);
  });
  it('lists the index characters of every reading of a character, itself left out', () => {
    expect(homophonesOf('胡', sounds)).toEqual(['糊', '户']);
    expect(homophonesOf('糊', sounds)).toEqual(['户']);
    expect(homophonesOf('x', sounds)).toEqual([]);
  });
  it('finds the spans inside a query that may be keywords: Chinese cut anywhere, Latin words whole', () => {
    expect(innerWholeTokens('上传的不是图片')).toEqual(expect.arrayContaining(['不是图片~=', '不是~=']));
    expect(innerWholeTokens('the api key is rejected')).toContain('api~key~=');
    expect(innerWholeTokens('rate limit')).not.toContain('rate~limit~=');
  });
});

describe('on the real index', () => {
  it('a homophone typed for a character finds what the right character finds', async () => {
    expect(['baidu-face/223114', 'ailabtools/ERROR_BLURRY_FACE']).toContain(await first('图片太胡'));
    expect(['baidu-face/111', 'softsugar/60112505']).toContain(await first('令排过期'));
    expect(await first('余额不组')).toBe('ailabtools/ERROR_NOT_ENOUGH_CREDITS');
  });
  it('a character no bigram of the query holds is searched by itself', async () => {
    expect(['baidu-face/223113', 'ailabtools/ERROR_OBSTRUCTED_FACE']).toContain(await first('脸被挡住了'));
  });
  it('a query whose words the index has fetches no homophones', async () => {
    fetched.length = 0;
    await client.search('人脸模糊');
    expect(fetched.filter((p) => p === 'sounds.json')).toEqual([]);
  });
});
