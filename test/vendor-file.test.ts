/**
 * One vendor at a time: the library takes a vendor's file (<vendor>.json, the package's
 * vision-error-codes/vendors/<id>.json) wherever it takes index.json, and gives the same answers
 * for that vendor's entries.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../src/node/data-files.ts';
import { buildArtifactForSite } from '../src/node/artifact-files.ts';
import { createLookup, explain, searchEntries, type ArtifactIndex, type ArtifactVendorFile } from '../src/core/index.ts';

const files = buildArtifactForSite(loadKnowledgeBase(), 'https://errors.example.org').files;
const index = JSON.parse(files.get('index.json')!) as ArtifactIndex;
const baidu = JSON.parse(files.get('baidu-face.json')!) as ArtifactVendorFile;

describe('a vendor file', () => {
  it('carries the categories its entries use, and only those', () => {
    const used = new Set(baidu.entries.map((e) => e.category));
    expect(baidu.categories.map((c) => c.id).sort()).toEqual([...used].sort());
    expect(baidu.categories).toEqual(index.categories.filter((c) => used.has(c.id)));
  });

  it('works with createLookup: lookup, find, vendor, category', () => {
    const kb = createLookup(baidu);
    expect(kb.vendorIds()).toEqual(['baidu-face']);
    expect(kb.vendors().map((v) => v.id)).toEqual(['baidu-face']);
    expect(kb.vendor('baidu')?.name.en).toBe(index.vendors.find((v) => v.id === 'baidu-face')!.name.en);
    expect(kb.lookup('baidu-face', '222202')?.message).toBe('pic not has face');
    expect(kb.find('222202').map((e) => e.id)).toEqual(['baidu-face/222202']);
    expect(kb.find('ModelArts.4204')).toEqual([]); // another vendor's code: not in this file
    expect(kb.category(kb.lookup('baidu-face', '222202')!.category)?.name.en).toBe('No face detected');
  });

  it('explain reads a Baidu body with only Baidu data, as it does with the whole index', () => {
    const body = '{"error_code": 222202, "error_msg": "pic not has face", "log_id": 1}';
    const alone = explain(body, {}, baidu);
    const whole = explain(body, {}, index);
    expect(alone.outcome).toBe('failure');
    expect(alone.vendor).toBe('baidu-face');
    expect(alone.entry?.id).toBe('baidu-face/222202');
    expect({ ...alone, reasons: undefined, reasonsZh: undefined, reasonKeys: undefined }).toEqual({ ...whole, reasons: undefined, reasonsZh: undefined, reasonKeys: undefined });
  });

  it('searchEntries finds the same entries by category name (needs the file\'s categories) as with the index', async () => {
    // The same set: the order may differ, as rarity (IDF) is counted over the file's own entries.
    const found = async (from: typeof index | typeof baidu, q: string, vendor?: string) =>
      (await searchEntries(from, q, { limit: 200, ...(vendor ? { vendor } : {}) })).map((e) => e.id).sort();
    for (const q of ['face', '人脸', 'No face detected', '222202']) expect(await found(baidu, q), q).toEqual(await found(index, q, 'baidu-face'));
    expect((await searchEntries(baidu, 'No face detected')).length).toBeGreaterThan(0);
    expect((await searchEntries(baidu, '222202'))[0]?.id).toBe('baidu-face/222202');
  });
});
