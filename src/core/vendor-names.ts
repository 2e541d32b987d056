/**
 * How people name a vendor: its id (`baidu-face`), the start of exactly one id (`baidu`, `g42`), or
 * one of its names or short names in either language (`Baidu AI Cloud`, `百度人脸识别`, `佐糖`), in any
 * case. One rule for `lookup` and for search's reading of `<vendor> <code>`.
 */
import type { ArtifactBilingualText } from './artifact-types.ts';

/** A vendor's id and every name it goes by. */
export interface VendorNames {
  id: string;
  names: readonly string[];
}

/** The names of a vendor record: name and short name, both languages. */
export function namesOf(vendor: { name: ArtifactBilingualText; short_name?: ArtifactBilingualText | undefined }): string[] {
  const names = [vendor.name?.en, vendor.name?.zh, vendor.short_name?.en, vendor.short_name?.zh].filter((n): n is string => typeof n === 'string' && n !== '');
  return [...new Set(names)];
}

/** The id of the vendor `text` names, or undefined when it names none or more than one. */
export function vendorNamed(text: string, vendors: readonly VendorNames[]): string | undefined {
  if (typeof text !== 'string') return undefined;
  const key = text.normalize('NFKC').trim().toLowerCase();
  if (!key) return undefined;
  if (vendors.some((v) => v.id === key)) return key;
  const prefixed = vendors.filter((v) => v.id.startsWith(key));
  if (prefixed.length === 1) return prefixed[0]!.id;
  const named = vendors.filter((v) => v.names.some((n) => n.normalize('NFKC').toLowerCase() === key));
  return named.length === 1 ? named[0]!.id : undefined;
}

/**
 * Every name search reads as the vendor's in a query (`<vendor> <code>`): its names, and the hints of
 * its vendor block, its API hosts and SDK packages (`techsz.aoscdn.com 401`, `baidu-aip 18`).
 */
export function searchNamesOf(vendor: { name: ArtifactBilingualText; short_name?: ArtifactBilingualText | undefined; hosts?: unknown; sdks?: unknown }): string[] {
  const hints = [vendor.hosts, vendor.sdks].flatMap((list) => (Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string' && x !== '') : []));
  return [...new Set([...namesOf(vendor), ...hints])];
}
