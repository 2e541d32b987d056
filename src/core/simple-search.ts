/**
 * A simple search over the artifact entries: every word of the query must occur in the entry's
 * code, message, meaning, remedy or category name (English or Chinese); exact codes first.
 * Pure, no index files: the CLI uses it. The site's full search (sharded FlexSearch index,
 * src/core/search/) can replace it behind the same function.
 */
import type { ArtifactEntry } from './artifact-types.ts';
import { lookupFor, type KbIndex, type Lookup } from './lookup.ts';
import { cleanText, compactCode, normalizeCode } from './normalize.ts';

export interface SimpleSearchOptions {
  /** At most this many entries (default 20, at most 500). */
  limit?: number;
  /** Only this vendor's entries. */
  vendor?: string;
}

interface Haystack {
  code: string;
  message: string;
  meaning: string;
  remedy: string;
  category: string;
}

const haystacks = new WeakMap<Lookup, Map<ArtifactEntry, Haystack>>();

const fold = (s: string) => cleanText(s, 5000).toLowerCase();

function haystackOf(l: Lookup): Map<ArtifactEntry, Haystack> {
  let map = haystacks.get(l);
  if (!map) {
    map = new Map();
    for (const e of l.index.entries) {
      const c = l.category(e.category);
      map.set(e, {
        code: `${fold(e.code)} ${normalizeCode(e.code)} ${e.vendor}`,
        message: fold(e.message ?? ''),
        meaning: fold(`${e.meaning.en} ${e.meaning.zh}`),
        remedy: fold(`${e.remedy.en} ${e.remedy.zh}`),
        category: fold(`${e.category} ${c ? `${c.name.en} ${c.name.zh}` : ''}`),
      });
    }
    haystacks.set(l, map);
  }
  return map;
}

/** Words of a query: split on white space and punctuation other than the ones inside codes (. _ -). */
function words(query: string): string[] {
  return [...new Set(fold(query).split(/[\s,;:!?，。；：！？、()（）"'“”‘’[\]{}<>/\\]+/).filter(Boolean))];
}

const WEIGHT: Record<keyof Haystack, number> = { code: 8, message: 6, category: 4, meaning: 3, remedy: 1 };

/** Entries matching every word of `query`, best first. */
export function searchEntries(index: KbIndex | Lookup, query: string, options: SimpleSearchOptions = {}): ArtifactEntry[] {
  if (typeof query !== 'string') return [];
  const l = lookupFor(index);
  const limit = Math.max(1, Math.min(options.limit ?? 20, 500));
  const vendor = options.vendor === undefined ? undefined : l.vendorId(options.vendor);
  if (options.vendor !== undefined && !vendor) return [];
  const q = cleanText(query);
  if (!q) return [];
  const terms = words(q);
  const exact = new Set(l.find(q));
  const compact = compactCode(q);
  const scored: { entry: ArtifactEntry; score: number; order: number }[] = [];
  let order = 0;
  for (const [entry, hay] of haystackOf(l)) {
    order++;
    if (vendor && entry.vendor !== vendor) continue;
    let score = exact.has(entry) ? 1000 : 0;
    if (!score && compact.length >= 3 && compactCode(entry.code).includes(compact)) score += 100;
    let all = terms.length > 0;
    for (const term of terms) {
      let best = 0;
      for (const field of Object.keys(WEIGHT) as (keyof Haystack)[]) if (hay[field].includes(term)) best = Math.max(best, WEIGHT[field]);
      if (best === 0) all = false;
      score += best;
    }
    if (all || score >= 100) scored.push({ entry, score, order });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((s) => s.entry);
}
