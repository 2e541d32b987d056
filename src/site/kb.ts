/**
 * The knowledge base as the site sees it: read once from the content collections, with the
 * derived indexes pages need. Astro-only (imports astro:content).
 */
import { getCollection } from 'astro:content';
import { equivalenceMap } from '../core/artifact.ts';
import { entryRef, type EntryKey } from '../core/model.ts';
import type { Category, Entry, VendorFile } from '../core/schema.ts';
import type { KnowledgeBase } from '../core/validate.ts';

export interface SiteEntry extends Entry {
  vendor: string;
  ref: string;
}

export interface SiteKb {
  kb: KnowledgeBase;
  vendors: VendorFile[];
  categories: Category[];
  categoryById: Map<string, Category>;
  vendorById: Map<string, VendorFile>;
  /** Every entry in vendor order, then data (source) order. */
  entries: SiteEntry[];
  entryByRef: Map<string, SiteEntry>;
  equivalents: Map<string, string[]>;
  /** Entries of a vendor in the order its tables show them. */
  vendorEntries(vendor: string): SiteEntry[];
  /** An entry's position in vendorEntries(its vendor), computed once (not a search per page). */
  positionOf: Map<string, number>;
}

let cached: Promise<SiteKb> | undefined;

export function siteKb(): Promise<SiteKb> {
  return (cached ??= load());
}

async function load(): Promise<SiteKb> {
  const vendors = (await getCollection('vendors')).map((c) => c.data).sort((a, b) => (a.vendor.id < b.vendor.id ? -1 : 1));
  const categories = (await getCollection('categories'))[0]?.data.categories ?? [];
  const kb: KnowledgeBase = { categories, vendors: vendors.map((v) => ({ ...v, file: `data/vendors/${v.vendor.id}.yaml` })) };
  const entries: SiteEntry[] = [];
  const byVendor = new Map<string, SiteEntry[]>();
  for (const v of vendors) {
    const list = v.entries.map((e) => ({ ...e, vendor: v.vendor.id, ref: entryRef({ vendor: v.vendor.id, kind: e.kind, code: e.code }) }));
    byVendor.set(v.vendor.id, list);
    entries.push(...list);
  }
  // Category order of the taxonomy file is the reading order everywhere.
  return {
    kb,
    vendors,
    categories,
    categoryById: new Map(categories.map((c) => [c.id, c])),
    vendorById: new Map(vendors.map((v) => [v.vendor.id, v])),
    entries,
    entryByRef: new Map(entries.map((e) => [e.ref, e])),
    equivalents: equivalenceMap(kb),
    vendorEntries: (vendor) => byVendor.get(vendor) ?? [],
    positionOf: new Map([...byVendor.values()].flatMap((list) => list.map((e, i) => [e.ref, i] as const))),
  };
}

export function keyOf(e: SiteEntry): EntryKey {
  return { vendor: e.vendor, kind: e.kind, code: e.code };
}
