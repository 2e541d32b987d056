/** `vision-errors lookup <vendor> <code>`: one vendor's entry. */
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';

describe('lookup', () => {
  it('one vendor’s entry; negative PicWish states need no --', () => {
    expect(cli(['lookup', 'baidu-face', '222202']).stdout).toMatch(/^baidu-face\/222202 /);
    const state = cli(['lookup', 'picwish', '-8']);
    expect(state.status).toBe(0);
    expect(state.stdout).toMatch(/^picwish\/state\/-8 {2}PicWish · Task state · Failure$/m);
    expect(cli(['lookup', 'picwish', '429', '--kind', 'http-status']).stdout).toMatch(/^picwish\/http\/429 /);
    expect(cli(['lookup', 'baidu', '222202']).stdout).toMatch(/^baidu-face\/222202 /);
  });

  it('exits 1 for an unknown code, 2 for an unknown vendor or kind', () => {
    expect(cli(['lookup', 'baidu-face', '999999']).status).toBe(1);
    const vendor = cli(['lookup', 'nobody', '1']);
    expect(vendor.status).toBe(2);
    expect(vendor.stderr).toContain('unknown vendor "nobody"; the vendors are ailabtools, baidu-face, g42-image, picwish, softsugar');
    expect(cli(['lookup', 'picwish', '1', '--kind', 'bogus']).status).toBe(2);
    expect(cli(['lookup', 'picwish']).status).toBe(2);
  });
});
