/**
 * src/site/remembering-t.ts: a build's `locals.t` remembers answers per language. It must answer what
 * the translation function answers, never one call's string for another's, and keep a bounded number.
 */
import { describe, expect, it } from 'vitest';
import { PARAMETERISED_LIMIT, rememberingT } from '../src/site/remembering-t.ts';

/** A stand-in for i18next's `t` that counts its calls and shows what it was given. */
function counting() {
  const calls: [string, object | undefined][] = [];
  const t = (key: string, options?: object) => {
    calls.push([key, options]);
    return options === undefined ? `<${key}>` : `<${key} ${JSON.stringify(options)}>`;
  };
  return { t, calls };
}

describe('rememberingT', () => {
  it('asks once for a string without parameters and once per distinct set of plain parameters', () => {
    const { t, calls } = counting();
    const tr = rememberingT(t, new Map(), true);
    expect(tr('nav.vendors')).toBe('<nav.vendors>');
    expect(tr('nav.vendors')).toBe('<nav.vendors>');
    const first = tr('entry.sourceLine', { vendor: 'Baidu', count: 2 });
    expect(tr('entry.sourceLine', { vendor: 'Baidu', count: 2 })).toBe(first);
    // Another value, another key, or the same value as a number or a string: asked again, answered apart.
    expect(tr('entry.sourceLine', { vendor: 'PicWish', count: 2 })).not.toBe(first);
    expect(tr('entry.vendorSources', { vendor: 'Baidu', count: 2 })).not.toBe(first);
    expect(tr('entry.sourceLine', { vendor: 'Baidu', count: '2' })).not.toBe(first);
    expect(calls.map(([key]) => key)).toEqual(['nav.vendors', 'entry.sourceLine', 'entry.sourceLine', 'entry.vendorSources', 'entry.sourceLine']);
  });

  it('turns off HTML escaping of interpolated values, remembered or not', () => {
    const { t, calls } = counting();
    rememberingT(t, new Map(), true)('a', { vendor: "O'Brien" });
    rememberingT(t, new Map(), false)('a', { vendor: "O'Brien" });
    rememberingT(t, new Map(), true)('a', { list: ['x'] });
    for (const [, options] of calls) expect(options).toMatchObject({ interpolation: { escapeValue: false } });
  });

  it('asks every time for parameters that are not strings or numbers, and when told not to remember', () => {
    const { t, calls } = counting();
    const tr = rememberingT(t, new Map(), true);
    tr('a', { list: ['x'] });
    tr('a', { list: ['x'] });
    const off = rememberingT(t, new Map(), false);
    off('b');
    off('b');
    off('c', { n: 1 });
    off('c', { n: 1 });
    expect(calls.map(([key]) => key)).toEqual(['a', 'a', 'b', 'b', 'c', 'c']);
  });

  it(`keeps at most ${PARAMETERISED_LIMIT} parameterised strings, and still answers past that`, () => {
    const { t } = counting();
    const known = new Map<string, string>();
    const tr = rememberingT(t, known, true);
    for (let i = 0; i < PARAMETERISED_LIMIT + 50; i++) expect(tr('page', { n: i })).toBe(`<page {"interpolation":{"escapeValue":false},"n":${i}}>`);
    expect(known.size).toBe(PARAMETERISED_LIMIT);
    // Strings without parameters are few and always kept.
    tr('nav.vendors');
    expect(known.has('nav.vendors')).toBe(true);
  });
});
