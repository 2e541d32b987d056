/**
 * The data the npm package ships (run by `prepack`, so by `npm pack` and `npm publish`):
 *
 *   lib/data/index.json            vision-error-codes/index.json
 *   lib/data/vendors/<id>.json     vision-error-codes/vendors/<id>.json (the artifact's <vendor>.json)
 *   lib/data/schema.json           vision-error-codes/schema.json
 *
 * Their page links point at the public site, so SITE_URL must name it: a package never carries
 * links to a local preview server. Written beside the site's dist/ (never into it), so packing does
 * not change what a build or a running test serves; files are replaced only when their text changes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataValidationError, loadKnowledgeBase, PROJECT_ROOT } from '../src/node/data-files.ts';
import { buildArtifactForSite } from '../src/node/artifact-files.ts';

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
  const index = JSON.parse(files.get('index.json')!) as { vendors: { id: string }[] };
  const wanted = new Map<string, string>([
    ['index.json', files.get('index.json')!],
    ['schema.json', files.get('schema.json')!],
    ...index.vendors.map((v): [string, string] => [`vendors/${v.id}.json`, files.get(`${v.id}.json`)!]),
  ]);
  const dataDir = join(PROJECT_ROOT, 'lib', 'data');
  for (const [path, text] of wanted) {
    const target = join(dataDir, path);
    if (existsSync(target) && readFileSync(target, 'utf8') === text) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(`${target}.tmp`, text);
    renameSync(`${target}.tmp`, target);
  }
  // A vendor file of a vendor no longer in the data (this script wrote it): gone from the package too.
  for (const name of readdirSync(join(dataDir, 'vendors')))
    if (name.endsWith('.json') && !wanted.has(`vendors/${name}`)) rmSync(join(dataDir, 'vendors', name));
  console.log(`lib/data: index.json, schema.json and ${index.vendors.length} vendor files for ${site.site}`);
}
