/**
 * Tokens for the text index, identical at build time (Node) and query time (browser).
 * Latin text: lower-case words and numbers (2+ characters, or any digit run). Chinese text:
 * overlapping character bigrams plus single characters. Bigrams need no dictionary, so Node's and
 * the browser's ICU versions (which segment words differently) can never disagree.
 */
import { cleanText } from '../normalize.ts';

const CJK = /[\u3400-\u9FFF\uF900-\uFAFF]/;
const PIECES = /[\u3400-\u9FFF\uF900-\uFAFF]+|[\p{L}\p{N}]+/gu;

export function isCjk(token: string): boolean {
  return CJK.test(token[0] ?? '');
}

/** Tokens of a document or query, in order (duplicates kept: order carries relevance). */
export function tokenize(input: unknown, max = 20_000): string[] {
  const text = cleanText(input, max).toLowerCase();
  const out: string[] = [];
  for (const [piece] of text.matchAll(PIECES)) {
    if (CJK.test(piece[0]!)) {
      const chars = [...piece];
      if (chars.length === 1) out.push(chars[0]!);
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
    } else if (piece.length >= 2 || /\d/.test(piece)) {
      out.push(piece);
    }
  }
  return out;
}

/** Query tokens: like tokenize, but a Chinese run of several characters gives only its bigrams. */
export function queryTokens(input: unknown): string[] {
  return [...new Set(tokenize(input, 500))].slice(0, 12);
}
