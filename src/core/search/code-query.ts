/**
 * A code asked for inside a phrase: `错误码222207`, `error code: 222207`, `Baidu 222207`,
 * `picwish state -8`. Once the labels (CODE_LABELS) and the words of vendor names are taken out,
 * what is left must be one code-like token (with a digit, `_` or `.`), or the phrase is not a code
 * query: words in a pasted message (`after 10 minutes`) never are.
 */
import { cleanText } from '../normalize.ts';
import { isCjk } from './tokenize.ts';
import { CODE_LABELS } from './vocabulary.ts';

interface VendorNames {
  id: string;
  name: { en: string; zh: string };
}

/** Tokens split at spaces and punctuation that cannot be inside a code, and where Chinese meets Latin. */
const SPLIT = /[\s:=：,，;；"'“”‘’{}()（）[\]<>]+|(?<=[\u3400-\u9FFF])(?=[^\u3400-\u9FFF])|(?<=[^\u3400-\u9FFF])(?=[\u3400-\u9FFF])/u;
// A number of any length (`state 1`), or 2+ characters with a digit, `_` or `.` in them.
const CODE_LIKE = /^(?:-?\d{1,20}|(?=.*[\d_.])[\p{L}\p{N}_.\-/]{2,64})$/u;

/** Words of vendor names and ids, and the Chinese fillers a code query may hold, for `codeInPhrase`. */
export function codeQueryWords(vendors: readonly VendorNames[]): { latin: Set<string>; chinese: RegExp } {
  const latin = new Set(CODE_LABELS.filter((w) => !isCjk(w)));
  const chinese = CODE_LABELS.filter(isCjk);
  for (const v of vendors) {
    for (const text of [v.id, v.name.en, v.name.zh]) {
      for (const token of cleanText(text, 200).toLowerCase().split(SPLIT)) {
        if (!token) continue;
        if (!isCjk(token)) {
          latin.add(token);
          for (const part of token.split(/[-_.]/)) if (part.length >= 2) latin.add(part);
        } else {
          // A vendor is named by the start of its Chinese name as well: 百度 for 百度人脸识别.
          const chars = [...token];
          for (let n = 2; n <= chars.length; n++) chinese.push(chars.slice(0, n).join(''));
        }
      }
    }
  }
  const alternatives = [...new Set(chinese)].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { latin, chinese: new RegExp(alternatives.join('|'), 'gu') };
}

/** The code a phrase asks for, or undefined when the phrase is not labels, vendor names and one code. */
export function codeInPhrase(query: string, words: ReturnType<typeof codeQueryWords>): string | undefined {
  const text = cleanText(query, 200).toLowerCase();
  const tokens = text.split(SPLIT).filter(Boolean);
  if (tokens.length < 2) return undefined;
  const rest = tokens.filter((token) => (isCjk(token) ? token.replace(words.chinese, '') !== '' : !words.latin.has(token)));
  return rest.length === 1 && CODE_LIKE.test(rest[0]!) ? rest[0] : undefined;
}
