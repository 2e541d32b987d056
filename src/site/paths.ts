/** getStaticPaths helpers shared by the thin route files of both languages. */
import { siteKb } from './kb.ts';
import type { EntryKind } from '../core/schema.ts';

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
