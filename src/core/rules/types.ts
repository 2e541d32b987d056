/**
 * The shape of a validation rule, after mdn/browser-compat-data's lint/types.d.ts: a name (printed
 * with every problem it finds), a description, the scope it runs on, and `check`. Rules run only on
 * files the zod schema accepted, so they see typed data.
 */
import type { Category, EquivalenceGroup, Entry, VendorFile } from '../schema.ts';
import type { ParsedYaml, PathSegment } from '../yaml-source.ts';

/** A file's typed data with its parse tree, for positions. */
export interface Parsed<T> {
  parsed: ParsedYaml;
  data: T;
}

/** Everything that parsed: what rules that look across files consult. */
export interface Dataset {
  /** Undefined when data/categories.yaml itself has problems. */
  categories?: Parsed<{ categories: Category[] }>;
  /** By id; with a duplicate id, the last one. */
  categoryById: ReadonlyMap<string, Category>;
  vendors: readonly Parsed<VendorFile>[];
  /** By vendor id; with a duplicate id, the first file. */
  vendorById: ReadonlyMap<string, Parsed<VendorFile>>;
  /** Undefined when there is no groups file or it has problems. */
  groups?: Parsed<{ groups: EquivalenceGroup[] }>;
  /**
   * Ids (file names) of vendor files that could not be read, parsed or matched to the schema: what
   * they define is unknown, so a reference to them is not reported as broken (their own problem is).
   */
  unreadVendors: ReadonlySet<string>;
  /** Every file was read and matched the schema; rules over the whole data set (`wholeData`) run only then. */
  complete: boolean;
}

export interface CategoriesContext extends Dataset {
  categories: Parsed<{ categories: Category[] }>;
}
export interface VendorContext extends Dataset {
  vendor: Parsed<VendorFile>;
}
export interface EntryContext extends VendorContext {
  entry: Entry;
  index: number;
  /** The path of a field of this entry: `at('code')` is `entries[index].code`. */
  at(...rest: PathSegment[]): PathSegment[];
}
export interface GroupsContext extends Dataset {
  groups: Parsed<{ groups: EquivalenceGroup[] }>;
}

/** Report a problem at a path of the file in scope; `key` points at the field's name, not its value. */
export type Report = (path: PathSegment[], message: string, target?: 'key' | 'value') => void;

interface RuleOf<S extends string, C> {
  /** kebab-case; printed as `[name]` after each problem and named by the broken fixtures. */
  name: string;
  description: string;
  scope: S;
  /** Counts over every file (shares, totals): skipped while a file has problems of its own, whose absence would skew it. */
  wholeData?: boolean;
  check(context: C, report: Report): void;
}

export type Rule =
  | RuleOf<'categories', CategoriesContext>
  | RuleOf<'vendor', VendorContext>
  | RuleOf<'entry', EntryContext>
  | RuleOf<'groups', GroupsContext>;
