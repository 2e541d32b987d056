/**
 * Every page's sidebar is its own: in its language, marking only the link the page is at or under.
 * The sidebar's link tree is rendered once per distinct sidebar and reused (src/components/Sidebar.astro);
 * a cache key that missed anything the tree depends on would give a page another page's sidebar.
 * Reads every page of dist/ (built by `npm test`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../support/browser.ts';
import { listFiles } from '../support/links.ts';

interface SidebarLink { href: string; current: boolean }

function sidebarOf(html: string): SidebarLink[] | undefined {
  const tree = /<sl-sidebar-state-persist\b[^>]*>([\s\S]*?)<\/sl-sidebar-state-persist>/.exec(html)?.[1];
  if (tree === undefined) return undefined;
  return [...tree.matchAll(/<a href="([^"]*)"([^>]*)>/g)].map((m) => ({ href: m[1]!, current: /\baria-current="page"/.test(m[2]!) }));
}

describe('sidebar', () => {
  const pages = listFiles(DIST, '.html').filter((p) => !/(^|\/)404(\.html|\/)/.test(p));

  it('on every page: in the page\'s language, the current link is the page or a section it is in', () => {
    expect(pages.length).toBeGreaterThan(1000);
    const wrong: string[] = [];
    let withCurrent = 0;
    for (const page of pages) {
      const sidebar = sidebarOf(readFileSync(join(DIST, page), 'utf8'));
      if (sidebar === undefined) continue;
      const path = `/${page.replace(/index\.html$/, '')}`;
      const zh = path.startsWith('/zh-cn/');
      for (const link of sidebar) if (link.href.startsWith('/zh-cn/') !== zh) wrong.push(`${path}: link ${link.href} in the other language`);
      const current = sidebar.filter((l) => l.current);
      if (current.length > 0) withCurrent++;
      if (current.length > 1) wrong.push(`${path}: ${current.length} current links`);
      for (const link of current) if (!path.startsWith(link.href)) wrong.push(`${path}: current link ${link.href} is not this page or above it`);
      for (const link of sidebar) if (link.href === path && !link.current) wrong.push(`${path}: its own link ${link.href} is not marked current`);
    }
    expect(wrong.slice(0, 10), `${wrong.length} wrong`).toEqual([]);
    // Entry pages mark their vendor: most pages have a current link, so the check above checked something.
    expect(withCurrent).toBeGreaterThan(pages.length / 2);
  });

  it('is the same on two entry pages of one vendor, and differs between vendors and languages', () => {
    const tree = (page: string) => /<sl-sidebar-state-persist\b[\s\S]*?<\/sl-sidebar-state-persist>/.exec(readFileSync(join(DIST, page), 'utf8'))![0];
    expect(tree('baidu-face/222202/index.html')).toBe(tree('baidu-face/222028/index.html'));
    expect(tree('baidu-face/222202/index.html')).not.toBe(tree('picwish/index.html'));
    expect(tree('baidu-face/222202/index.html')).not.toBe(tree('zh-cn/baidu-face/222202/index.html'));
  });
});
