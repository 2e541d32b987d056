/** `vision-errors explain [file]`: a response body from a file or stdin, with --status and --vendor. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, root } from '../support/cli.ts';

describe('explain', () => {
  const baidu = '{"error_code": 110, "error_msg": "Access token invalid or no longer valid", "log_id": 3584051565}';

  it('reads the body from stdin and explains it', () => {
    const r = cli(['explain'], { input: baidu });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Outcome: Failure · Baidu Face$/m);
    expect(r.stdout).toMatch(/^baidu-face\/110 /m);
    expect(r.stdout).toContain('How this was decided');
  });

  it('takes --status and --vendor, or a file', () => {
    const body = '{"error_code": 422, "error_detail": {"status_code": 422, "code": "ERROR_NO_FACE_IN_FILE", "code_message": "No face detected in the file.", "message": "pic not has face"}}';
    const r = cli(['explain', '--status', '422', '--vendor', 'ailabtools'], { input: body });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ailabtools\/ERROR_NO_FACE_IN_FILE /m);
    expect(r.stdout).toContain('Candidates');
    expect(r.stdout).toContain('baidu-face/222202');
    const file = cli(['explain', join(root, 'test', 'fixtures', 'bodies', 'picwish', 'timeout.json')]);
    expect(file.status).toBe(0);
    expect(file.stdout).toMatch(/^picwish\/state\/-8 /m);
    expect(cli(['explain', '--status', '429', '--vendor', 'picwish']).stdout).toMatch(/^picwish\/http\/429 /m);
  });

  it('exits 1 when it cannot explain, 2 for a bad status, vendor or file', () => {
    const r = cli(['explain'], { input: 'this is not a response' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^Outcome: Undecided$/m);
    expect(cli(['explain', '--status', '1000'], { input: baidu }).status).toBe(2);
    expect(cli(['explain', '--status', 'abc'], { input: baidu }).status).toBe(2);
    expect(cli(['explain', '--vendor', 'nobody'], { input: baidu }).status).toBe(2);
    const missing = cli(['explain', join(root, 'no-such-file.json')]);
    expect([missing.status, missing.stderr]).toEqual([2, expect.stringContaining('cannot read ')]);
    // A body given where the file goes: told how to give a text instead.
    const typed = cli(['explain', '{"error_code": 18, "error_msg": "Open api qps request limit reached"}']);
    expect(typed.status).toBe(2);
    expect(typed.stderr).toContain('no file named {"error_code": 18, "error_msg": "Open api qps request lim…: explain reads a file or standard input');
    expect(typed.stderr).toContain("echo '…' | vision-errors explain");
    expect(cli(['explain', 'a.json', 'b.json']).status).toBe(2);
  });

  it('never crashes on hostile input', () => {
    for (const input of ['{', '['.repeat(100_000), '{"__proto__": {"polluted": 1}}', 'x'.repeat(2_000_000), '\u0000\uD800']) {
      const r = cli(['explain'], { input });
      expect([0, 1]).toContain(r.status);
      expect(r.stderr).toBe('');
    }
  });
});
