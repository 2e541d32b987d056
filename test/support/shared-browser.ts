/** The build tier's one Chromium (started by test/support/browser-setup.ts), for a test file to connect to. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM, DIST } from './browser.ts';

/**
 * Connects to the shared browser. Closing the returned Browser closes the contexts this file made and
 * disconnects; the browser itself runs until the tier ends. `needsDist`: the file browses dist/.
 */
export async function sharedBrowser({ needsDist = true } = {}): Promise<Browser> {
  const endpoint = inject('browserWsEndpoint');
  if (!endpoint) throw new Error(`Chromium not found at ${CHROMIUM}: run scripts/ensure-chromium.sh or set CHROMIUM_PATH`);
  if (needsDist && !existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is not built: run npm run build first (npm test does)');
  return chromium.connect(endpoint);
}
