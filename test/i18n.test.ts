/**
 * The one translation system: src/content/i18n/{en,zh-CN}.json (the site's and the CLI's strings) and
 * src/core/explain/i18n/{en,zh-CN}.json (explain's, shipped with the library), read by Starlight
 * (Astro.locals.t, both merged by src/node/i18n-loader.ts) in components and by translate()
 * (src/core/i18n.ts) in the CLI and plain modules. The library itself reads only explain's.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import siteEn from '../src/content/i18n/en.json' with { type: 'json' };
import siteZh from '../src/content/i18n/zh-CN.json' with { type: 'json' };
import explainEn from '../src/core/explain/i18n/en.json' with { type: 'json' };
import explainZh from '../src/core/explain/i18n/zh-CN.json' with { type: 'json' };
import nextStepEn from '../src/core/next-step/i18n/en.json' with { type: 'json' };
import nextStepZh from '../src/core/next-step/i18n/zh-CN.json' with { type: 'json' };
import { hasUiString, translate } from '../src/core/i18n.ts';

const SRC = new URL('../src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|astro|mjs)$/.test(name) ? [path] : [];
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

/**
 * `lang === 'zh' ? …` lines whose choice is wording or punctuation: a string literal with Chinese text
 * or of punctuation only, or a table of Chinese text (`…_ZH[`). A placeholder or a key does that job.
 * Choices that are not wording (a field name such as 'url_zh', a path prefix, parsing 'zh'/'en') pass.
 */
