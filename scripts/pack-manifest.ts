/**
 * The package.json that npm pack (and npm publish) puts in the tarball carries no "scripts": every one
 * of them needs what the package does not ship (scripts/, src/, data/, the dev dependencies), and a
 * `prepare` there would run, and fail, wherever the package is installed from a folder or git.
 *
 *   node scripts/pack-manifest.ts strip     last step of prepack: package.json → .package.json.prepack, rewritten without scripts
 *   node scripts/pack-manifest.ts restore   postpack: .package.json.prepack → package.json
 *
 * npm reads the manifest to pack after prepack, so the stripped one is packed (and its `prepare` is not
 * run: prepack builds lib/ itself). A pack that fails between the two leaves the saved copy; the next
 * strip or restore puts it back first, so a checkout never keeps a manifest without scripts.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const manifest = join(root, 'package.json');
const saved = join(root, '.package.json.prepack');

/** The manifest as packed: the same text, without "scripts". */
export function packedManifest(text: string): string {
  const { scripts: _scripts, ...rest } = JSON.parse(text) as Record<string, unknown>;
  return `${JSON.stringify(rest, null, 2)}\n`;
}

function restore(): boolean {
  if (!existsSync(saved)) return false;
  renameSync(saved, manifest);
  return true;
}

if (import.meta.main) {
  const command = process.argv[2];
  if (command === 'strip') {
    if (restore()) console.log('package.json: restored the copy an earlier pack left');
    const text = readFileSync(manifest, 'utf8');
    writeFileSync(saved, text);
    writeFileSync(`${manifest}.tmp`, packedManifest(text));
    renameSync(`${manifest}.tmp`, manifest);
    console.log('package.json: packed without scripts (postpack restores it)');
  } else if (command === 'restore') {
    console.log(restore() ? 'package.json: restored' : 'package.json: nothing to restore');
  } else {
    console.error('usage: node scripts/pack-manifest.ts strip|restore');
    process.exit(2);
  }
}
