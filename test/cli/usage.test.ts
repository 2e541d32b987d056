/** --help, --version and usage errors (exit 2). */
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';

describe('usage', () => {
  it('--help shows the commands and examples; --version the tool and data versions', () => {
    const help = cli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Examples:');
    for (const command of ['lookup <vendor> <code>', 'explain [file]', 'search <words…>', '--json', '--lang en|zh']) expect(help.stdout).toContain(command);
    expect(cli(['help']).stdout).toBe(help.stdout);
    expect(cli(['-v']).stdout).toMatch(/^vision-errors \d+\.\d+\.\d+ \(artifact 1\.\d+\.\d+, data [0-9a-f]{16}, 618 entries\)\n$/);
  });

  it('usage errors exit 2 and point to --help', () => {
    for (const args of [[], ['--bogus'], ['find'], ['find', 'a', 'b'], ['find', '222202', '--status', '400'], ['222202', '--kind', 'error'], ['222202', '--status', '4000'], ['search'], ['search', 'x', '--limit', '0'], ['vendors', 'x']]) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain('vision-errors --help');
      expect(r.stdout, args.join(' ')).toBe('');
    }
  });

  it('lookup with a code alone says how to find the code at every vendor, the code escaped for the terminal', () => {
    const r = cli(['lookup', '222202']);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('vision-errors: lookup takes a vendor and a code (vision-errors lookup baidu-face 222202); for a code at every vendor: vision-errors find 222202');
    const hostile = cli(['lookup', '22\u001b[2J02']);
    expect(hostile.status).toBe(2);
    expect(hostile.stderr).not.toContain('\u001b');
    expect(cli(['lookup', 'baidu-face', '1', '2']).stderr).toContain('lookup takes a vendor and a code\n');
  });
});
