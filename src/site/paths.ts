/**
 * getStaticPaths helpers of the route files. Each route file serves both languages through its
 * `[...locale]` segment: undefined (the root) for English, `zh-cn` for Chinese.
 */
import { siteKb } from './kb.ts';
import { LANGS, type EntryKind, type Lang } from '../core/schema.ts';
import { listPageCount, LOCALE_PREFIX } from '../core/model.ts';

interface RoutePath {
  params: Record<string, string | undefined>;
  props?: Record<string, unknown>;
}

/** Every path in every language: the `locale` param and the `lang` prop added (one path, no params, by default). */
export async function inLocales(paths: RoutePath[] | Promise<RoutePath[]> = [{ params: {} }]): Promise<(RoutePath & { props: { lang: Lang } })[]> {
  const list = await paths;
  return LANGS.flatMap((lang) =>
    list.map((p) => ({ params: { ...p.params, locale: LOCALE_PREFIX[lang].slice(1) || undefined }, props: { ...p.props, lang } })),
  );
}

export async function vendorPaths() {
  const { vendors } = await siteKb();
  return vendors.map((v) => ({ params: { vendor: v.vendor.id } }));
}

export async function entryPaths(kind: EntryKind) {
  const { entries } = await siteKb();
  return entries.filter((e) => e.kind === kind).map((e) => ({ params: { vendor: e.vendor, code: e.code }, props: { ref: e.ref } }));
}

export async function categoryPaths() {
  const { categories } = await siteKb();
  return categories.map((c) => ({ params: { id: c.id } }));
}

/** Pages 2…n of the vendors whose entry list is longer than one page. */
export async function vendorListPaths() {
  const kb = await siteKb();
  return kb.vendors.flatMap((v) => {
    const pages = listPageCount(kb.vendorEntries(v.vendor.id).length);
    return Array.from({ length: pages - 1 }, (_, i) => ({ params: { vendor: v.vendor.id, n: String(i + 2) } }));
  });
}

/** Pages 2…n of the categories whose entry list is longer than one page. */
export async function categoryListPaths() {
  const kb = await siteKb();
  return kb.categories.flatMap((c) => {
    const pages = listPageCount(kb.entries.filter((e) => e.category === c.id).length);
    return Array.from({ length: pages - 1 }, (_, i) => ({ params: { id: c.id, n: String(i + 2) } }));
  });
}
