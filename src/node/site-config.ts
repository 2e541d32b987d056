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

/**
 * The values Vite and Astro give `import.meta.env` themselves. Astro's build also copies every
 * variable of the environment into `import.meta.env`, over these (astro/dist/env/env-loader.js), so
 * `BASE_URL=/x/` in a shell would move every link of every page, and `DEV=1` would make a build
 * reread the data for each page (twice the time; vitest sets DEV, MODE, PROD, SSR and BASE_URL in
 * the environment of the builds tests start).
 */
export const BUILT_IN_ENV = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX'] as const;

/** Removes BUILT_IN_ENV from `env` (this process's environment) and returns the names it removed. */
export function dropBuiltInEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const found = BUILT_IN_ENV.filter((name) => Object.hasOwn(env, name));
  for (const name of found) delete env[name];
  return found;
}
