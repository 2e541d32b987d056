/**
 * A code asked for inside a phrase: `错误码222207`, `error code: 222207`, `Baidu 222207`,
 * `picwish state -8`, `百度人脸 223103`. Once the labels (CODE_LABELS) and the vendor's names are taken
 * out, what is left must be one code-like token (a number, or a token with a digit, `_` or `.`), or
 * the phrase is not a code query: words in a pasted message (`after 10 minutes`) never are. A vendor
 * named in the phrase (vendor-names.ts: id, the start of one id, a name, the brand word that begins
 * a name, or the start of a Chinese name) narrows the code to that vendor's.
 */
import { cleanText } from '../normalize.ts';
import { vendorNamed, type VendorNames } from '../vendor-names.ts';
import { HAN, isCjk } from './tokenize.ts';
import { CHINESE_QUERY_FILLERS, CODE_LABELS } from './vocabulary.ts';

/** The Chinese words of a ticket around a code (请问, 客户, 怎么办): taken out like labels. */
const QUERY_FILLERS = new RegExp(CHINESE_QUERY_FILLERS.join('|'), 'g');

/** Tokens split at spaces and punctuation that cannot be inside a code, and where Chinese meets Latin. */
const SPLIT = new RegExp(`[\\s:=：,，;；"'“”‘’{}()（）[\\]<>]+|(?<=[${HAN}])(?=[^${HAN}])|(?<=[^${HAN}])(?=[${HAN}])`, 'u');
// A number of any length (`state 1`), or 2+ characters with a digit, `_` or `.` in them.
const CODE_LIKE = /^(?:-?\d{1,20}|(?=.*[\d_.])[\p{L}\p{N}_.\-/]{2,64})$/u;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What `codeInPhrase` needs to know of the vendors and labels; made once per search index. */
export interface CodeQueryWords {
  vendors: VendorNames[];
  /** Each vendor name as a pattern (whole words, spaces optional between Latin and Chinese). */
  names: { pattern: RegExp; vendor: string }[];
  /** Brand words that begin a name (`baidu`, `g42`, `sensetime`) and the starts of Chinese names (`百度`). */
  starts: Map<string, string>;
  labels: Set<string>;
  chineseLabels: RegExp | undefined;
}

export function codeQueryWords(vendors: readonly { id: string; name: { en: string; zh: string }; names?: string[] }[]): CodeQueryWords {
  const named: VendorNames[] = vendors.map((v) => ({ id: v.id, names: v.names ?? [v.name.en, v.name.zh] }));
  const names: CodeQueryWords['names'] = [];
  const starts = new Map<string, string | null>();
  const start = (word: string, vendor: string) => starts.set(word, starts.has(word) && starts.get(word) !== vendor ? null : vendor);
  for (const v of named) {
    for (const name of v.names) {
      const clean = cleanText(name, 200).toLowerCase();
      if (clean.length < 2) continue;
      const body = clean.split(/\s+/).map(escape).join('\\s*');
      // Whole words at a Latin edge (`picwish`, not `picwishes`); a Chinese name may touch anything (百度人脸识别错误码).
      const before = isCjk([...clean][0]!) ? '' : '(?<![\\p{L}\\p{N}])';
      const after = isCjk([...clean].at(-1)!) ? '' : '(?![\\p{L}\\p{N}])';
      names.push({ pattern: new RegExp(`${before}${body}${after}`, 'gu'), vendor: v.id });
      const first = clean.split(/\s+/)[0]!;
      if (/^[\p{L}\p{N}]{3,}$/u.test(first) && !isCjk(first) && first !== clean) start(first, v.id);
      for (const run of clean.match(new RegExp(`[${HAN}]+`, 'gu')) ?? []) {
        const chars = [...run];
        for (let n = 2; n < chars.length; n++) start(chars.slice(0, n).join(''), v.id);
      }
    }
  }
  names.sort((a, b) => b.pattern.source.length - a.pattern.source.length);
  const chinese = CODE_LABELS.filter(isCjk).sort((a, b) => b.length - a.length).map(escape);
  return {
    vendors: named,
    names,
    starts: new Map([...starts].filter((e): e is [string, string] => e[1] !== null)),
    labels: new Set(CODE_LABELS.filter((w) => !isCjk(w))),
    chineseLabels: chinese.length > 0 ? new RegExp(chinese.join('|'), 'gu') : undefined,
  };
}