export function wordingBranches(text: string): string[] {
  const found: string[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    const at = line.search(/\blang\s*===\s*['"]zh['"]\s*\?/);
    if (at < 0) continue;
    const rest = line.slice(at);
    const literals = [...rest.matchAll(/'([^']*)'|`([^`]*)`|"([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '').slice(1);
    const wording = literals.some((s) => /[^\x00-\x7f]/.test(s) || /^[\s\p{P}]+$/u.test(s)) || /_ZH\[/.test(rest);
    if (wording) found.push(`${i + 1}: ${line.trim()}`);
  }
  return found;
}

type Catalogue = Record<string, string>;
/** Each pair of catalogues, with the keys both languages rightly write the same. */
const CATALOGUES: [name: string, en: Catalogue, zh: Catalogue, sameInBoth: string[]][] = [
  ['src/content/i18n', siteEn, siteZh, ['col.http', 'none']],
  ['src/core/explain/i18n', explainEn, explainZh, []],
  ['src/core/next-step/i18n', nextStepEn, nextStepZh, []],
];
/** Every key, as Astro.locals.t and translate() have them, and nextStep's. */
const en: Catalogue = { ...siteEn, ...explainEn, ...nextStepEn };

describe.each(CATALOGUES)('UI string catalogues in %s', (_name, en, zh, sameInBoth) => {
  it('have the same keys in both languages, in the same order, none empty', () => {
    expect(Object.keys(zh)).toEqual(Object.keys(en));
    for (const [key, text] of [...Object.entries(en), ...Object.entries(zh)]) expect(text.trim(), key).not.toBe('');
  });

  it('are translated: a Chinese string equal to its English one is a copy, except where both languages write it the same', () => {
    const same = Object.keys(en).filter((key) => zh[key] === en[key]);
    expect(same).toEqual(sameInBoth);
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en)) expect(placeholders(zh[key]!), key).toEqual(placeholders(en[key]!));
  });
});

describe('UI string catalogues', () => {
  it("are apart: no key is both the site's and explain's or nextStep's", () => {
    expect(Object.keys(siteEn).filter((key) => Object.hasOwn(explainEn, key) || Object.hasOwn(nextStepEn, key))).toEqual([]);
    expect(Object.keys(explainEn).filter((key) => Object.hasOwn(nextStepEn, key))).toEqual([]);
  });

  it("keep the site's strings out of the library: src/core/index.ts bundles explain's and nextStep's catalogues and none from src/content/", async () => {
    // FlexSearch stays out: it is code, not strings (the package bundles its compact build; see build-lib).
    const result = await build({ entryPoints: [join(SRC, 'core', 'index.ts')], bundle: true, write: false, metafile: true, format: 'esm', platform: 'neutral', external: ['flexsearch'], logLevel: 'silent' });
    const json = Object.keys(result.metafile.inputs).filter((path) => path.endsWith('.json')).sort();
    expect(json).toEqual(['src/core/explain/i18n/en.json', 'src/core/explain/i18n/zh-CN.json', 'src/core/next-step/i18n/en.json', 'src/core/next-step/i18n/zh-CN.json']);
  });

  it('translate() has the keys of both', () => {
    expect(translate('zh', 'entry.whatToDo')).toBe(siteZh['entry.whatToDo']);
    expect(translate('zh', 'explain.advice.unknown')).toBe(explainZh['explain.advice.unknown']);
  });

  it('fill placeholders and punctuation per language', () => {
    expect(translate('en', 'pager.page', { page: 3 })).toBe('Page 3');
    expect(translate('zh', 'pager.page', { page: 3 })).toBe('第 3 页');
    expect(['a', 'b'].join(translate('zh', 'list.separator'))).toBe('a、b');
    expect(translate('en', 'cli.retryWithSource', { retry: 'Yes', source: 'our assessment' })).toBe('Yes (our assessment)');
  });

  it('have every key that src/ asks for by a literal name', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\b(?:t|translate)\((?:'(?:en|zh)'|lang), '([\w.-]+)'|\bt\('([\w.-]+)'/g)) {
        const key = m[1] ?? m[2] ?? '';
        if (!hasUiString(key)) missing.push(`${file.slice(SRC.length)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

/** Keys that src/ builds from data (`kind.${entry.kind}`) rather than names literally. */
const BUILT_KEY_PREFIXES = ['kind.', 'kindOne.', 'outcome.', 'note.', 'lang.', 'policy.', 'policyText.', 'vendorText.', 'search.reason.', 'explain.reason.', 'explain.advice.', 'cli.action.', 'nextStep.message.', 'history.field.'];

describe('UI string usage', () => {
  it('every key is used: named in src/, or built from data under a known prefix', () => {
    const code = sourceFiles(SRC).map((file) => readFileSync(file, 'utf8')).join('\n');
    const unused = Object.keys(en).filter((key) => !code.includes(`'${key}'`) && !BUILT_KEY_PREFIXES.some((prefix) => key.startsWith(prefix)));
    expect(unused).toEqual([]);
  });
});

describe('wording by language', () => {
  it('the check finds a wording branch', () => {
    expect(wordingBranches("const label = lang === 'zh' ? `第 ${p} 页` : `Page ${p}`;")).toHaveLength(1);
    expect(wordingBranches("x.join(lang === 'zh' ? '、' : ', ')")).toHaveLength(1);
    expect(wordingBranches("const colon = lang === 'zh' ? '：' : ': ';")).toHaveLength(1);
    expect(wordingBranches("x.join(lang === 'zh' ? '；' : '; ')")).toHaveLength(1);
    expect(wordingBranches("return lang === 'zh' ? (FIELD_TEXT_ZH[row.path] ?? english) : english;")).toHaveLength(1);
    expect(wordingBranches("const url = lang === 'zh' ? e.url_zh : e.url;")).toEqual([]);
    expect(wordingBranches("const urlField = lang === 'zh' ? 'url_zh' : 'url';")).toEqual([]);
    expect(wordingBranches("const lang = root.dataset.lang === 'zh' ? 'zh' : 'en';")).toEqual([]);
  });

  it('no module under src/ chooses wording or punctuation with a lang === "zh" branch', () => {
    // explain.ts still carries its reasons as because(en, zh) pairs (issue 17, item 1, another change).
    const found = sourceFiles(SRC)
      .filter((file) => !/core\/explain\.ts$/.test(file))
      .flatMap((file) => wordingBranches(readFileSync(file, 'utf8')).map((line) => `${file.slice(SRC.length)}:${line}`));
    expect(found).toEqual([]);
  });
});
