/**
 * The CLI under hostile input (issue 15): everything it echoes is escaped (item 3), file arguments are
 * read with the same cap as stdin and a malformed index is a one-line usage error (item 8).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeJson, escapeLine, escapeText } from '../../src/cli/escape.ts';
import { bin, root } from '../support/cli.ts';
import { realIndex } from '../support/real-index.ts';

const work = mkdtempSync(join(tmpdir(), 'cli-hostile-'));
const realIndexData = realIndex();
const indexFile = join(work, 'index.json');
writeFileSync(indexFile, JSON.stringify(realIndexData));

function cli(args: string[], options: { input?: string; index?: string } = {}): SpawnSyncReturns<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, VISION_ERRORS_INDEX: options.index ?? indexFile, FORCE_COLOR: '1' };
  for (const key of ['NO_COLOR', 'KB_DATA_DIR', 'TERM']) delete env[key];
  return spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', input: options.input ?? '', env, timeout: 60_000 });
}

/** What a terminal would act on: ESC, BEL, C1 (CSI U+009B, OSC U+009D…), bidi overrides and isolates. */
const ACTIVE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const OSC_TITLE = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J\u001b[H';
const CLIPBOARD = '\u001b]52;c;ZXZpbA==\u0007';
const C1 = '\u009b31m\u009d0;x\u009c';
const BIDI = '\u202eevil\u2066';

describe('escaping', () => {
  it('escapeLine shows every control as \\xNN or \\uNNNN, newlines included; escapeText keeps newlines', () => {
    expect(escapeLine(`a${OSC_TITLE}\nb${BIDI}`)).toBe('a\\x1b]0;pwned\\x07\\x0ab\\u202eevil\\u2066');
    expect(escapeText('a\nb\u001b')).toBe('a\nb\\x1b');
    expect(escapeLine('plain 中文 é')).toBe('plain 中文 é');
    const json = JSON.stringify({ m: `${C1}${BIDI}` });
    expect(escapeJson(json)).not.toMatch(ACTIVE);
    expect(JSON.parse(escapeJson(json))).toEqual({ m: `${C1}${BIDI}` });
  });
});

describe('vision-errors echoes hostile input escaped', () => {
  const body = JSON.stringify({ error_code: `${OSC_TITLE}1`, error_msg: `${CLEAR}${CLIPBOARD}${C1}${BIDI}` });

  it('explain: the body’s code and message cannot retitle, clear or write the clipboard', () => {
    const r = cli(['explain'], { input: body });
    expect(r.stdout).not.toMatch(/\u001b\]|\u001b\[2J|\u0007/);
    expect(r.stdout.replace(/\u001b\[\d+m/g, '')).not.toMatch(ACTIVE);
    expect(r.stdout).toContain('\\x1b]0;pwned\\x07');
    expect(r.stdout).toContain('\\x1b]52;c;ZXZpbA==\\x07');
    expect(r.stdout).toContain('\\u202eevil\\u2066');
  });

  it('explain --json: the same values, escaped as JSON', () => {
    const r = cli(['explain', '--json'], { input: body });
    expect(r.stdout).not.toMatch(ACTIVE);
    expect(JSON.parse(r.stdout).message).toBe(`${CLEAR}${CLIPBOARD}${C1}${BIDI}`);
  });

  it('search, find and usage errors: codes and names with control characters from an index or the arguments', () => {
    const index = realIndex();
    const e = index.entries[0]!;
    e.id = `${e.vendor}/A${CLEAR}B`;
    e.code = `A${CLEAR}B`;
    e.message = `hostile ${CLIPBOARD} message`;
    index.vendors[0]!.name.en = `Vendor${OSC_TITLE}`;
    const file = join(work, 'hostile-index.json');
    writeFileSync(file, JSON.stringify(index));
    for (const args of [['search', 'hostile'], ['find', `A${CLEAR}B`], ['vendors'], ['lookup', `x${OSC_TITLE}`, '1'], [`${CLIPBOARD}`]]) {
      const r = cli(args, { index: file });
      const shown = (r.stdout + r.stderr).replace(/\u001b\[\d+m/g, '');
      expect(shown, args.join(' ')).not.toMatch(ACTIVE);
    }
    expect(cli(['search', 'hostile'], { index: file }).stdout).toContain('A\\x1b[2J\\x1b[HB');
  });
});

describe('limits of what the CLI reads', () => {
  it('explain /dev/zero stops at the same cap as stdin and says the body is too large', () => {
    const started = Date.now();
    const r = cli(['explain', '/dev/zero']);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/too large/);
  }, 60_000);
});

const MALFORMED: [string, string][] = [
  ['{"entries":[null]}', 'entries[0] is null, expected an entry object'],
  ['{"entries":[{"id":"a/1","vendor":"a","code":1}]}', 'entries[0].code is a number, expected a string'],
  ['{"entries":{}}', 'entries is an object, expected a list of entries'],
  ['[]', 'is an array, expected an object'],
  ['{"entries":[], "vendors":[{"id":"a"}]}', 'vendors[0].name is missing, expected an object with en and zh'],
];

describe('a malformed index', () => {
  it('is a one-line error with exit 2 for every command, never a TypeError', () => {
    for (const [i, [text, message]] of MALFORMED.entries()) {
      const file = join(work, 'malformed.json');
      writeFileSync(file, text);
      const commands = [['222202'], ['lookup', 'baidu', '1'], ['search', 'face'], ['explain'], ['vendors']];
      for (const args of i === 0 ? commands : commands.slice(0, 1)) {
        const r = cli(args, { index: file, input: '{"error_code": 110}' });
        expect(r.status, `${text} ${args.join(' ')}`).toBe(2);
        expect(r.stderr.trim().split('\n'), `${text} ${args.join(' ')}`).toEqual([`vision-errors: ${file}: not an index.json of the knowledge base: ${message}`]);
      }
    }
  }, 120_000);

  it('is an InvalidIndexError (with the path) from every function of the library', async () => {
    const library = await import('../../src/core/index.ts');
    const { InvalidIndexError } = library;
    for (const [text, message] of MALFORMED) {
      const index = JSON.parse(text);
      const calls = [
        () => library.createLookup(index),
        () => library.find(index, '1'),
        () => library.lookup(index, 'a' as string, '1'),
        () => library.searchEntries(index, 'face'),
        () => library.explain('{"error_code": 110}', {}, index),
      ];
      for (const call of calls) {
        expect(call).toThrow(InvalidIndexError);
        expect(call).toThrow(message);
      }
    }
    expect(readFileSync(join(root, 'src/core/index.ts'), 'utf8')).toContain('InvalidIndexError');
  });
});
