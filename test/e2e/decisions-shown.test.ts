/**
 * Issue 20's decisions, shown everywhere on the built site (dist/): every entry page leads with the
 * verdict line of its action and retry schedule, in both languages; the retry guide counts the
 * actions and schedules as the data has them; the JSON guide lists the decision fields. Reads the
 * built HTML (no browser): every entry page, in well under a second per thousand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../support/browser.ts';
import { translate } from '../../src/core/i18n.ts';
import type { Lang } from '../../src/core/schema.ts';
import { verdictOf } from '../../src/site/verdict.ts';

interface Entry {
  id: string;
  vendor: string;
  action: Parameters<typeof verdictOf>[0]['action'];
  retry: Parameters<typeof verdictOf>[0]['retry'];
  url: string;
  url_zh: string;
}
const index = JSON.parse(readFileSync(join(DIST, 'api/v1/index.json'), 'utf8')) as {
  entries: Entry[];
  vendors: { id: string; name: { en: string; zh: string }; short_name?: { en: string; zh: string } }[];
};
const html = (url: string) => readFileSync(join(DIST, decodeURIComponent(new URL(url).pathname), 'index.html'), 'utf8');
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const tr = (lang: Lang) => (key: string, params?: Readonly<Record<string, string | number>>) => translate(lang, key, params);

/** The verdict as the page shows it: its action, and the title of Starlight's <Aside> it is in. */
function shownVerdict(page: string): { action: string | undefined; text: string | undefined } {
  const m = /<div class="kb-verdict" data-testid="verdict" data-action="([^"]+)"[^>]*>\s*<aside aria-label="([^"]*)"/.exec(page);
  return { action: m?.[1], text: m?.[2] === undefined ? undefined : unescape(m[2]) };
}

describe('every entry page leads with its verdict', () => {
  it('the action and the line its retry schedule makes, in English and Chinese', () => {
    const wrong: string[] = [];
    for (const e of index.entries) {
      for (const [lang, url] of [['en', e.url], ['zh', e.url_zh]] as const) {
        const page = html(url);
        const shown = shownVerdict(page);
        // The line names the vendor only for "contact the vendor": the page's vendor link has its name.
        const vendorName = unescape(/data-testid="entry-context">\s*<a href="[^"]*">([^<]*)<\/a>/.exec(page)?.[1] ?? '');
        const expected = verdictOf(e, vendorName, tr(lang)).text;
        if (shown.action !== e.action || shown.text !== expected) wrong.push(`${url}: ${shown.action} “${shown.text}”, expected ${e.action} “${expected}”`);
      }
    }
    expect(index.entries.length).toBeGreaterThan(500);
    expect(wrong).toEqual([]);
  });

  it('before anything else in the content but the title and the vendor line', () => {
    const page = html(index.entries.find((e) => e.id === 'baidu-face/222202')!.url_zh);
    const main = page.slice(page.indexOf('<main'));
    const order = ['data-testid="entry-context"', 'data-testid="verdict"', 'data-testid="remedy"', 'id="end-user"', 'id="about"', 'id="literal-message"'].map((s) => main.indexOf(s));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(shownVerdict(page).text).toBe('不要重试：请用户换一张照片、换个文件或重新输入');
  });
});

describe('the retry guide', () => {
  for (const [lang, prefix] of [['en', ''], ['zh', 'zh-cn/']] as const) {
    it(`counts the actions as the data has them (${lang})`, () => {
      const page = readFileSync(join(DIST, prefix, 'guides/retry-strategy/index.html'), 'utf8');
      const rows = Object.fromEntries([...page.matchAll(/<tr data-action="([^"]+)" data-entries="(\d+)"/g)].map((m) => [m[1], Number(m[2])]));
      const counts: Record<string, number> = {};
      for (const e of index.entries) counts[e.action] = (counts[e.action] ?? 0) + 1;
      expect(rows).toEqual(counts);
      // The most common schedule of `retry` is named in the page's words.
      const retries = index.entries.filter((e) => e.action === 'retry');
      expect(retries.length).toBeGreaterThan(0);
      expect(page).toContain(translate(lang, 'action.retry'));
    });
  }
});

describe('the JSON guide', () => {
  for (const prefix of ['', 'zh-cn/']) {
    it(`lists the decision fields, the retry schedule's own fields included (${prefix || 'en'})`, () => {
      const page = readFileSync(join(DIST, prefix, 'guides/json-api/index.html'), 'utf8');
      for (const field of ['action', 'action_reason', 'retry', 'retry.max_attempts', 'retry.honour_retry_after', 'possible_causes', 'possible_causes[].source', 'end_user_message.source']) {
        expect(page, field).toContain(`data-field="${field}"`);
      }
    });
  }
});
