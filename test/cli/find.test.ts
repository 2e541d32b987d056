/** `vision-errors <code>`: every vendor's entry for a code, exit 0 found, 1 not found. */
import { describe, expect, it } from 'vitest';
import { ANSI, cli } from '../support/cli.ts';

describe('find', () => {
  it('vision-errors 222202 prints the entry and exits 0', () => {
    const r = cli(['222202']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^baidu-face\/222202 {2}Baidu Face · Error code$/m);
    expect(r.stdout).toContain('pic not has face');
    expect(r.stdout).toContain('What to do');
    expect(r.stdout).toContain('https://errors.example.org/baidu-face/222202/');
    expect(r.stdout).not.toMatch(ANSI);
  });

  it('accepts other spellings and lists every vendor that has the code', () => {
    expect(cli(['ModelArts 4204']).stdout).toContain('g42-image/ModelArts.4204');
    expect(cli(['find', 'modelarts.4204']).stdout).toContain('g42-image/ModelArts.4204');
    const r = cli(['400']);
    expect(r.status).toBe(0);
    expect(r.stdout.match(/^\S+\/\S+ {2}/gm)).toEqual(['g42-image/http/400  ', 'picwish/http/400  ', 'softsugar/400  ']);
  });

  it('exits 1 when nothing is found', () => {
    const r = cli(['find', 'no-such-code']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Nothing found for "no-such-code"');
    // Without the command, a code-like word that no vendor has, and no word search finds.
    const bare = cli(['ZZ_9999999']);
    expect(bare.status).toBe(1);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('Nothing found for "ZZ_9999999"');
  });
});
