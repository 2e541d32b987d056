/**
 * The knowledge base as the site sees it: read once from data/ (validated exactly as `npm run
 * validate` does), with the derived indexes pages need.
 *
 * Not a content collection: Astro parsed every entry a second time and inlined the whole store
 * into its server bundle as one JSON string (BENCHMARKS.md, "What the scale figures rest on").
 */
import { loadKnowledgeBase } from '../node/data-files.ts';
import { deriveEquivalence, type Equivalence } from '../core/equivalence.ts';
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
  /** Each entry's equivalence group and the other members (data/equivalence-groups.yaml). */
  equivalence: Equivalence;
  /** Entries of a vendor in the order its tables show them. */
  vendorEntries(vendor: string): SiteEntry[];
  /** An entry's position in vendorEntries(its vendor), computed once (not a search per page). */
  positionOf: Map<string, number>;
}

let cached: { kb: KnowledgeBase; site: Promise<SiteKb> } | undefined;

export function siteKb(): Promise<SiteKb> {
  // A build reads the data once. In `astro dev` loadKnowledgeBase hands back a new object after a
  // data file changes, so an edit shows on the next page load (src/node/dev-data-reload.ts reloads the browser).
  if (!cached || import.meta.env.DEV) {
    const kb = loadKnowledgeBase(KB_DATA_DIR);
    if (cached?.kb !== kb) cached = { kb, site: derive(kb) };
  }
  return cached.site;
}

// Set by astro.config.mjs: this module is bundled, so it cannot find data/ from its own URL.
declare const KB_DATA_DIR: string;

async function derive(kb: KnowledgeBase): Promise<SiteKb> {
  const { categories } = kb;
  const vendors: VendorFile[] = kb.vendors;
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
    equivalence: deriveEquivalence(kb.groups),
    vendorEntries: (vendor) => byVendor.get(vendor) ?? [],
    positionOf: new Map([...byVendor.values()].flatMap((list) => list.map((e, i) => [e.ref, i] as const))),
  };
}

export function keyOf(e: SiteEntry): EntryKey {
  return { vendor: e.vendor, kind: e.kind, code: e.code };
}
