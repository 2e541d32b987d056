import { BUILT_IN_ENV } from '../../src/node/site-config.ts';

/**
 * The environment of a build a test starts, as `npm run build` would have it: without vitest's own
 * variables. NODE_ENV=test makes Astro bundle its development code (the prefetch script logs to
 * console.debug), so a build under it is not the one users get; in `astro dev`, VITEST makes it serve
 * nothing. Vitest also sets import.meta.env's names (DEV, MODE, PROD, SSR, BASE_URL) in the
 * environment, which the build ignores, saying so (src/node/site-config.ts).
 */
export function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key.startsWith('VITEST') || (BUILT_IN_ENV as readonly string[]).includes(key)) delete env[key];
  return { ...env, ...extra };
}
