/**
 * Names that cannot collide (issue 25, item 5): a vendor id is none of the site's or the artifact's
 * own top-level names; two codes of a vendor and kind never share a lookup key (lookupKeys, the one
 * definition lookup uses); a code is not a page folder's own file; search finds every code lookup
 * finds; an entry whose URL is percent-encoded is one search result, not an entry and a "page".
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import './support/fuzz-seed.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { validateSources, type SourceFile } from '../src/core/validate.ts';
import { formatProblem } from '../src/core/yaml-source.ts';
import { RESERVED_VENDOR_IDS, reservedVendorId } from '../src/core/model.ts';
import { id as idSchema } from '../src/core/schema.ts';
import { compactCode, lookupKeys, normalizeCode } from '../src/core/normalize.ts';
import { createLookup, type ArtifactIndex } from '../src/core/lookup.ts';
import { SearchClient } from '../src/core/search/query.ts';
import { buildArtifactForSite } from '../src/node/artifact-files.ts';
import { loadKnowledgeBase } from '../src/node/data-files.ts';
import { buildSearchFiles, searchIndexOf } from '../src/node/search-files.ts';
import { linksToBuiltAstroPage } from '../src/node/markdown-pages.ts';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'kb-names-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
/** data/categories.yaml with its bad-parameter category only: validating against it takes 5 ms, not 90. */
const categories: SourceFile = (() => {
  const lines = readFileSync(join(root, 'data/categories.yaml'), 'utf8').split('\n');
  const first = lines.findIndex((l) => l === '  - id: bad-parameter');
  const end = lines.findIndex((l, i) => i > first && l.startsWith('  - id: '));
  return { path: 'data/categories.yaml', text: ['categories:', ...lines.slice(first, end)].join('\n') };
})();
const minimal = readFileSync(join(root, 'test/fixtures/valid/minimal.yaml'), 'utf8');
const stem = (name: string) => name.replace(/\.[a-z]+$/, '');
/** Entry i's own words, in letters (the validator compares the numbers of en and zh). */
const letters = (i: number): string => (i < 26 ? '' : letters(Math.floor(i / 26) - 1)) + String.fromCharCode(97 + (i % 26));

/** A vendor file `id` with these error codes (the minimal fixture's entry once per code, each with its own end-user message). */
function vendorWith(id: string, codes: readonly string[]): SourceFile {
  const [head, entry] = minimal.replace('id: minimal', `id: ${JSON.stringify(id)}`).split('entries:\n') as [string, string];
  const entries = codes
    .map((code, i) =>
      entry
        .replace('code: "1"', `code: ${JSON.stringify(code)}`)
        .replace('message: Bad', `message: Bad ${letters(i)}`)
        .replace('    retryable: false', `    retryable: false\n    end_user_message: { en: "Item ${letters(i)} of the request was not accepted.", zh: "请求中的 ${letters(i)} 项未被接受。" }`),
    )
    .join('');
  return { path: `data/vendors/${id}.yaml`, text: `${head}entries:\n${entries}` };
}

describe('reserved vendor ids', () => {
  it('every top-level name the site and the artifact use is reserved', () => {
    const pages = readdirSync(join(root, 'src/pages/[...locale]')).filter((n) => !n.startsWith('['));
    const names = [
      ...pages.map(stem),
      ...readdirSync(join(root, 'src/pages')).filter((n) => !n.startsWith('[')).map(stem),
      ...readdirSync(join(root, 'src/content/docs')),
      ...readdirSync(join(root, 'public')).map(stem),
      // What the integrations write (src/node/site-outputs.ts, sitemap.ts) beside the pages.
      'api', 'search-index', 'explain-index', 'sitemap-index', 'sitemap-0', 'sitemap-7',
    ];
    const kb = validateSources(categories, [vendorWith('minimal', ['1'])]);
    if (!kb.ok) throw new Error(kb.problems.map(formatProblem).join('\n'));
    const artifactNames = [...buildArtifactForSite(kb.kb, 'https://example.org').files.keys()].filter((p) => !p.includes('/') && p !== 'minimal.json');
    expect(artifactNames.map(stem).sort()).toEqual(['categories', 'changelog', 'entries', 'entries', 'index', 'openapi', 'schema']);
    const possibleIds = [...names, ...artifactNames.map(stem)].filter((n) => idSchema.safeParse(n).success);
    expect(possibleIds).toContain('index');
    expect(possibleIds.filter((n) => reservedVendorId(n) === undefined), 'top-level names a vendor could take').toEqual([]);
  });

  it('each is refused by the validator at vendor.id with file:line:col', () => {
    for (const id of [...RESERVED_VENDOR_IDS.keys(), 'sitemap-0', 'sitemap-12']) {
      const result = validateSources(categories, [vendorWith(id, ['1'])]);
      expect(result.ok ? [] : result.problems.map(formatProblem), id).toEqual([
        `data/vendors/${id}.yaml:3:7 vendor.id: "${id}" is a top-level name the site or the artifact itself uses (${reservedVendorId(id)}) and cannot be a vendor id [reserved-vendor-id]`,
      ]);
    }
  });
});

