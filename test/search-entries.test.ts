/**
 * The library's search (searchEntries, searchEntryHits; the CLI's `search`): the site's engine over
 * index.json or one vendor's file, built in memory. Relevance is judged in search-relevance.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { realIndex } from './support/real-index.ts';
import { createLookup, searchEntries, searchEntryHits } from '../src/core/index.ts';

const index = realIndex();
const ids = async (q: string, options = {}) => (await searchEntries(index, q, options)).map((e) => e.id);

describe('searchEntries', () => {
  it('finds words of the meaning, message or category in both languages, and mixed scripts without a space', async () => {
    expect((await ids('blurry face')).slice(0, 2)).toEqual(expect.arrayContaining(['ailabtools/ERROR_BLURRY_FACE']));
    expect(await ids('人脸模糊')).toContain('baidu-face/223114');
    expect((await ids('token过期'))[0]).toBe('baidu-face/111');
    expect((await ids('ｔｏｋｅｎ过期'))[0]).toBe('baidu-face/111');
  });

  it('finds by the vocabulary of the data: category keywords and synonyms', async () => {
    const quota = (await searchEntries(index, '余额不足', { limit: 3 })).map((e) => e.category);
    expect(quota[0]).toBe('quota-exhausted');
    expect((await searchEntries(index, 'throttled', { limit: 3 })).every((e) => e.category === 'rate-limited')).toBe(true);
  });

  it('puts an exact code first and says which rule found it; never matches a number that is no code fuzzily', async () => {
    const hits = await searchEntryHits(index, '222202');
    expect(hits[0]).toMatchObject({ entry: { id: 'baidu-face/222202' }, reason: 'code' });
    expect((await searchEntryHits(index, 'pic not has face'))[0]).toMatchObject({ entry: { id: 'baidu-face/222202' }, reason: 'message' });
    expect(await ids('99999999999')).toEqual([]);
  });

  it('filters by vendor (id, prefix or name), category, kind and HTTP status; an unknown vendor finds nothing', async () => {
    for (const vendor of ['picwish', 'PicWish', '佐糖']) {
      const found = await searchEntries(index, 'rate', { vendor });
      expect(found.length, vendor).toBeGreaterThan(0);
      expect(found.every((e) => e.vendor === 'picwish'), vendor).toBe(true);
    }
    expect((await searchEntries(index, 'face', { category: 'no-face' })).every((e) => e.category === 'no-face')).toBe(true);
    expect((await searchEntries(index, 'processing', { kind: 'task-state' })).every((e) => e.kind === 'task-state')).toBe(true);
    expect((await searchEntries(index, 'limit', { http: 429 })).every((e) => e.http_status === 429)).toBe(true);
    expect(await ids('face', { vendor: 'no-such-vendor' })).toEqual([]);
  });

  it('keeps to the limit, and finds nothing for empty, blank, non-string or unknown queries', async () => {
    expect(await searchEntries(index, 'face', { limit: 3 })).toHaveLength(3);
    for (const q of ['', '   ', 'zzzzqqqxx', 42 as unknown as string, null as unknown as string]) expect(await ids(q), String(q)).toEqual([]);
  });

  it('builds the index once per lookup: a second search over the same lookup reuses it', async () => {
    const l = createLookup(index);
    const first = performance.now();
    await searchEntries(l, 'face');
    const built = performance.now() - first;
    const second = performance.now();
    await searchEntries(l, 'timeout');
    // Not a timing test of speed: building takes hundreds of ms, a query over a built index a few.
    expect(performance.now() - second).toBeLessThan(built);
  });

  it('a huge query is cut, not a hang', async () => {
    const started = performance.now();
    expect(Array.isArray(await searchEntries(index, 'face '.repeat(200_000)))).toBe(true);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
