/** Shard assignment shared by the index builder and the browser. */

/** FNV-1a, 32 bit: small, fast, stable across runtimes. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The key that decides a term's shard: the first two characters of a Latin term (so every term
 * that a typed prefix can complete to lives in one shard), the first character of a Chinese term.
 */
export function termShardKey(term: string): string {
  const first = [...term][0] ?? '';
  return /[\u3400-\u9FFF\uF900-\uFAFF]/.test(first) ? first : term.slice(0, 2);
}

export function shardOf(key: string, shards: number): number {
  return shards <= 1 ? 0 : fnv1a(key) % shards;
}

/** Text-index token stored in a shard: the part after the shard key, marked so it is never empty. */
export function storedToken(term: string): string {
  return `^${term.slice(termShardKey(term).length)}`;
}
