/** `vision-errors search <words…>`: the site's search engine over the index. */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import { realIndexFile } from '../support/real-index.ts';

describe('search', () => {
  it('lists matching entries, one a line', () => {
    const r = cli(['search', 'blurry face']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^ {2}ailabtools\/ERROR_BLURRY_FACE {2}Blurry face\.$/);
    expect(r.stdout).toContain('baidu-face/223114');
    expect(cli(['search', 'blurry', 'face']).stdout).toBe(r.stdout);
    expect(cli(['search', 'face', '--limit', '2']).stdout.trim().split('\n')).toHaveLength(2);
    expect(cli(['search', 'zzzzqqqxx']).status).toBe(1);
  });

  it("uses the site's engine: mixed scripts, synonyms of the data, the vendor filter", () => {
    expect(cli(['search', 'token过期']).stdout.split('\n')[0]).toMatch(/^ {2}baidu-face\/111 /);
    expect(cli(['search', '余额不足']).stdout.split('\n')[0]).toMatch(/^ {2}ailabtools\/ERROR_NOT_ENOUGH_CREDITS /);
    const picwish = cli(['search', 'rate', '--vendor', 'picwish']).stdout.split('\n').filter(Boolean);
    expect(picwish.length).toBeGreaterThan(0);
    for (const line of picwish) expect(line).toMatch(/^ {2}picwish\//);
  });
});

describe('the prebuilt search files beside the index (the package ships lib/data/search/)', () => {
  // A copy of the real index, with or without its search folder, in a scratch folder of this file.
  const scratch = mkdtempSync(join(tmpdir(), 'kb-cli-search-files-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const copy = (name: string, withSearch: boolean): string => {
    const dir = join(scratch, name);
    mkdirSync(dir);
    cpSync(realIndexFile(), join(dir, 'index.json'));
    if (withSearch) cpSync(join(dirname(realIndexFile()), 'search'), join(dir, 'search'), { recursive: true });
    return dir;
  };
  const QUERIES = [['blurry face'], ['token过期'], ['429', '--vendor', 'picwish', '--json']];

  it('are read when they are of the same data, and find what the index built in memory finds', () => {
    const withFiles = copy('with', true);
    const without = copy('without', false);
    expect(readdirSync(join(withFiles, 'search', 'text')).length).toBeGreaterThan(10);
    for (const q of QUERIES) {
      const read = cli(['search', ...q, '--index', join(withFiles, 'index.json')]);
      expect(read.status, read.stderr).toBe(0);
      expect(read.stdout, q.join(' ')).toBe(cli(['search', ...q, '--index', join(without, 'index.json')]).stdout);
    }
    // Read, not built: with the files the manifest names emptied, the search fails on them.
    writeFileSync(join(withFiles, 'search', 'templates.json'), '');
    for (const name of readdirSync(join(withFiles, 'search', 'text'))) writeFileSync(join(withFiles, 'search', 'text', name), '');
    const broken = cli(['search', 'blurry face', '--index', join(withFiles, 'index.json')]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^vision-errors: cannot read the search file .*search\/(text\/\d+|templates)\.json: /);
    expect(broken.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('with a file missing are an error naming it (exit 2), not a stack trace', () => {
    const partial = copy('partial', true);
    for (const name of readdirSync(join(partial, 'search', 'text'))) rmSync(join(partial, 'search', 'text', name));
    const r = cli(['search', 'blurry face', '--index', join(partial, 'index.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^vision-errors: the search file .*search\/text\/\d+\.json is missing: its folder is incomplete \(delete .*search to search without it, or reinstall the package\)\n$/);
  });

  it("are not used for a vendor's own file beside them (same data_version, other documents)", () => {
    // vendors/<id>.json has the whole index's data_version; the whole index's files would map its
    // document numbers onto the wrong entries.
    const dir = copy('vendor-file', true);
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { data_version: string; vendors: { id: string }[]; entries: { vendor: string }[]; categories: unknown[] };
    const baidu = { ...index, vendors: index.vendors.filter((v) => v.id === 'baidu-face'), entries: index.entries.filter((e) => e.vendor === 'baidu-face') };
    writeFileSync(join(dir, 'baidu-face.json'), JSON.stringify(baidu));
    const r = cli(['search', 'blurry face', '--index', join(dir, 'baidu-face.json')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^ {2}baidu-face\/223114 /);
  });

  it('of other data (another data_version) are left alone and the index is built', () => {
    const stale = copy('stale', true);
    const manifest = join(stale, 'search', 'manifest.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/"data_version":"[^"]*"/, '"data_version":"0000000000000000"'));
    // Its files emptied too: had they been read, the search would fail.
    for (const name of readdirSync(join(stale, 'search', 'text'))) writeFileSync(join(stale, 'search', 'text', name), '');
    const r = cli(['search', 'blurry face', '--index', join(stale, 'index.json')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^ {2}ailabtools\/ERROR_BLURRY_FACE /);
  });
});
