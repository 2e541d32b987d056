/**
 * Tokens for the text index, identical at build time (Node) and query time (browser).
 *
 * - Text is cleaned and NFKC-folded first (`cleanText`): full-width letters, digits and punctuation
 *   (`ｔｏｋｅｎ`, `４２９`, `，`, `！`) become their ASCII forms, the ideographic space a space.
 * - Latin/digit runs and Chinese runs are split apart even without a space between them, the way
 *   Chinese users write (`token过期` → `token` + `过期`).
 * - Latin text: lower-case words and numbers (2+ characters, or any digit run), filler words
 *   (FILLER_WORDS: `the`, `has`, `is`) left out.
 * - Chinese text: overlapping character bigrams (a lone character stays itself), none across 的.
 *   Bigrams need no dictionary, so Node's and the browser's ICU versions (which segment words
 *   differently) can never disagree.
 */
import { cleanText, normalizeMessage } from '../normalize.ts';
import { CHINESE_PARTICLE, CHINESE_QUERY_FILLERS, FILLER_WORDS } from './vocabulary.ts';

export const HAN = '\\u3400-\\u9FFF\\uF900-\\uFAFF\\u{20000}-\\u{2FFFF}';
const CJK = new RegExp(`[${HAN}]`, 'u');
/** A Chinese run, or a run of letters and digits that are not Chinese. */
const PIECES = new RegExp(`[${HAN}]+|(?:(?![${HAN}])[\\p{L}\\p{N}])+`, 'gu');

export function isCjk(token: string): boolean {
  return CJK.test(token);
}

const FILLER = new Set(FILLER_WORDS);

/** Splits a Chinese run at the ticket words of a query (客户, 反馈, 一直, …). */
const QUERY_FILLER_SPLIT = new RegExp(CHINESE_QUERY_FILLERS.join('|'), 'g');

/**
 * The pieces of a text in order: each one all Chinese or all Latin/digits, lower case; Chinese split at
 * 的 (and, in a query, at the words of a ticket around the problem).
 */
function pieces(input: unknown, max: number, query = false): string[] {
  const text = cleanText(input, max).toLowerCase();
  return [...text.matchAll(PIECES)].flatMap(([piece]) => {
    if (!CJK.test(piece)) return [piece];
    const parts = piece.split(CHINESE_PARTICLE);
    return (query ? parts.flatMap((p) => p.split(QUERY_FILLER_SPLIT)) : parts).filter(Boolean);
  });
}

/** Tokens of a document or query, in order (duplicates kept: order carries relevance). */
export function tokenize(input: unknown, max = 20_000, query = false): string[] {
  const out: string[] = [];
  for (const piece of pieces(input, max, query)) {
    if (CJK.test(piece)) {
      const chars = [...piece];
      if (chars.length === 1) out.push(chars[0]!);
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
    } else if ((piece.length >= 2 || /\d/.test(piece)) && !FILLER.has(piece)) {
      out.push(piece);
    }
  }
  return out;
}

/**
 * A filler word at the end of a query, which may be the start of a word still being typed
 * (`is` → `issue`, `image for` → `format`): searched for what it completes to, never as itself.
 */
export function typedFiller(input: unknown): string | undefined {
  const all = pieces(input, 500);
  const last = all[all.length - 1];
  return last !== undefined && FILLER.has(last) ? last : undefined;
}

/** Query tokens: distinct tokens of the query, at most 12. */
export function queryTokens(input: unknown): string[] {
  return [...new Set(tokenize(input, 500, true))].slice(0, 12);
}

/** Separates the two words of a phrase token (never produced by `tokenize`). */
export const PHRASE_JOIN = '~';

/**
 * Phrase tokens: each pair of adjacent Latin words (`image too large` → `image~too`, `too~large`).
 * Indexed for messages and meanings, looked up for multi-word queries, so words that stand together
 * in the query score higher where they also stand together.
 */
