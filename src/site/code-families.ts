/**
 * Long tables grouped by code family, so a reader can jump to the codes that start like theirs.
 * The family is read from the shape of the codes only (no names are invented): the first two digits
 * of long numeric codes (SoftSugar's 50xxxxxx, 60xxxxxx…), or the prefix before a dot (G42's AIS.,
 * ModelArts.). Short or odd codes (0, 400) form a group of their own, listed first.
 */
export interface CodeFamily<T> {
  /** `50xxxxxx`, `AIS.`, or '' for the codes that belong to no family. */
  key: string;
  /** A fragment id for the in-page index. */
  slug: string;
  entries: T[];
}

/** Fewer entries than this read fine as one table. */
export const FAMILY_MIN_ENTRIES = 60;

function familyOf(code: string): string {
  if (/^\d{6,}$/.test(code)) return `${code.slice(0, 2)}${'x'.repeat(code.length - 2)}`;
  const dotted = /^([A-Za-z]+)\./.exec(code);
  return dotted ? `${dotted[1]}.` : '';
}

/** The families of a table's entries, in order of first appearance; [] when grouping would not help. */
export function codeFamilies<T extends { code: string }>(entries: readonly T[]): CodeFamily<T>[] {
  if (entries.length < FAMILY_MIN_ENTRIES) return [];
  const byKey = new Map<string, T[]>();
  for (const e of entries) {
    const key = familyOf(e.code);
    byKey.set(key, [...(byKey.get(key) ?? []), e]);
  }
  // Three families at least, and most codes in one: otherwise the codes have no family structure.
  const grouped = entries.length - (byKey.get('')?.length ?? 0);
  if (byKey.size < 3 || grouped < entries.length / 2) return [];
  const families = [...byKey].map(([key, list]) => ({ key, slug: `family-${key.replace(/[^A-Za-z0-9]/g, '') || 'other'}`, entries: list }));
  return families.sort((a, b) => (a.key === '' ? -1 : b.key === '' ? 1 : 0));
}
