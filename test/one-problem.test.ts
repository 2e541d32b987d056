/**
 * One error, one message (issue 25, item 6): a file that fails to parse stops the checks that depend
 * on it. A YAML syntax error in g42-image.yaml used to print 17 "broken link … no vendor g42-image"
 * lines from the groups file and four end-user-message shares skewed by the missing vendor before
 * the real error, in `validate`, the build and the dev server. A small data set with the same
 * dependencies (a link, a forwarded vendor, a share) stands in for the real one: 5 ms to validate, not 1 s.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateSources, type SourceFile } from '../src/core/validate.ts';
import { formatProblem } from '../src/core/yaml-source.ts';
import { loadKnowledgeBase } from '../src/node/data-files.ts';
import { devOutputFile } from '../src/node/dev-outputs.ts';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'kb-one-problem-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const read = (path: string): SourceFile => ({ path, text: readFileSync(join(root, path), 'utf8') });
/** An unclosed flow map in the vendor block: a YAML syntax error. */
const breakYaml = (text: string) => text.replace(/\n  name: \{ (.*) \}\n/, '\n  name: { $1\n');

/** Entry i's words in letters (en and zh must give the same numbers). */
const letters = (i: number): string => (i < 26 ? '' : letters(Math.floor(i / 26) - 1)) + String.fromCharCode(97 + (i % 26));

/** `count` more bad-parameter errors, with their own end-user message or the category's. */
function moreEntries(count: number, from: number, ownMessage: boolean): string {
  return Array.from({ length: count }, (_, k) => {
    const w = letters(from + k);
    const own = ownMessage ? `\n    end_user_message: { en: "Item ${w} was not accepted.", zh: "${w} 项未被接受。" }` : '';
    return `  - kind: error\n    code: "${from + k}"\n    http_status: null\n    message: Bad ${w}\n    meaning: { en: Bad ${w}., zh: ${w} 出错了。, vendor_text: none }\n    remedy: { en: Fix ${w}., zh: 请修正 ${w}。, vendor_text: none }\n    category: bad-parameter\n    retryable: false${own}\n`;
  }).join('');
}

/**
 * A small data folder where every cross-file rule has something to check: minimal.yaml forwards
 * other.yaml's messages, a group links their entries, and the category's end-user message is shown
 * for 12 of 62 entries (19%), which would be 12 of 42 (29%, over the quarter) without other.yaml.
 * categories.yaml keeps the two categories they use.
 */
function smallData(): { categories: SourceFile; vendors: SourceFile[]; groups: SourceFile } {
  const lines = read('data/categories.yaml').text.split('\n');
  const category = (id: string) => {
    const first = lines.findIndex((l) => l === `  - id: ${id}`);
    return lines.slice(first, lines.findIndex((l, i) => i > first && l.startsWith('  - id: ')));
  };
  return {
    categories: { path: 'data/categories.yaml', text: ['categories:', ...category('bad-parameter'), ...category('rate-limited')].join('\n') },
    vendors: [
      {
        path: 'data/vendors/minimal.yaml',
        text: read('test/fixtures/valid/minimal.yaml').text.replace('  code_field: code', "  code_field: code\n  forwards_from: { vendor: other, separator: ' - ' }") + moreEntries(11, 100, false) + moreEntries(29, 200, true),
      },
      { path: 'data/vendors/other.yaml', text: read('test/fixtures/valid/other.yaml').text + moreEntries(19, 300, true) },
    ],
    groups: { path: 'data/equivalence-groups.yaml', text: 'groups:\n  - id: ok\n    label: { en: OK, zh: 好 }\n    members: [minimal/1, other/1, other/http/429]\n' },
  };
}

function problemsOf(data: { categories: SourceFile; vendors: SourceFile[]; groups: SourceFile }, unread: string[] = []): string[] {
  const result = validateSources(data.categories, data.vendors, data.groups, unread);
  return result.ok ? [] : result.problems.map(formatProblem);
}

/** The same data with one file's text changed. */
function changed(path: string, change: (text: string) => string) {
  const data = smallData();
  const edit = (s: SourceFile) => (s.path === path ? { ...s, text: change(s.text) } : s);
  return { categories: edit(data.categories), vendors: data.vendors.map(edit), groups: edit(data.groups) };
}

describe('a file that fails stops the checks that depend on it', () => {
  it('the small data set is valid as it is', () => {
    expect(problemsOf(smallData())).toEqual([]);
  });

  it('a syntax or schema error in a vendor file others link to is one problem', () => {
    expect(problemsOf(changed('data/vendors/other.yaml', breakYaml))).toEqual([expect.stringMatching(/^data\/vendors\/other\.yaml:\d+:\d+ YAML syntax error: /)]);
    expect(problemsOf(changed('data/vendors/other.yaml', (t) => t.replace('  homepage: https://example.com', '  homepage: 42')))).toEqual([
      expect.stringMatching(/^data\/vendors\/other\.yaml:\d+:\d+ vendor\.homepage: expected string, got number$/),
    ]);
    expect(problemsOf(changed('data/categories.yaml', (t) => t.replace('retryable_default: false', 'retryable_default: maybe')))).toEqual([
      expect.stringMatching(/^data\/categories\.yaml:\d+:\d+ categories\[0\]\.retryable_default: expected boolean, got string$/),
    ]);
  });

  it('a vendor file that cannot be read at all is not a broken link either (its own problem is the reader\'s)', () => {
    const data = smallData();
    expect(problemsOf({ ...data, vendors: data.vendors.slice(0, 1) }, ['data/vendors/other.yaml'])).toEqual([]);
    // Without saying so, its absence is two broken links, a missing upstream and a share over a quarter, as it should be.
    expect(problemsOf({ ...data, vendors: data.vendors.slice(0, 1) }).map((p) => /\[([a-z-]+)\]$/.exec(p)?.[1])).toEqual(['equivalence-groups', 'equivalence-groups', 'forwards-from-vendor', 'end-user-message-share']);
  });

  it('validate, the build and the dev server each give the one problem', () => {
    const data = join(work, 'data');
    const small = changed('data/vendors/other.yaml', breakYaml);
    for (const source of [small.categories, ...small.vendors, small.groups]) {
      const path = join(work, source.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, source.text);
    }
    const file = join(data, 'vendors/other.yaml');
    const line = new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ YAML syntax error: `);

    const validate = spawnSync(process.execPath, ['scripts/validate.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, KB_DATA_DIR: data } });
    expect(validate.status).toBe(1);
    expect(validate.stderr.trim().split('\n')).toEqual([expect.stringMatching(line), '', '✖ 1 problem; nothing was built.']);

    // The build (astro build, build:api, build:search) loads the data through loadKnowledgeBase.
    expect(() => loadKnowledgeBase(data)).toThrow(/^1 problem in the data:\n[^\n]+$/);

    const dev = devOutputFile('/api/v1/index.json', data);
    expect(dev?.status).toBe(500);
    expect(dev?.body.split('\n')).toEqual(['1 problem in the data:', expect.stringMatching(line)]);
  });
});
