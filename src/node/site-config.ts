/**
 * Where the site is served. Page URLs in the artifact, canonical links and the sitemap use it.
 * Set SITE_URL when deploying; the default is the local preview server.
 */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

export function siteUrl(): string {
  const raw = process.env.SITE_URL?.trim() || DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as https://errors.example.org, got "${raw}"`);
  }
  return url.origin;
}

/** Where the build writes the site (KB_OUT_DIR lets benchmarks build elsewhere). */
export function outDir(projectRoot: string): string {
  return process.env.KB_OUT_DIR ? process.env.KB_OUT_DIR : `${projectRoot.replace(/\/$/, '')}/dist`;
}
