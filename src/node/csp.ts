/**
 * The site's Content-Security-Policy (astro.config.mjs `security.csp`). Astro writes it as a
 * <meta http-equiv="content-security-policy"> in every page and hashes every script and <style> it
 * bundles or inlines itself. Starlight's `<script is:inline>` blocks (theme provider, theme picker,
 * sidebar state) are not processed, so Astro does not hash them: their hashes are computed here
 * from Starlight's installed component sources, whose inline script text Astro emits verbatim.
 * test/e2e/csp.test.ts checks that every inline script of every built page is covered.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroUserConfig } from 'astro';

type CspOptions = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

/** 'sha256-…' of every `<script is:inline>` body in Starlight's components. */
export function starlightInlineScriptHashes(): `sha256-${string}`[] {
  const components = dirname(fileURLToPath(import.meta.resolve('@astrojs/starlight/components/ThemeProvider.astro')));
  const hashes = new Set<`sha256-${string}`>();
  for (const dir of [components, join(components, '..', 'user-components')]) {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.astro')).sort()) {
      const source = readFileSync(join(dir, name), 'utf8');
      for (const m of source.matchAll(/<script\s+is:inline\b[^>]*>([\s\S]*?)<\/script>/g)) {
        hashes.add(`sha256-${createHash('sha256').update(m[1]!).digest('base64')}`);
      }
    }
  }
  if (hashes.size === 0) throw new Error('csp.ts: no inline scripts found in Starlight components; has its layout changed?');
  return [...hashes];
}

/** Astro's `security.csp` option. */
export function cspConfig(): CspOptions {
  return {
    directives: [
      "default-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ],
    // No 'unsafe-inline' for scripts: only 'self' and the hashes of the site's own inline scripts.
    scriptDirective: { hashes: starlightInlineScriptHashes() },
    // Style *attributes* (Starlight's icons and selects, Expressive Code's token colours, the bar
    // widths of CategoryBars) need 'unsafe-inline' on style-src-attr; a style attribute cannot run
    // script. <style> elements and stylesheets stay limited to 'self' and hashes. Astro warns at every
    // build that style-src 'self' does not reach attributes: as intended (docs/testing.md, "Content-Security-Policy").
    styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
  };
}