describe('codes a lookup would confuse', () => {
  it('cannot both validate: same canonical form, same full-width digits, same compact form', () => {
    const pairs: [string, string][] = [['Foo.Bar', 'Foo_Bar'], ['222202', '２２２２０２'], ['ModelArts.4204', 'Model.Arts4204'], ['http:404', '404']];
    for (const [a, b] of pairs) {
      expect(validateSources(categories, [vendorWith('v', [a])]).ok, a).toBe(true);
      const result = validateSources(categories, [vendorWith('v', [a, b])]);
      expect(result.ok ? [] : result.problems.map(formatProblem), `${a} / ${b}`).toEqual([expect.stringMatching(/^data\/vendors\/v\.yaml:29:11 entries\[1\]\.code: code .* is the same code to lookup as .* at data\/vendors\/v\.yaml:20:11 \(entries\[0\]\).*\[lookup-unique-code\]$/)]);
    }
  });

  it('a code of separators only cannot validate', () => {
    const result = validateSources(categories, [vendorWith('v', ['...'])]);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'data/vendors/v.yaml:20:11 entries[0].code: code "..." is only separators (. _ / or white space), which lookup and search ignore: nothing could find it [lookup-unique-code]',
    ]);
  });

  it('compactCode is the settled definition, and lookupKeys gives exactly normalizeCode and compactCode', () => {
    const reference = (x: string) => {
      let current = normalizeCode(normalizeCode(x)).replace(/\./g, '');
      for (let i = 0; i < 4; i++) {
        const next = normalizeCode(current).replace(/\./g, '');
        if (next === current) break;
        current = next;
      }
      return current;
    };
    const unit = fc.constantFrom('a', 'B', '1', '.', '_', '/', ' ', '-', 'é', 'e\u0301', '\u0301', 'Ａ', '２', 'ﬁ', 'İ', 'http', ':', '404');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit, maxLength: 12 }), fc.string({ maxLength: 12 })), (x) => {
        expect(compactCode(x)).toBe(reference(x));
        expect(lookupKeys(x)).toEqual({ exact: normalizeCode(x), compact: compactCode(x) });
      }),
      { numRuns: 400 },
    );
  });

  it('of any codes that validate together, no spelling finds two', () => {
    const unit = fc.constantFrom('a', 'b', 'A', '1', '2', '.', '_', '-', 'Ａ', '２');
    const spell = (code: string) => [code, code.toUpperCase(), code.replace(/[._]/g, ''), code.replace(/[._]/g, ' '), code.replace(/\./g, '_'), normalizeCode(code), compactCode(code)];
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit, minLength: 1, maxLength: 5 }), { minLength: 2, maxLength: 4 }), (codes) => {
        if (!validateSources(categories, [vendorWith('v', codes)]).ok) return;
        const entries = codes.map((code) => ({ id: `v/${code}`, vendor: 'v', kind: 'error', code, category: 'x', message: null, meaning: { en: '', zh: '' }, remedy: { en: '', zh: '' }, retryable: false }));
        const l = createLookup({ entries } as never);
        for (const code of codes) {
          expect(l.lookup('v' as string, code)?.code, code).toBe(code);
          for (const q of spell(code)) expect(l.find(q).length, `${JSON.stringify(q)} among ${JSON.stringify(codes)}`).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('search finds every code lookup finds', () => {
  it('over generated codes that validate, at their vendor', async () => {
    const unit = fc.constantFrom('a', 'B', 'z', '1', '7', '0', '.', '_', '-', '错', 'é', 'Ａ', '２', ':');
    // Drop the codes the validator refuses until the rest validate together.
    let codes = [...new Set(fc.sample(fc.string({ unit, minLength: 1, maxLength: 8 }), 300))];
    for (let round = 0; round < 10; round++) {
      const result = validateSources(categories, [vendorWith('gen', codes)]);
      if (result.ok) break;
      const refused = new Set(result.problems.map((p) => Number(/^entries\[(\d+)\]/.exec(p.path)?.[1])));
      codes = codes.filter((_, i) => !refused.has(i));
    }
    expect(validateSources(categories, [vendorWith('gen', codes)]).ok).toBe(true);
    expect(codes.length).toBeGreaterThan(100);
    const dir = join(work, 'gen-data');
    mkdirSync(join(dir, 'vendors'), { recursive: true });
    writeFileSync(join(dir, 'categories.yaml'), categories.text);
    writeFileSync(join(dir, 'vendors', 'gen.yaml'), vendorWith('gen', codes).text);
    const kb = loadKnowledgeBase(dir);
    const artifact = buildArtifactForSite(kb, 'https://example.org');
    const index = JSON.parse(artifact.files.get('index.json')!) as ArtifactIndex;
    const l = createLookup(index);
    const files = searchIndexOf(kb, artifact);
    const client = new SearchClient(async (path) => JSON.parse(files.get(path) ?? 'null'));
    for (const e of index.entries) {
      for (const q of [e.code, e.code.toLowerCase(), normalizeCode(e.code), compactCode(e.code)]) {
        const found = l.find(q);
        if (found.length === 0) continue;
        const hits = await client.search(q, { limit: 200 });
        for (const f of found) expect(hits.some((h) => h.doc.t === 'e' && h.doc.c === f.code), `search ${JSON.stringify(q)} for ${f.id}`).toBe(true);
      }
    }
  });
});

describe('a code that needs percent-encoding', () => {
  it('is one search result: its built page is not indexed again as a prose page', () => {
    const kb = loadKnowledgeBase(join(root, 'test/fixtures/edge'));
    const artifact = buildArtifactForSite(kb, 'https://example.org');
    const code = '错'.repeat(66);
    const dist = join(work, 'edge-dist');
    const page = (path: string, title: string) => {
      mkdirSync(join(dist, path), { recursive: true });
      writeFileSync(join(dist, path, 'index.html'), `<html><head><title>${title} | Site</title></head><body><h1>${title}</h1></body></html>`);
    };
    // As Astro writes them: folders named with the decoded code.
    page(`edge/${code}`, 'Entry page');
    page(`zh-cn/edge/${code}`, 'Entry page zh');
    page('guides/one', 'A guide');
    const docs = [...buildSearchFiles(kb, artifact, dist)].filter(([path]) => path.startsWith('docs/')).flatMap(([, text]) => JSON.parse(text) as { t: string; u: string }[]);
    expect(docs.filter((d) => d.t === 'p').map((d) => d.u)).toEqual(['/guides/one/']);
    expect(docs.filter((d) => d.t === 'e' && decodeURIComponent(d.u) === `/edge/${code}/`)).toHaveLength(1);
  });

  it('is looked for decoded by the Markdown link check, and a malformed escape is a link to no page, not a crash', () => {
    const dist = join(work, 'link-dist');
    mkdirSync(join(dist, 'edge', '错'.repeat(66)), { recursive: true });
    writeFileSync(join(dist, 'edge', '错'.repeat(66), 'index.html'), '<html></html>');
    expect(linksToBuiltAstroPage(`/edge/${encodeURIComponent('错'.repeat(66))}/`, new Set(), dist)).toBe(true);
    expect(linksToBuiltAstroPage('/edge/%E9/', new Set(), dist)).toBe(false);
  });
});
