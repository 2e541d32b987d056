/**
 * axe-core in a Playwright page: loads node_modules/axe-core/axe.min.js and runs it on the
 * whole document. Every rule of axe's default set runs; none is disabled here.
 *
 * The script is served by the test's static server at AXE_PATH (`serveDir(…, { extra: AXE_FILES })`)
 * and loaded by URL, not injected as text: Chromium then keeps its compiled code from one page to the
 * next (about 55 ms a page instead of about 280 for 550 KB of script, measured 2026-12-07). The
 * context that runs axe is still created with `bypassCSP: true`, so that a policy change never
 * silently stops the check (the site's own scripts are tested under the real policy in test/e2e/csp.test.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { ExtraFile } from './static-server.ts';

/** Where the static server serves axe-core: a path no build writes (the server refuses to shadow one). */
export const AXE_PATH = '/__test__/axe.min.js';
export const AXE_FILES: Record<string, ExtraFile> = {
  [AXE_PATH]: { body: readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'), type: 'text/javascript; charset=utf-8' },
};

interface AxeNode { target: unknown[]; html: string; failureSummary?: string }
interface AxeViolation { id: string; impact: string | null; help: string; nodes: AxeNode[] }

/**
 * The rules whose answer depends on the colour theme: the only ones worth running again once the page
 * has switched themes (the same DOM gives every other rule the same answer). Together they are about
 * half of axe's time on a long page.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Runs axe (every rule of its default set, or only `rules`) on the page and returns one readable line per violating node (empty: no violation). */
export async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: AXE_PATH });
  const violations = await page.evaluate(async (rules) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'], ...(rules ? { runOnly: rules } : {}) });
    return result.violations;
  }, rules);
  return (violations as AxeViolation[]).flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 300)}` : ''}`),
  );
}

/**
 * ids used by more than one element of the live document (axe 4.x no longer runs its duplicate-id
 * rules by default; scripts can add elements after the static check in test/links.test.ts).
 */
export function duplicateIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Set<string>();
    const twice = new Set<string>();
    for (const el of document.querySelectorAll('[id]')) (seen.has(el.id) ? twice : seen).add(el.id);
    return [...twice];
  });
}