/** The code a phrase asks for, and the vendor it names if exactly one; undefined when the phrase is not a code query. */
export function codeInPhrase(query: string, words: CodeQueryWords): { code: string; vendor?: string; exact?: true } | undefined {
  const { vendors, tokens, rest } = readPhrase(query, words);
  // A lone token with nothing taken out is the query itself: the plain code lookup reads it.
  if (tokens.length < 2 && vendors.size === 0) return undefined;
  const vendor = vendors.size === 1 ? { vendor: [...vendors][0]! } : {};
  // One code-like token; or, once labels or a vendor were taken out, a code spelt with spaces
  // (`g42 ais 0504`, as `Ais 0503` alone is read), which must hold a digit or `_` somewhere.
  const tookOut = vendors.size > 0 || rest.length < tokens.length;
  const spaced = tookOut && rest.length <= 3 && rest.some((t) => /[\d_]/.test(t)) && !rest.some(isCjk) ? rest.join('.') : undefined;
  const code = rest.length === 1 ? rest[0]! : spaced;
  if (code !== undefined && CODE_LIKE.test(code)) return { code, ...vendor };
  // A code with words around it (`customer gets 222202 from Baidu`, `百度 111 令牌`, `AIS.0503 on every
  // photo`): the one code-like token, when it cannot be a number of the sentence — it has letters with
  // digits, `_` or `.`, or five digits or more, or it is a number beside the vendor's name. Only that
  // exact code then, never codes it begins or is part of.
  const codeLike = rest.filter((t) => !isCjk(t) && CODE_LIKE.test(t));
  const only = codeLike.length === 1 ? codeLike[0]! : undefined;
  if (!only || !(DISTINCTIVE.test(only) || (vendors.size === 1 && /^-?\d+$/.test(only)))) return undefined;
  return { code: only, ...vendor, exact: true };
}

/** The vendor a query names, if exactly one (`佐糖任务超时`, `PicWish timeout`), code or not. */
export function vendorInPhrase(query: string, words: CodeQueryWords): string | undefined {
  const { vendors } = readPhrase(query, words);
  return vendors.size === 1 ? [...vendors][0] : undefined;
}

/** The vendors a phrase names, its tokens, and the tokens left once names, labels and ticket words are out. */
function readPhrase(query: string, words: CodeQueryWords): { vendors: Set<string>; tokens: string[]; rest: string[] } {
  let text = cleanText(query, 200).toLowerCase();
  const vendors = new Set<string>();
  for (const { pattern, vendor } of words.names) {
    text = text.replace(pattern, () => {
      vendors.add(vendor);
      return ' ';
    });
  }
  const tokens = text.split(SPLIT).filter(Boolean);
  const rest: string[] = [];
  for (const token of tokens) {
    if (isCjk(token)) {
      let left = (words.chineseLabels ? token.replace(words.chineseLabels, '') : token).replace(QUERY_FILLERS, '');
      const vendor = words.starts.get(left);
      if (vendor) vendors.add(vendor);
      else {
        // A vendor's Chinese name inside a run of words (`请问百度返回` → 百度): taken out like a label.
        const inside = [...words.starts].find(([start]) => isCjk(start) && left.includes(start));
        if (inside) {
          vendors.add(inside[1]);
          left = left.replace(inside[0], '');
        }
        if (left !== '') rest.push(token);
      }
    } else if (!words.labels.has(token)) {
      const vendor = words.starts.get(token) ?? (token.length >= 3 ? vendorNamed(token, words.vendors) : undefined);
      if (vendor) vendors.add(vendor);
      else rest.push(token);
    }
  }
  return { vendors, tokens, rest };
}

/** A token that is no number of a sentence: letters with digits, `_` or `.` (`ais.0503`, `error_no_face`), or 5+ digits. */
const DISTINCTIVE = /^(?:(?=.*\p{L})(?=.*[\d_.])[\p{L}\p{N}_.\-/]+|-?\d{5,})$/u;
