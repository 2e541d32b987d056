/**
 * Normalisation shared by search (build time in Node and query time in the browser), lookup and
 * explain: one definition, so a code typed by a user and a code in the data meet in the same form.
 */

/** Longest query we look at; anything longer is cut (pasted bodies go to explain, not here). */
export const MAX_QUERY_LENGTH = 500;

/** String(x), or '' for a value that cannot be turned into one (an object whose toString is not a function). */
function safeString(x: unknown): string {
  try {
    return String(x);
  } catch {
    return '';
  }
}

/**
 * Lower-casing can leave a letter and a combining mark that NFKC composes on the next pass (`𝐇΅`):
 * apply a normalisation until it no longer changes, so that it is idempotent.
 */
function settled(text: string, step: (s: string) => string): string {
  let current = step(text);
  for (let i = 0; i < 4; i++) {
    const next = step(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Runs of spaces to collapse, or spaces at either end. */
const SPACES = /\s\s|^\s|\s$/;

/**
 * Remove lone surrogates and control characters, collapse white space, cut to a bounded length.
 * Never throws, whatever the input.
 */
export function cleanText(input: unknown, max = MAX_QUERY_LENGTH): string {
  const text = typeof input === 'string' ? input : input == null ? '' : safeString(input);
  // Printable ASCII has no surrogates, control characters or NFKC changes: the common case, kept cheap
  // (explain and triage clean every code-shaped token of a log).
  if (text.length <= max && PRINTABLE_ASCII.test(text)) return SPACES.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
  return text
    .slice(0, max * 2)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, ' ')
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

/**
 * The canonical form of a code: lower case, and every run of white space, '.', '_' or '/' between
 * two parts becomes one '.'. A leading '-' is kept (PicWish has both state 1 and state -1).
 *   `ModelArts.4204`, `modelarts 4204`, ` MODELARTS_4204 ` → `modelarts.4204`
 *   `ERROR_NO_FACE_IN_FILE` → `error.no.face.in.file`;  `-8` → `-8`
 */
export function normalizeCode(input: unknown): string {
  return settled(cleanText(input, 200), (s) =>
    cleanText(s, 200)
      .toLowerCase()
      .replace(/^http[\s:]+(?=\d{3}$)/, '')
      .replace(/[\s._/]+/g, '.')
      .replace(/^\.+|\.+$/g, ''),
  );
}

/** The canonical form without separators, for codes typed without them (`modelarts4204`). */
export function compactCode(input: unknown): string {
  return compactOf(normalizeCode(input));
}

/**
 * compactCode from a canonical form. A canonical form of plain ASCII parts (`modelarts.4204`) is a
 * fixed point of normalizeCode, and so is its compact form: the dots are simply dropped, which keeps
 * lookup's index of 50,000 codes as quick to build as before.
 */
function compactOf(canonical: string): string {
  if (/^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*)?$/.test(canonical)) return canonical.replace(/\./g, '');
  return settled(canonical, (s) => normalizeCode(s).replace(/\./g, ''));
}

/**
 * The keys exact lookup finds a code by: its canonical form (`normalizeCode`), and its compact form
 * (`compactCode`) for a code typed without separators. One definition for lookup (lookup.ts) and
 * the validator (rules/lookup-unique-code.ts): two codes of a vendor and kind that share a key are
 * refused, so a lookup never returns one for the other. Search's fragments and prefixes are not keys.
 */
export function lookupKeys(code: unknown): { exact: string; compact: string } {
  const exact = normalizeCode(code);
  return { exact, compact: compactOf(exact) };
}

/** The parts of a canonical code: `error.no.face.in.file` → [error, no, face, in, file]. */
export function codeSegments(canonical: string): string[] {
  return canonical.split('.').filter(Boolean);
}

/**
 * Every suffix of a code that starts at a part boundary, so fragments match:
 * `modelarts.4204` → [modelarts.4204, 4204]; `error.no.face.in.file` → [..., no.face.in.file, ...].
 */
export function codeSuffixes(canonical: string): string[] {
  const parts = codeSegments(canonical);
  return parts.map((_, i) => parts.slice(i).join('.'));
}

/** An HTTP status query: `429`, `HTTP 413`, `http/1.1 503` → the status, else undefined. */
export function httpStatusQuery(input: unknown): number | undefined {
  const m = /^(?:http(?:\/\d(?:\.\d)?)?[\s:]*)?([1-5]\d\d)$/i.exec(cleanText(input, 50));
  return m ? Number(m[1]) : undefined;
}

/** A literal message in comparable form: lower case, collapsed spaces, outer punctuation removed. */
export function normalizeMessage(input: unknown): string {
  return settled(cleanText(input, 2000), (s) =>
    cleanText(s, 2000)
      .toLowerCase()
      .replace(/^["'“”‘’\s]+|["'“”‘’\s.。!！]+$/g, ''),
  );
}