export function phraseTokens(input: unknown, max = 20_000): string[] {
  const out: string[] = [];
  let previous: string | undefined;
  for (const piece of pieces(input, max)) {
    if (FILLER.has(piece)) continue; // `account has no balance` → account~no, no~balance
    const word = CJK.test(piece) || (piece.length < 2 && !/\d/.test(piece)) ? undefined : piece;
    if (previous && word) out.push(previous + PHRASE_JOIN + word);
    previous = word;
  }
  return out;
}

/** Ends a whole-keyword token (never produced by `tokenize`). */
export const WHOLE_MARK = `${PHRASE_JOIN}=`;

/**
 * The token of a whole keyword or query (`Too many requests` → `too~many~requests~=`, `QPS超限` →
 * `qps~超限~=`): a query that is exactly one of an entry's or a category's keywords matches it. It
 * begins with the first word, so it sorts beside that word and lives in its index file.
 */
export function wholeToken(input: unknown): string | undefined {
  const parts = pieces(input, 200);
  return parts.length > 0 && parts.length <= 8 ? `${parts.join(PHRASE_JOIN)}${WHOLE_MARK}` : undefined;
}

/**
 * The key a literal message is filed under in the index: its first token (`''` when it has none), so
 * the file of a message typed as a query is the file of the query's first word, fetched anyway.
 */
export function messageKey(message: string): string {
  return tokenize(normalizeMessage(message), 2000)[0] ?? '';
}

/** The Chinese runs of a query, in order, split as its tokens are (at 的 and the words of a ticket). */
export function chineseRuns(input: unknown): string[] {
  return pieces(input, 500, true).filter((piece) => CJK.test(piece));
}

/**
 * The distinct Chinese characters of a text (的 aside), indexed beside its bigrams so that a character
 * a query's bigrams miss is still found (chinese.ts).
 */
export function chineseCharacters(input: unknown, max = 20_000): string[] {
  const out = new Set<string>();
  for (const piece of pieces(input, max)) if (CJK.test(piece)) for (const char of piece) out.add(char);
  return [...out];
}

/**
 * The whole-keyword tokens (wholeToken) of the spans inside a query, the whole query aside: a keyword
 * standing in it (`the api key is rejected` → `api~key~=`; `上传的不是图片` → `不是图片~=`; `图片太糊` →
 * `太糊~=`). A Chinese run may be cut anywhere, Latin words only whole; a span has two words or
 * Chinese characters at least and at most eight pieces. At most `max`, the shortest first.
 */
export function innerWholeTokens(input: unknown, max = 64): string[] {
  const parts = pieces(input, 500, true);
  const spans: string[][] = [];
  for (let i = 0; i < parts.length; i++) {
    const first = parts[i]!;
    const firstChars = [...first];
    const cjkFirst = CJK.test(first);
    for (let a = 0; a < (cjkFirst ? firstChars.length : 1); a++) {
      const head = firstChars.slice(a).join('');
      // The span within the first piece: a Chinese substring of two characters or more.
      if (cjkFirst) for (let b = a + 2; b <= firstChars.length; b++) spans.push([firstChars.slice(a, b).join('')]);
      for (let j = i + 1; j < parts.length && j - i < 8; j++) {
        const last = [...parts[j]!];
        const middle = parts.slice(i + 1, j);
        const ends = CJK.test(parts[j]!) ? last.map((_, b) => last.slice(0, b + 1).join('')) : [parts[j]!];
        for (const end of ends) spans.push([head, ...middle, end]);
      }
    }
  }
  const whole = wholeToken(input);
  const out = new Set<string>();
  for (const span of spans.sort((x, y) => x.join('').length - y.join('').length)) {
    const token = `${span.join(PHRASE_JOIN)}${WHOLE_MARK}`;
    if (token !== whole) out.add(token);
    if (out.size >= max) break;
  }
  return [...out];
}
