/**
 * Starlight route middleware: one data-driven sidebar for every page, in the page's language.
 * The sidebar lists vendors, categories and guides only, never codes, so a page's weight does not
 * grow with the number of codes. Guides for contributors are apart, at the end, folded.
 */
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { categoryPagePath, LOCALE_PREFIX, vendorLabel, vendorPagePath } from '../core/model.ts';
import type { Lang } from '../core/schema.ts';
import { siteKb } from './kb.ts';
import { langOfLocale } from './lang.ts';
import { GUIDES } from './guides.ts';

type SidebarEntry = StarlightRouteData['sidebar'][number];

/** Text for a place that is written as HTML (<title> is RCDATA: the references are decoded back). */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `within`: the link is also current on the pages below it (a vendor's entries, a category's pages). */
function link(label: string, href: string, current: string, within = false): SidebarEntry {
  const here = decodeURI(current);
  const target = decodeURI(href);
  return { type: 'link', label, href, isCurrent: here === target || (within && here.startsWith(target)), badge: undefined, attrs: {} };
}

function group(label: string, entries: SidebarEntry[], collapsed = false): SidebarEntry {
  return { type: 'group', label, entries, collapsed, badge: undefined };
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
  const t = context.locals.t;
  const here = context.url.pathname.endsWith('/') ? context.url.pathname : `${context.url.pathname}/`;
  const { vendors, categories } = await siteKb();
  const inCategories = here.startsWith(`${LOCALE_PREFIX[lang]}/categories/`);
  const guideLinks = (audience: 'reader' | 'contributor') =>
    GUIDES.filter((g) => g.audience === audience).map((g) => link(g.title[lang], `${LOCALE_PREFIX[lang]}/guides/${g.slug}/`, here));
  const contributorPage = GUIDES.some((g) => g.audience === 'contributor' && here === `${LOCALE_PREFIX[lang]}/guides/${g.slug}/`);
  route.sidebar = [
    link(t('nav.explain'), `${LOCALE_PREFIX[lang]}/explain/`, here),
    group(
      t('nav.vendors'),
      vendors.map((v) => link(vendorLabel(v.vendor, lang), vendorPagePath(v.vendor.id, lang), here, true)),
    ),
    group(
      t('nav.categories'),
      [
        link(t('category.index'), `${LOCALE_PREFIX[lang]}/categories/`, here),
        ...categories.map((c) => link(c.name[lang], categoryPagePath(c.id, lang), here, true)),
      ],
      !inCategories,
    ),
    group(t('nav.guides'), guideLinks('reader')),
    link(t('changelog.title'), `${LOCALE_PREFIX[lang]}/changelog/`, here),
    group(t('nav.contributors'), guideLinks('contributor'), !contributorPage),
  ];
});
