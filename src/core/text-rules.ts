/**
 * Checks on text that a schema cannot express and the build relies on: what may be in a code (it
 * becomes a file name and a URL segment), what counts as a non-empty translation, and whether
 * its bytes are UTF-8 at all. Pure (no Node APIs).
 */
import type { PathSegment } from './yaml-source.ts';

/**
 * A code becomes `<code>.json` and `<code>/index.html` on disk: file systems allow 255 bytes per
 * name. 200 bytes leaves room for the extension and for percent-encoding by a static host.
 */
export const MAX_CODE_BYTES = 200;

/** Control (Cc) and format (Cf: bidi overrides, zero-width characters, soft hyphen…) characters. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
/** Letters of scripts whose letters look like Latin ones (Cyrillic а, Greek ο…). */
const LOOKALIKE_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Cherokee}]/u;
const LATIN = /\p{Script=Latin}/u;

function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What is wrong with a code that the schema let through, or undefined. */
export function codeProblem(code: string): string | undefined {
  const invisible = INVISIBLE.exec(code);
  if (invisible)
    return `contains the control or invisible character ${codePoint(invisible[0])} at position ${invisible.index + 1}; a code must be visible text (it is a file name and a URL)`;
  const bytes = new TextEncoder().encode(code).byteLength;
  if (bytes > MAX_CODE_BYTES) return `is ${bytes} bytes in UTF-8; at most ${MAX_CODE_BYTES} bytes fit in a file name`;
  const lookalike = LOOKALIKE_SCRIPT.exec(code);
  if (lookalike && LATIN.test(code))
    return `mixes Latin letters with ${codePoint(lookalike[0])} "${lookalike[0]}" (a look-alike from another script); write the code as the API returns it, in one script`;
  return undefined;
}

/** The form two codes collide in on a case-insensitive file system (macOS, Windows). */
export function caseFoldedCode(code: string): string {
  return code.normalize('NFC').toLowerCase().toUpperCase().toLowerCase();
}

/** Has `text` something a reader can see (not only white space and invisible characters)? */
export function hasVisibleText(text: string): boolean {
  return /[^\s\p{Cc}\p{Cf}\u2800\u3164\uFFA0\u115F\u1160]/u.test(text);
}

/** Paths of every `en`/`zh` string (a translation) under `value` that has nothing visible. */
export function invisibleTranslations(value: unknown, path: PathSegment[] = [], found: PathSegment[][] = []): PathSegment[][] {
  if (Array.isArray(value)) value.forEach((item, i) => invisibleTranslations(item, [...path, i], found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if ((key === 'en' || key === 'zh') && typeof child === 'string' && !hasVisibleText(child)) found.push([...path, key]);
      else invisibleTranslations(child, [...path, key], found);
    }
  }
  return found;
}

/** Byte offset of the first byte that is not valid UTF-8 (overlong forms and surrogates included), or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Line and column (1-based, in characters) of a byte offset within valid UTF-8 before it. */
export function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < offset; i++)
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  const column = [...new TextDecoder().decode(bytes.subarray(lineStart, offset))].length + 1;
  return { line, column };
}
