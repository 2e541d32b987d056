/**
 * The data the npm package ships (run by `prepack`, so by `npm pack` and `npm publish`):
 *
 *   lib/data/index.json            vision-error-codes/index.json
 *   lib/data/vendors/<id>.json     vision-error-codes/vendors/<id>.json (the artifact's <vendor>.json)
 *   lib/data/schema.json           vision-error-codes/schema.json
 *   lib/data/decisions/<id>.json   vision-error-codes/decisions/<id>.json (a vendor's decision table, src/core/decision-table.ts)
 *   lib/data/search/…              the search index of the entries (src/core/search/entries.ts entrySearchFiles), which
 *                                  the CLI reads instead of building it at every search (not exported)
 *
 * It also refuses to pack types the data has left behind: src/core/data-types.ts (VendorId, CodeOf, …)
 * must be what `npm run schemas` writes from the data being packed.
 * Their page links point at the public site, so SITE_URL must name it: a package never carries
 * links to a local preview server. Written beside the site's dist/ (never into it), so packing does
 * not change what a build or a running test serves. lib/data/ is replaced whole by the folder writer
 * (src/node/write-files.ts: a swap, one writer at a time), and left as it is when nothing changed;
 * its marker file is kept out of the package by package.json's "files".
 */
import { existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataValidationError, loadKnowledgeBase, PROJECT_ROOT } from '../src/node/data-files.ts';
import { buildArtifactForSite } from '../src/node/artifact-files.ts';
import { decisionTable } from '../src/core/decision-table.ts';
import { entrySearchFiles } from '../src/core/search/entries.ts';
import type { ArtifactVendorFile } from '../src/core/artifact-types.ts';
import { DATA_TYPES_FILE, dataTypesSource } from './lib/data-types.ts';
import { OUTPUT_MARKER, OutputFolderError, writeFiles } from '../src/node/write-files.ts';

/** The public origin from SITE_URL, or why it cannot be used for a package. */
export function packageSiteUrl(raw: string | undefined): { site: string } | { error: string } {
  const example = 'e.g. SITE_URL=https://errors.example.org npm pack';
  if (!raw?.trim()) return { error: `SITE_URL is not set: the packaged data links every entry to its page on the public site (${example})` };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { error: `SITE_URL must be an absolute URL (${example}), got "${raw}"` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: `SITE_URL must be an http(s) URL, got "${raw}"` };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1' || host === '0.0.0.0')
    return { error: `SITE_URL is a local address (${url.origin}); a package must link to the public site (${example})` };
  return { site: url.origin };
}

if (import.meta.main) {
  const site = packageSiteUrl(process.env.SITE_URL);
  if ('error' in site) {
    console.error(`vision-error-codes: cannot pack: ${site.error}`);
    process.exit(1);
  }
  let files: Map<string, string>;
  try {
    files = buildArtifactForSite(loadKnowledgeBase(), site.site).files;
  } catch (error) {
    if (error instanceof DataValidationError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const index = JSON.parse(files.get('index.json')!) as Parameters<typeof dataTypesSource>[0];
  if (readFileSync(DATA_TYPES_FILE, 'utf8') !== dataTypesSource(index)) {
    console.error('vision-error-codes: cannot pack: src/core/data-types.ts is stale (the data has other vendors, codes or categories): run `npm run schemas`, then pack again');
    process.exit(1);
  }
  const decisions = (id: string) => `${JSON.stringify(decisionTable(JSON.parse(files.get(`${id}.json`)!) as ArtifactVendorFile))}\n`;
  const wanted = new Map<string, string>([
    ['index.json', files.get('index.json')!],
    ['schema.json', files.get('schema.json')!],
    ...index.vendors.map((v): [string, string] => [`vendors/${v.id}.json`, files.get(`${v.id}.json`)!]),
    ...index.vendors.map((v): [string, string] => [`decisions/${v.id}.json`, decisions(v.id)]),
    ...[...entrySearchFiles(index as never)].map(([path, text]): [string, string] => [`search/${path}`, text]),
  ]);
  const dataDir = join(PROJECT_ROOT, 'lib', 'data');
  try {
    adoptEarlierPackageData(dataDir);
    const result = writeFiles(wanted, dataDir, 'package data', { makeParent: true });
    console.log(`lib/data: index.json, schema.json, ${index.vendors.length} vendor files, their decision tables and the search index for ${site.site}${result === 'unchanged' ? ' (unchanged)' : ''}`);
  } catch (error) {
    if (!(error instanceof OutputFolderError)) throw error;
    console.error(`vision-error-codes: cannot pack: ${error.message}`);
    process.exit(1);
  }
}

/**
 * lib/data/ as this script wrote it before it used the folder writer: the same files, no marker.
 * They are listed in a marker, so that the writer replaces them instead of refusing the folder.
 */
function adoptEarlierPackageData(dataDir: string): void {
  if (!existsSync(dataDir) || existsSync(join(dataDir, OUTPUT_MARKER)) || !lstatSync(dataDir).isDirectory()) return;
  const files: string[] = [];
  for (const name of readdirSync(dataDir)) {
    const stat = lstatSync(join(dataDir, name));
    if (stat.isFile() && (name === 'index.json' || name === 'schema.json')) files.push(name);
    else if ((name === 'vendors' || name === 'decisions') && stat.isDirectory() && !stat.isSymbolicLink()) {
      for (const vendor of readdirSync(join(dataDir, name))) {
        if (!vendor.endsWith('.json') || !lstatSync(join(dataDir, name, vendor)).isFile()) return;
        files.push(`${name}/${vendor}`);
      }
    } else return; // something else in it: the writer refuses the folder, with its message
  }
  writeFileSync(join(dataDir, OUTPUT_MARKER), files.length > 0 ? `${files.sort().join('\n')}\n` : '');
}
