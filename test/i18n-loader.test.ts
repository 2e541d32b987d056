/**
 * src/node/i18n-loader.ts: Starlight's i18n loader with explain's strings (src/core/explain/i18n/)
 * merged into each locale's entry, so Astro.locals.t has every key. Driven here with a stand-in for
 * the glob loader that does what it does with each file: digest its text, parse its data.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Loader, LoaderContext } from 'astro/loaders';
import { withExplainStrings } from '../src/node/i18n-loader.ts';
import siteEn from '../src/content/i18n/en.json' with { type: 'json' };
import explainEn from '../src/core/explain/i18n/en.json' with { type: 'json' };
import explainZh from '../src/core/explain/i18n/zh-CN.json' with { type: 'json' };

const SRC = pathToFileURL(join(import.meta.dirname, '..', 'src') + '/');
const scratch = mkdtempSync(join(tmpdir(), 'i18n-loader-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `withExplainStrings` over these site files (id → data); returns what each entry would hold and its digest. */
async function load(site: Record<string, Record<string, string>>, dir?: URL) {
  const parsed = new Map<string, Record<string, unknown>>();
  const digests = new Map<string, string>();
  const inner: Loader = {
    name: 'fake-glob',
    load: async (context) => {
      for (const [id, data] of Object.entries(site)) {
        digests.set(id, context.generateDigest(JSON.stringify(data)));
        parsed.set(id, await context.parseData({ id, data, filePath: `src/content/i18n/${id}.json` }));
      }
    },
  };
  const context = {
    config: { srcDir: SRC, root: new URL('..', SRC) },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (data: string | Record<string, unknown>) => (typeof data === 'string' ? data : JSON.stringify(data)),
  } as unknown as LoaderContext;
  await withExplainStrings(inner, dir).load(context);
  return { parsed, digests };
}

function stringsDir(files: Record<string, string>): URL {
  const dir = mkdtempSync(join(scratch, 'strings-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return pathToFileURL(dir + '/');
}

describe('the i18n loader with explain strings', () => {
  it("gives each locale's entry its own strings and explain's, from src/core/explain/i18n/", async () => {
    const { parsed } = await load({ en: { 'nav.vendors': 'Vendors' }, 'zh-cn': { 'nav.vendors': '厂商' } });
    expect(parsed.get('en')).toEqual({ 'nav.vendors': 'Vendors', ...explainEn });
    expect(parsed.get('zh-cn')).toEqual({ 'nav.vendors': '厂商', ...explainZh });
  });

  it('the real catalogues have no key in common', async () => {
    const { parsed } = await load({ en: siteEn });
    expect(Object.keys(parsed.get('en')!).length).toBe(Object.keys(siteEn).length + Object.keys(explainEn).length);
  });

  it("an entry's digest changes when only explain's strings do (a cached entry is not reused)", async () => {
    const site = { en: { a: 'A' } };
    const one = await load(site, stringsDir({ 'en.json': '{"explain.reason.x": "X"}' }));
    const two = await load(site, stringsDir({ 'en.json': '{"explain.reason.x": "Y"}' }));
    expect(one.digests.get('en')).not.toBe(two.digests.get('en'));
    expect(two.parsed.get('en')).toEqual({ a: 'A', 'explain.reason.x': 'Y' });
  });

  it('fails on a key in both files, naming the key and both places', async () => {
    const dir = stringsDir({ 'en.json': '{"explain.reason.x": "X"}' });
    await expect(load({ en: { 'explain.reason.x': 'also here' } }, dir)).rejects.toThrow(/src\/content\/i18n\/en\.json: explain\.reason\.x also in .*strings-\w+\/: explain's strings belong there only/);
  });

  it("fails on a locale without explain's strings, naming the file it wants", async () => {
    const dir = stringsDir({ 'en.json': '{}' });
    await expect(load({ en: {}, 'zh-cn': {} }, dir)).rejects.toThrow(/src\/content\/i18n\/zh-cn\.json: no zh-cn\.json in .*strings-\w+\/ with explain's strings/);
  });

  it('fails on a file of explain strings that is not JSON, or not an object, naming it', async () => {
    await expect(load({ en: {} }, stringsDir({ 'en.json': '{"a": ' }))).rejects.toThrow(/strings-\w+\/en\.json: .*JSON/);
    await expect(load({ en: {} }, stringsDir({ 'en.json': '["a"]' }))).rejects.toThrow(/strings-\w+\/en\.json: not a JSON object/);
  });
});
