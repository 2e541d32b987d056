/**
 * The environment of a build a test starts, as `npm run build` would have it: without vitest's own
 * variables. NODE_ENV=test makes Astro bundle its development code (the prefetch script logs to
 * console.debug), so a build under it is not the one users get; in `astro dev`, VITEST makes it serve nothing.
 */
export function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key.startsWith('VITEST')) delete env[key];
  return env;
}
