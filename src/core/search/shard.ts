/** Hashing shared by the index builder and the browser. */

/** FNV-1a, 32 bit: small, fast, stable across runtimes. Used to spread exact message keys over files. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
