/** `vision-errors search <words…>`: the site's search engine over the index. */
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';

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
