/** Debian's Chromium driven by playwright-core (Playwright's own browser download is not used). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const DIST = join(import.meta.dirname, '..', '..', 'dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * A browser of its own, for scripts (benchmarks, screenshots); the tests share one instead
 * (shared-browser.ts). `needsDist`: it browses the project's dist/; benchmarks build and serve their own sites.
 */
export async function launchBrowser({ needsDist = true } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run scripts/ensure-chromium.sh or set CHROMIUM_PATH`);
  if (needsDist && !existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is not built: run npm run build first (npm test does)');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
