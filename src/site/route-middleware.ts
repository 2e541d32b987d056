/**
 * Starlight route middleware: one data-driven sidebar for every page, in the page's language.
 * The sidebar lists vendors, categories and guides only, never codes, so a page's weight does not
 * grow with the number of codes.
 */
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { t } from '../core/ui-strings.ts';
import { categoryPagePath, LOCALE_PREFIX, vendorPagePath } from '../core/model.ts';
import { vendorLabel } from '../core/model.ts';
import type { Lang } from '../core/schema.ts';
import { siteKb } from './kb.ts';
import { langOf } from './lang.ts';
import { GUIDES } from './guides.ts';

type SidebarEntry = StarlightRouteData['sidebar'][number];

function link(label: string, href: string, current: string): SidebarEntry {
  return { type: 'link', label, href, isCurrent: decodeURI(current) === decodeURI(href), badge: undefined, attrs: {} };
}

function group(label: string, entries: SidebarEntry[], collapsed = false): SidebarEntry {
  return { type: 'group', label, entries, collapsed, badge: undefined };
}

export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  const lang: Lang = langOf(context.url);
  const here = context.url.pathname.endsWith('/') ? context.url.pathname : `${context.url.pathname}/`;
  const { vendors, categories } = await siteKb();
  const inCategories = here.startsWith(`${LOCALE_PREFIX[lang]}/categories/`);
  route.sidebar = [
    link(t(lang, 'nav.explain'), `${LOCALE_PREFIX[lang]}/explain/`, here),
    group(
      t(lang, 'nav.vendors'),
      vendors.map((v) => link(vendorLabel(v.vendor, lang), vendorPagePath(v.vendor.id, lang), here)),
    ),
    group(
      t(lang, 'nav.categories'),
      [
        link(t(lang, 'category.index'), `${LOCALE_PREFIX[lang]}/categories/`, here),
        ...categories.map((c) => link(c.name[lang], categoryPagePath(c.id, lang), here)),
      ],
      !inCategories,
    ),
    group(
      t(lang, 'nav.guides'),
      GUIDES.map((g) => link(g.title[lang], `${LOCALE_PREFIX[lang]}/guides/${g.slug}/`, here)),
    ),
  ];
});
