/** Where the CLI's data comes from: an index file, or the data folder built in memory; and the launcher on an older Node. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, cleanEnv, cli, root } from '../support/cli.ts';

describe('data', () => {
  it('builds the artifact in memory from a data folder ($KB_DATA_DIR)', () => {
    const r = spawnSync(process.execPath, [bin, '222202'], { cwd: root, encoding: 'utf8', env: { ...cleanEnv(), VISION_ERRORS_INDEX: '', KB_DATA_DIR: join(root, 'data') }, timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('baidu-face/222202');
  });

  it('a missing or broken index file is a clear error (exit 2)', () => {
    const missing = cli(['222202', '--index', join(root, 'no-such-index.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read');
    const broken = join(mkdtempSync(join(tmpdir(), 'cli-broken-')), 'index.json');
    writeFileSync(broken, '{"entries": 1}');
    expect(cli(['222202', '--index', broken]).stderr).toContain(': not an index.json of the knowledge base: entries is a number, expected a list of entries');
  });

  // A system Node without type stripping (e.g. Debian's Node 20) still runs the CLI in a checkout:
  // the launcher hands over to the project's own Node (the `node` dev dependency).
  const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => existsSync(p));
  const old = systemNode ? Number(spawnSync(systemNode, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout) < 22 : false;
  it.skipIf(!old)('the launcher runs on an older system Node through the project’s Node', () => {
    const r = cli(['222202'], { node: systemNode! });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('baidu-face/222202');
  });
});
