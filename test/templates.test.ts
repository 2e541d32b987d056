/**
 * Templates are matched in linear time (issue 15, item 2): the same answers as the anchored regular
 * expression of message_pattern, without its backtracking. Property-based (fast-check).
 */
import fc from 'fast-check';
import './support/fuzz-seed.ts';
import { describe, expect, it } from 'vitest';
import { matchesTemplate, MAX_TEMPLATE_MESSAGE_LENGTH, templatePattern } from '../src/core/templates.ts';
import { explain } from '../src/core/explain.ts';
import { createLookup, type ArtifactEntry } from '../src/core/lookup.ts';
import { buildSearchIndex } from '../src/core/search/build.ts';
import { SearchClient } from '../src/core/search/query.ts';

/** Small alphabets make matches and near-misses likely. */
const piece = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '-', '1', '2', '.', '%', 's', 'd', '(', '\n'), maxLength: 6 });
const template = fc.array(fc.oneof(piece, fc.constant('%s'), fc.constant('%d')), { maxLength: 6 }).map((parts) => parts.join(''));
const message = fc.string({ unit: fc.constantFrom('a', 'b', 'A', ' ', '-', '1', '2', '.', '%', 's', 'd', '(', '\n'), maxLength: 20 });
const filler = fc.string({ unit: fc.constantFrom('x', 'Y', '7', ' ', '%', 's', '-', 'é', '中'), minLength: 1, maxLength: 8 });
const digits = fc.tuple(fc.boolean(), fc.stringMatching(/^\d{1,6}$/)).map(([minus, d]) => (minus ? `-${d}` : d));

function byRegex(t: string, m: string): boolean {
  return new RegExp(templatePattern(t.trim()), 'is').test(m.trim());
}

describe('matchesTemplate', () => {
  it('agrees with the anchored regular expression of message_pattern (short inputs)', () => {
    fc.assert(
      fc.property(template, message, (t, m) => {
        expect(matchesTemplate(t, m)).toBe(byRegex(t, m));
      }),
      { numRuns: 3000 },
    );
  });

  it('matches every filled-in version of a template', () => {
    const parts = fc.array(fc.oneof(piece.map((p) => ({ literal: p.replace(/%/g, '') })), fc.constantFrom({ ph: '%s' }, { ph: '%d' })), { maxLength: 8 });
    fc.assert(
      fc.property(parts, fc.infiniteStream(fc.tuple(filler, digits)), (list, fills) => {
        const t = list.map((p) => ('literal' in p ? p.literal : p.ph)).join('');
        const it = fills[Symbol.iterator]();
        const filled = list
          .map((p) => {
            if ('literal' in p) return p.literal;
            const [s, d] = it.next().value!;
            return p.ph === '%s' ? s : d;
          })
          .join('');
        // Outer spaces of either side are ignored; a %s at an edge cannot be filled with spaces only.
        fc.pre(filled.trim() === filled || !/^\s|\s$/.test(filled));
        expect(matchesTemplate(t, filled.toUpperCase())).toBe(byRegex(t, filled.toUpperCase()));
        expect(matchesTemplate(t, filled)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('answers in linear time where the regular expression backtracks for ever', () => {
    const twelve = Array.from({ length: 12 }, () => '%s x').join(' ');
    const four = 'a %s a %s a %s a %s end';
    const near = 'a '.repeat(995).slice(0, MAX_TEMPLATE_MESSAGE_LENGTH - 10);
    const started = performance.now();
    expect(matchesTemplate(twelve, 'x '.repeat(999) + 'y')).toBe(false);
    expect(matchesTemplate(twelve, 'x '.repeat(999))).toBe(true);
    expect(matchesTemplate(four, near)).toBe(false);
    expect(matchesTemplate(four, `${near} end`)).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('never matches an over-long message, and never throws on anything', () => {
    expect(matchesTemplate('%s', 'x'.repeat(MAX_TEMPLATE_MESSAGE_LENGTH + 1))).toBe(false);
    fc.assert(fc.property(fc.anything(), fc.anything(), (t, m) => typeof matchesTemplate(t as string, m as string) === 'boolean'));
  });
});

describe('a hostile template in the index (12 placeholders; the validator refuses it, a hand-made index may not)', () => {
  const base = { vendor: 'acme', kind: 'error', http_status: null, message_is_template: true, message_pattern: null, task_outcome: null, meaning: { en: 'm', zh: 'm', vendor_text: 'none' }, remedy: { en: 'r', zh: 'r', vendor_text: 'none' }, category: 'bad-parameter', retryable: false, retryable_source: 'ours', equivalents: [], notes: [], url: 'https://x/', url_zh: 'https://x/zh/', api_url: 'https://x/a.json' };
  const entries = Array.from({ length: 20 }, (_, i) => ({ ...base, id: `acme/${i}`, code: String(i), message: Array.from({ length: 12 }, () => '%s x').join(' ') + ` ${i}` })) as unknown as ArtifactEntry[];

  it('the search dialog’s query answers at once for a 1,990-character query', async () => {
    const files = buildSearchIndex({ dataVersion: 'x', entries, categories: [], vendors: [{ id: 'acme', name: { en: 'Acme', zh: 'Acme' } }], pages: [] });
    const client = new SearchClient(async (path) => JSON.parse(files.get(path) ?? 'null'));
    const started = performance.now();
    await client.search('x '.repeat(995));
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('explain returns within a second for a 1,990-character message', () => {
    const l = createLookup({ entries });
    const body = JSON.stringify({ error_code: 'nope', error_msg: 'x '.repeat(995) });
    const started = performance.now();
    const r = explain(body, {}, l);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r.outcome).not.toBe('success');
  });
});
