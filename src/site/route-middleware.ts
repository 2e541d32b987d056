/**
 * Starlight route middleware: one data-driven sidebar for every page, in the page's language.
 * The sidebar lists vendors, categories and guides only, never codes, so a page's weight does not
 * grow with the number of codes. Guides for contributors are apart, at the end, folded.
 */
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { categoryPagePath, LOCALE_PREFIX, vendorLabel, vendorPagePath } from '../core/model.ts';
import type { Lang } from '../core/schema.ts';
import { siteKb, type SiteKb } from './kb.ts';
import { langOfLocale } from './lang.ts';
import { GUIDES } from './guides.ts';

type SidebarEntry = StarlightRouteData['sidebar'][number];

/** Text for a place that is written as HTML (<title> is RCDATA: the references are decoded back). */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A sidebar link as every page of a language has it; `within`: also current on the pages below it. */
interface LinkPlan { label: string; href: string; decoded: string; within: boolean }
type Plan = { link: LinkPlan } | { group: string; entries: LinkPlan[]; collapsed: (here: string) => boolean };

const plannedLink = (label: string, href: string, within = false): LinkPlan => ({ label, href, decoded: decodeURI(href), within });

/**
 * The sidebar of a language, made once per data and language in a build: only which link is
 * current and which groups are open differ between pages (100,000 pages at 50,000 entries).
 */
function sidebarPlan(site: SiteKb, lang: Lang, t: App.Locals['t']): Plan[] {
  const prefix = LOCALE_PREFIX[lang];
  const guideLinks = (audience: 'reader' | 'contributor') =>
    GUIDES.filter((g) => g.audience === audience).map((g) => plannedLink(g.title[lang], `${prefix}/guides/${g.slug}/`));
  const contributorGuides = guideLinks('contributor');
  return [
    { link: plannedLink(t('nav.explain'), `${prefix}/explain/`) },
    { group: t('nav.vendors'), entries: site.vendors.map((v) => plannedLink(vendorLabel(v.vendor, lang), vendorPagePath(v.vendor.id, lang), true)), collapsed: () => false },
    {
      group: t('nav.categories'),
      entries: [plannedLink(t('category.index'), `${prefix}/categories/`), ...site.categories.map((c) => plannedLink(c.name[lang], categoryPagePath(c.id, lang), true))],
      collapsed: (here) => !here.startsWith(`${prefix}/categories/`),
    },
    { group: t('nav.guides'), entries: guideLinks('reader'), collapsed: () => false },
    { link: plannedLink(t('changelog.title'), `${prefix}/changelog/`) },
    // Guides for contributors are apart, at the end, folded unless the page is one of them.
    { group: t('nav.contributors'), entries: contributorGuides, collapsed: (here) => !contributorGuides.some((l) => l.href === here) },
  ];
}

const plans = new WeakMap<SiteKb, Map<Lang, Plan[]>>();

function planFor(site: SiteKb, lang: Lang, t: App.Locals['t']): Plan[] {
  // In `astro dev` a translation file can change between requests.
  if (!import.meta.env.PROD) return sidebarPlan(site, lang, t);
  let byLang = plans.get(site);
  if (!byLang) plans.set(site, (byLang = new Map()));
  let plan = byLang.get(lang);
  if (!plan) byLang.set(lang, (plan = sidebarPlan(site, lang, t)));
  return plan;
}

function sidebarEntry(l: LinkPlan, here: string): SidebarEntry {
  return { type: 'link', label: l.label, href: l.href, isCurrent: here === l.decoded || (l.within && here.startsWith(l.decoded)), badge: undefined, attrs: {} };
}

export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  // Starlight writes each head entry's content with set:html, and the <title> holds page titles made
  // of data (vendor names, codes): escape it, or a name containing "</title><script>" would be markup.
  for (const entry of route.head) if (entry.tag === 'title' && entry.content) entry.content = escapeText(entry.content);
  if (/^(?:\/zh-cn)?\/404\/?$/.test(context.url.pathname)) {
    // The 404 page is served at every unknown URL: no canonical, hreflang or og:url naming a /404/
    // page that does not exist (test/links.test.ts), and not to be indexed.
    route.head = route.head.filter(({ tag, attrs }) => !(tag === 'link' && (attrs?.rel === 'canonical' || attrs?.rel === 'alternate')) && !(tag === 'meta' && attrs?.property === 'og:url'));
    route.head.push({ tag: 'meta', attrs: { name: 'robots', content: 'noindex' }, content: '' });
  }
  const lang: Lang = langOfLocale(route.lang);
  const path = context.url.pathname.endsWith('/') ? context.url.pathname : `${context.url.pathname}/`;
  const here = decodeURI(path);
  const plan = planFor(await siteKb(), lang, context.locals.t);
  route.sidebar = plan.map((item) =>
    'link' in item
      ? sidebarEntry(item.link, here)
      : { type: 'group', label: item.group, entries: item.entries.map((l) => sidebarEntry(l, here)), collapsed: item.collapsed(path), badge: undefined },
  );
});
