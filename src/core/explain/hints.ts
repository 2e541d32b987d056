/**
 * Which vendor a pasted text names: one of its API hosts (a host also matches its subdomains:
 * `wxtech.aoscdn.com`, `https://aip.baidubce.com/rest/2.0/face/v3/detect`), one of its SDK packages
 * (`baidu-aip`, `com.baidu.aip`), or its name in either language (`Baidu`, `百度`, `PicWish`, `佐糖`).
 * Hosts and SDKs are data (the vendor block's `hosts` and `sdks`); names are the vendor's names and
 * short names and the brand word that begins them (vendor-names.ts). Read once per lookup.
 */
import type { ArtifactVendor } from '../artifact-types.ts';
import type { Lookup } from '../lookup.ts';
import { namesOf } from '../vendor-names.ts';

/** A vendor named in the text, and how. */
export interface VendorHint {
  vendor: string;
  by: 'host' | 'sdk' | 'name';
  /** The text that named it. */
  text: string;
}

interface HintWords {
  hosts: { host: string; vendor: string }[];
  /** Lower-case SDK names and vendor names, with the vendor, longest first. */
  words: { word: string; vendor: string; by: 'sdk' | 'name'; latin: boolean }[];
}

const cache = new WeakMap<Lookup, HintWords>();
const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string' && s !== '') : []);
const HAN = /[\u3400-\u9fff]/;

function hintWords(l: Lookup): HintWords {
  let words = cache.get(l);
  if (words) return words;
  const hosts: HintWords['hosts'] = [];
  const list: HintWords['words'] = [];
  const owners = new Map<string, Set<string>>();
  const add = (word: string, vendor: string, by: 'sdk' | 'name') => {
    const w = word.normalize('NFKC').toLowerCase().trim();
    if (w.length < 2 || (!HAN.test(w) && w.length < 3)) return;
    owners.set(w, (owners.get(w) ?? new Set()).add(vendor));
    list.push({ word: w, vendor, by, latin: !HAN.test(w) });
  };
  for (const v of l.vendors() as (ArtifactVendor & { hosts?: unknown; sdks?: unknown })[]) {
    for (const host of strings(v.hosts)) hosts.push({ host: host.toLowerCase(), vendor: v.id });
    for (const sdk of strings(v.sdks)) add(sdk, v.id, 'sdk');
    for (const name of namesOf(v)) {
      add(name, v.id, 'name');
      // The brand word that begins a name (`Baidu` of `Baidu AI Cloud`, `百度` of `百度智能云`).
      const first = name.split(/\s+/)[0]!;
      if (first !== name && first.length >= 3) add(first, v.id, 'name');
      const han = /^[\u3400-\u9fff]{2}/.exec(name);
      if (han && han[0] !== name) add(han[0], v.id, 'name');
    }
  }
  // A word two vendors go by (`G42` of both a cloud and its image service would be one) names neither.
  words = { hosts, words: list.filter((w) => owners.get(w.word)!.size === 1).sort((a, b) => b.word.length - a.word.length) };
  cache.set(l, words);
  return words;
}

/** Host names in a text (`a.b.com`), lower case. */
const HOSTS = /(?<![\w.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?![\w-])/gi;

/** The vendors a text names, each once, in the order first named; at most the first 64 K characters are read. */
export function vendorHints(l: Lookup, text: string): VendorHint[] {
  const t = text.slice(0, 64 * 1024);
  const { hosts, words } = hintWords(l);
  const found: (VendorHint & { at: number })[] = [];
  if (hosts.length > 0) {
    for (const m of t.matchAll(HOSTS)) {
      const name = m[0].toLowerCase();
      const h = hosts.find((x) => name === x.host || name.endsWith(`.${x.host}`));
      if (h) found.push({ vendor: h.vendor, by: 'host', text: m[0], at: m.index });
    }
  }
  const lower = t.normalize('NFKC').toLowerCase();
  for (const w of words) {
    let from = 0;
    for (let at = lower.indexOf(w.word, from); at >= 0; at = lower.indexOf(w.word, from)) {
      from = at + w.word.length;
      // A Latin name is a whole word (`picwish`, not `picwishes`); `baidu_wenxin` and `BaiduPCS` name Baidu.
      if (w.latin && (/[a-z0-9]/.test(lower[at - 1] ?? '') || /[a-z0-9-]/.test(lower[at + w.word.length] ?? '') && !/^[A-Z]/.test(t[at + w.word.length] ?? ''))) continue;
      found.push({ vendor: w.vendor, by: w.by, text: t.slice(at, at + w.word.length), at });
      break;
    }
  }
  found.sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  return found.filter((h) => !seen.has(h.vendor) && seen.add(h.vendor)).map(({ vendor, by, text: named }) => ({ vendor, by, text: named }));
}
