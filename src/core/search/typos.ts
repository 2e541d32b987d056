/**
 * Typo tolerance over the index's own vocabulary. A query word that is no word of the index is read
 * as the words within one edit of it (two for words of eight letters or more; a swap of two
 * neighbouring letters counts as one edit), found in the vocabulary file of its first letter
 * (`vocab/<c>.json`, built with the index); failing that, as two words of the index run together
 * (`ratelimit` → `rate limit`). Words of fewer than four letters, numbers and Chinese are never
 * corrected. Corrections score below exact words (query.ts).
 */

/** [word, number of documents it is in], sorted by word: one vocabulary file. */
export type VocabFile = [string, number][];

/** Edits allowed for a word of this length: none under 4 letters, 1 up to 7, 2 from 8. */
export function editsFor(word: string): number {
  return word.length < 4 ? 0 : word.length <= 7 ? 1 : 2;
}

/**
 * The optimal-string-alignment distance of a and b (insertions, deletions, substitutions and swaps
 * of neighbours, each 1) if it is at most k; otherwise undefined. O(|a| × (2k + 1)).
 */
export function distanceWithin(a: string, b: string, k: number): number | undefined {
  if (Math.abs(a.length - b.length) > k) return undefined;
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const row = new Array<number>(m + 1).fill(k + 1);
    row[0] = i;
    let best = row[0];
    const from = Math.max(1, i - k);
    const to = Math.min(m, i + k);
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > k) return undefined;
    prev2 = prev;
    prev = row;
  }
  return prev[m]! <= k ? prev[m] : undefined;
}

/** The vocabulary words closest to `word` (at most `max`, the most used first), within its allowed edits. */
export function corrections(vocab: VocabFile, word: string, max = 3): string[] {
  const k = editsFor(word);
  if (k === 0 || /\d/.test(word)) return [];
  let best = k + 1;
  let found: [string, number][] = [];
  for (const [w, docs] of vocab) {
    if (w === word || w.length < 3) continue;
    const d = distanceWithin(word, w, Math.min(k, best));
    if (d === undefined) continue;
    if (d < best) {
      best = d;
      found = [];
    }
    found.push([w, docs]);
  }
  return found.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max).map(([w]) => w);
}

/** Is `word` in the (sorted) vocabulary? */
export function inVocab(vocab: VocabFile | readonly string[], word: string): boolean {
  let lo = 0;
  let hi = vocab.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const w = typeof vocab[mid] === 'string' ? (vocab[mid] as string) : (vocab[mid] as [string, number])[0];
    if (w < word) lo = mid + 1;
    else hi = mid;
  }
  const w = vocab[lo];
  return w !== undefined && (typeof w === 'string' ? w : w[0]) === word;
}

/**
 * Where to cut a word typed without its space (`ratelimit`): the cuts that leave a first part of at
 * least 2 letters that `isWord` accepts, longest first part first. The second part is checked by the
 * caller (it may need another vocabulary file).
 */
export function cuts(word: string, isWord: (w: string) => boolean): [string, string][] {
  const out: [string, string][] = [];
  if (word.length < 5 || /\d/.test(word)) return out;
  for (let i = word.length - 2; i >= 2; i--) {
    const head = word.slice(0, i);
    if (isWord(head)) out.push([head, word.slice(i)]);
  }
  return out;
}
