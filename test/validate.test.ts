import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSources } from '../src/core/validate.ts';
import { RULES } from '../src/core/rules/index.ts';
import { formatProblem, parseYaml, YAML_LIMITS } from '../src/core/yaml-source.ts';
import { DataValidationError, loadKnowledgeBase, validateDataDir } from '../src/node/data-files.ts';

const root = join(import.meta.dirname, '..');
const fixtures = join(root, 'test/fixtures');
const categories = { path: 'data/categories.yaml', text: readFileSync(join(root, 'data/categories.yaml'), 'utf8') };
const read = (path: string) => ({ path, text: readFileSync(join(root, path), 'utf8'), bytes: readFileSync(join(root, path)) });

/** Each broken fixture ends with `# expect: LINE:COL path: message [rule]` lines: the exact problems it must produce. */
function expectations(text: string): string[] {
  return [...text.matchAll(/^# expect: (.*)$/gm)].map((m) => m[1]!);
}

/** The rules a broken fixture says it breaks (`# rule: a, b`); `schema` stands for YAML and schema problems. */
function namedRules(text: string): string[] {
  return [...text.matchAll(/^# rule: (.*)$/gm)].flatMap((m) => m[1]!.split(',').map((name) => name.trim()));
}

/** Other files a broken fixture is validated with, before it (`# with: path`). */
function companions(text: string): string[] {
  return [...text.matchAll(/^# with: (.*)$/gm)].map((m) => m[1]!.trim());
}

const SCHEMA = 'schema';
const brokenFixtures = ['broken', 'broken-groups', 'broken-categories'].flatMap((dir) =>
  readdirSync(join(fixtures, dir))
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((name) => `test/fixtures/${dir}/${name}`),
);

/** Each fixture names exactly the rules its problems come from: the names are checked, not trusted. */
function checkNamedRules(path: string, text: string, problems: readonly { rule?: string }[]): void {
  const named = namedRules(text);
  expect(named.length, `${path} has no # rule: line`).toBeGreaterThan(0);
  expect(new Set(named).size, `${path} names a rule twice`).toBe(named.length);
  const found = new Set(problems.map((p) => p.rule ?? SCHEMA));
  expect([...named].sort(), `${path}: # rule: must list the rules of its problems`).toEqual([...found].sort());
}

describe('the real data', () => {
  it('is valid', () => {
    const result = validateDataDir();
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.kb.vendors.map((v) => v.vendor.id)).toEqual(['ailabtools', 'baidu-face', 'g42-image', 'picwish', 'softsugar']);
  });
});

describe('loading a data folder', () => {
  it('reads it again only when a file changed, and never caches invalid data', () => {
    const data = join(mkdtempSync(join(tmpdir(), 'kb-load-')), 'data');
    cpSync(join(root, 'data'), data, { recursive: true });
    const first = loadKnowledgeBase(data);
    expect(loadKnowledgeBase(data)).toBe(first);

    const file = join(data, 'vendors/picwish.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('Processing. Internal loop processing is in progress.', 'Processing (edited).'));
    const second = loadKnowledgeBase(data);
    expect(second).not.toBe(first);
    expect(JSON.stringify(second)).toContain('Processing (edited).');

    writeFileSync(file, text.replace(/retryable: true/, 'retryable: maybe-with-more-bytes'));
    expect(() => loadKnowledgeBase(data)).toThrow(DataValidationError);
    expect(() => loadKnowledgeBase(data)).toThrow(/picwish\.yaml:\d+:\d+ .*retryable: expected boolean, got string/);
  });
});

describe('a valid minimal vendor file', () => {
  it('passes', () => {
    const result = validateSources(categories, [read('test/fixtures/valid/minimal.yaml')]);
    expect(result.problems).toEqual([]);
  });
});

describe('broken fixtures', () => {
  const names = readdirSync(join(fixtures, 'broken')).filter((n) => n.endsWith('.yaml')).sort();

  it('name only known rules, and every rule is named by one', () => {
    const known = new Set([SCHEMA, ...RULES.map((r) => r.name)]);
    const named = new Set<string>();
    for (const path of brokenFixtures) {
      for (const name of namedRules(readFileSync(join(root, path), 'utf8'))) {
        expect(known, `${path} names an unknown rule "${name}"`).toContain(name);
        named.add(name);
      }
    }
    expect(RULES.map((r) => r.name).filter((name) => !named.has(name)), 'rules no broken fixture names').toEqual([]);
  });

  it('rules have unique kebab-case names and a description', () => {
    expect(new Set(RULES.map((r) => r.name)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.description.length, rule.name).toBeGreaterThan(10);
    }
  });

  it("docs/validation.md's table lists every rule with its scope and description", () => {
    const doc = readFileSync(join(root, 'docs', 'validation.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| `([a-z-]+)` \| (\w+) \| (.*) \|$/gm)].map((m) => [m[1], m[2], m[3]!.replace(/\\\|/g, '|')]);
    expect(rows).toEqual(RULES.map((r) => [r.name, r.scope, r.description]));
  });

  for (const name of names) {
    it(`${name} fails with exactly its expected file:line:col messages`, () => {
      const path = `test/fixtures/broken/${name}`;
      const source = read(path);
      const expected = expectations(source.text);
      expect(expected.length, `${name} has no # expect: lines`).toBeGreaterThan(0);
      const result = validateSources(categories, [...companions(source.text).map(read), source]);
      expect(result.ok).toBe(false);
      expect(result.problems.map((p) => formatProblem(p).slice(path.length + 1))).toEqual(expected);
      checkNamedRules(path, source.text, result.problems);
    });
  }

  it('npm run validate prints the location and exits non-zero', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, ['scripts/validate.ts', 'test/fixtures/broken/duplicate-code.yaml'], { cwd: root, stdio: 'pipe' });
    } catch (error) {
      const e = error as { status: number; stderr: Buffer };
      status = e.status;
      stderr = e.stderr.toString();
    }
    expect(status).toBe(1);
    expect(stderr).toContain('test/fixtures/broken/duplicate-code.yaml:28:11 entries[1].code: duplicate code "1" (kind error)');
  });

  it('reports problems of several files at once, sorted by file and line', () => {
    const result = validateSources(categories, [read('test/fixtures/broken/wrong-type.yaml'), read('test/fixtures/broken/duplicate-code.yaml')]);
    expect(result.problems.map((p) => p.file)).toEqual([
      'test/fixtures/broken/duplicate-code.yaml',
      'test/fixtures/broken/wrong-type.yaml',
      'test/fixtures/broken/wrong-type.yaml',
    ]);
  });
});

describe('broken equivalence groups files', () => {
  // Validated with two minimal vendors (minimal: error 1; other: error 1 and HTTP 429).
  const vendors = [read('test/fixtures/valid/minimal.yaml'), read('test/fixtures/valid/other.yaml')];
  const names = readdirSync(join(fixtures, 'broken-groups')).filter((n) => n.endsWith('.yaml')).sort();

  it('the two vendors link without a problem', () => {
    const groups = { path: 'groups.yaml', text: 'groups:\n  - id: ok\n    label: { en: OK, zh: 好 }\n    members: [minimal/1, other/1]\n' };
    const result = validateSources(categories, vendors, groups);
    expect(result.problems).toEqual([]);
    expect(result.ok && result.kb.groups.map((g) => g.members)).toEqual([['minimal/1', 'other/1']]);
  });

  for (const name of names) {
    it(`${name} fails with exactly its expected file:line:col messages`, () => {
      const path = `test/fixtures/broken-groups/${name}`;
      const source = read(path);
      const expected = expectations(source.text);
      expect(expected.length, `${name} has no # expect: lines`).toBeGreaterThan(0);
      const result = validateSources(categories, vendors, source);
      expect(result.ok).toBe(false);
      expect(result.problems.map((p) => formatProblem(p).slice(path.length + 1))).toEqual(expected);
      checkNamedRules(path, source.text, result.problems);
    });
  }
});

describe('a broken categories file', () => {
  const names = readdirSync(join(fixtures, 'broken-categories')).filter((n) => n.endsWith('.yaml')).sort();
  for (const name of names) {
    it(`${name} fails with exactly its expected file:line:col messages`, () => {
      const path = `test/fixtures/broken-categories/${name}`;
      const source = read(path);
      const result = validateSources(source, []);
      expect(result.ok).toBe(false);
      expect(result.problems.map((p) => formatProblem(p).slice(path.length + 1))).toEqual(expectations(source.text));
      checkNamedRules(path, source.text, result.problems);
    });
  }
});

describe('YAML limits', () => {
  it('rejects a file over the size limit without parsing it', () => {
    const big = `vendor: "${'x'.repeat(YAML_LIMITS.maxBytes)}"\n`;
    const parsed = parseYaml('big.yaml', big);
    expect(parsed.value).toBeUndefined();
    expect(parsed.problems[0]!.message).toMatch(/the limit is/);
  });

  it('refuses deep nesting from the raw text, before the parser pays for it (6 MB of "[" took 48 s)', () => {
    for (const text of [`vendor: ${'['.repeat(6 * 1024 * 1024)}`, `vendor:\n  ${'- '.repeat(3 * 1024 * 1024)}x\n`, `${'{a: '.repeat(1_000_000)}`]) {
      const started = performance.now();
      const parsed = parseYaml('deep.yaml', text);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(parsed.problems.map((p) => p.message)).toEqual([`nesting deeper than ${YAML_LIMITS.maxDepth} levels`]);
    }
  });

  it('never refuses text that nests less than the limit, whatever its quotes, comments and block scalars', () => {
    const shallow = [
      "a: 'it''s [[[[ not nesting'\nb: \"[{[{ \\\" [[[\"\n",
      'a: |\n  [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\nb: 1\n',
      '- key: >-\n    {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\n  other: x\n',
      `a: x # ${'['.repeat(100)}\n`,
      `- don't [ worry {\n`.repeat(100),
      `a: x ${'['.repeat(100)}\n`,
    ];
    for (const text of shallow) expect(parseYaml('ok.yaml', text).problems, text).toEqual([]);
  });

  it('a vendor id used by two files is reported', () => {
    const text = readFileSync(join(fixtures, 'valid/minimal.yaml'), 'utf8');
    const result = validateSources(categories, [
      { path: 'a/minimal.yaml', text },
      { path: 'b/minimal.yaml', text },
    ]);
    expect(result.problems.map(formatProblem)).toEqual(['b/minimal.yaml:3:7 vendor.id: duplicate vendor id "minimal": also used by a/minimal.yaml [unique-vendor-id]']);
  });
});
