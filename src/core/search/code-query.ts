/**
 * A code asked for inside a phrase: `错误码222207`, `error code: 222207`, `Baidu 222207`,
 * `picwish state -8`, `百度人脸 223103`. Once the labels (CODE_LABELS) and the vendor's names are taken
 * out, what is left must be one code-like token (a number, or a token with a digit, `_` or `.`), or
 * the phrase is not a code query: words in a pasted message (`after 10 minutes`) never are. A vendor
 * named in the phrase (vendor-names.ts: id, the start of one id, a name, the brand word that begins
 * a name, the start of a Chinese name, or the product word that ends one after its two-character
 * brand: 如影 of 商汤如影, 人脸识别 of 百度人脸识别) narrows the code to that vendor's.
 */
import { cleanText } from '../normalize.ts';
import type { VendorNames } from '../vendor-names.ts';
import { HAN, isCjk } from './tokenize.ts';
import { CHINESE_QUERY_FILLERS, CODE_LABELS } from './vocabulary.ts';

/** The Chinese words of a ticket around a code (请问, 客户, 怎么办): taken out like labels. */
const QUERY_FILLERS = new RegExp(CHINESE_QUERY_FILLERS.join('|'), 'g');

/** Tokens split at spaces and punctuation that cannot be inside a code, and where Chinese meets Latin. */
const SPLIT = new RegExp(`[\\s:=：,，;；"'“”‘’{}()（）[\\]<>]+|(?<=[${HAN}])(?=[^${HAN}])|(?<=[^${HAN}])(?=[${HAN}])`, 'u');
// A number of any length (`state 1`), or 2+ characters with a digit, `_` or `.` in them.
const CODE_LIKE = /^(?:-?\d{1,20}|(?=.*[\d_.])[\p{L}\p{N}_.\-/]{2,64})$/u;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What `readQuery` needs to know of the vendors and labels; made once per search index. */
export interface CodeQueryWords {
  vendors: VendorNames[];
  /**
   * Every vendor name in one pattern (whole words at a Latin edge, spaces optional between words),
   * longest first, each name a capture group: `nameVendors[i]` is the vendor of group i + 1. One
   * pattern, not one per name: V8 compiles each pattern again for text with Chinese in it, and the
   * Unicode classes at the edges took 5 ms to compile per query's first Chinese text as 26 patterns.
   */
  namePattern: RegExp | undefined;
  nameVendors: string[];
  /** Brand words that begin a name (`baidu`, `g42`, `sensetime`) and the starts of Chinese names (`百度`). */
  starts: Map<string, string>;
  /** Every name in lower case (NFKC) to the vendor it names alone (as vendorNamed reads names, made once). */
  named: Map<string, string>;
  /** The Chinese starts (and product words), longest first. */
  chineseStarts: [string, string][];
  labels: Set<string>;
  chineseLabels: RegExp | undefined;
  /** A Chinese run that ends with a label (`百度返回码`, `报错`): what follows it is labelled. */
  chineseLabelEnd: RegExp | undefined;
}

export function codeQueryWords(vendors: readonly { id: string; name: { en: string; zh: string }; names?: string[] }[]): CodeQueryWords {
  const named: VendorNames[] = vendors.map((v) => ({ id: v.id, names: v.names ?? [v.name.en, v.name.zh] }));
  const names: { body: string; before: boolean; after: boolean; vendor: string }[] = [];
  const starts = new Map<string, string | null>();
  const start = (word: string, vendor: string) => starts.set(word, starts.has(word) && starts.get(word) !== vendor ? null : vendor);
  for (const v of named) {
    for (const name of v.names) {
      const clean = cleanText(name, 200).toLowerCase();
      if (clean.length < 2) continue;
      const body = clean.split(/\s+/).map(escape).join('\\s*');
      // Whole words at a Latin edge (`picwish`, not `picwishes`); a Chinese name may touch anything (百度人脸识别错误码).
      names.push({ body, before: !isCjk([...clean][0]!), after: !isCjk([...clean].at(-1)!), vendor: v.id });
      const first = clean.split(/\s+/)[0]!;
      if (/^[\p{L}\p{N}]{3,}$/u.test(first) && !isCjk(first) && first !== clean) start(first, v.id);
      for (const run of clean.match(new RegExp(`[${HAN}]+`, 'gu')) ?? []) {
        const chars = [...run];
        for (let n = 2; n < chars.length; n++) start(chars.slice(0, n).join(''), v.id);
        // A name that is all Chinese is a brand and a product (商汤 + 如影, 百度 + 人脸识别): people name
        // the product alone. A word two vendors end with (识别) names neither, as for starts.
        if (run === clean && chars.length >= 4) start(chars.slice(2).join(''), v.id);
      }
    }
  }
  // Longest first, so that a name wins over a shorter one it begins (`baidu face` over `baidu`); the
  // names of each kind of edge together, each edge's class written once for them all.
  names.sort((a, b) => b.body.length - a.body.length);
  const nameVendors: string[] = [];
  const EDGE = '[\\p{L}\\p{N}]';
  const alternatives: string[] = [];
  for (const before of [true, false]) {
    for (const after of [true, false]) {
      const group = names.filter((n) => n.before === before && n.after === after);
      if (group.length === 0) continue;
      for (const n of group) nameVendors.push(n.vendor);
      alternatives.push(`${before ? `(?<!${EDGE})` : ''}(?:${group.map((n) => `(${n.body})`).join('|')})${after ? `(?!${EDGE})` : ''}`);
    }
  }
  const chinese = CODE_LABELS.filter(isCjk).sort((a, b) => b.length - a.length).map(escape);
  // vendorNamed's reading of names, made once: a name only one vendor goes by (ids are checked per token).
  const byName = new Map<string, string | null>();
  for (const v of named) for (const n of v.names) {
    const key = n.normalize('NFKC').toLowerCase();
    byName.set(key, byName.has(key) && byName.get(key) !== v.id ? null : v.id);
  }
  const kept = new Map([...starts].filter((e): e is [string, string] => e[1] !== null));
  return {
    vendors: named,
    namePattern: alternatives.length > 0 ? new RegExp(alternatives.join('|'), 'gu') : undefined,
    nameVendors,
    named: new Map([...byName].filter((e): e is [string, string] => e[1] !== null)),
    chineseStarts: [...kept].filter(([start]) => isCjk(start)).sort((a, b) => b[0].length - a[0].length),
    starts: kept,
    labels: new Set(CODE_LABELS.filter((w) => !isCjk(w))),
    chineseLabels: chinese.length > 0 ? new RegExp(chinese.join('|'), 'gu') : undefined,
    chineseLabelEnd: chinese.length > 0 ? new RegExp(`(?:${chinese.join('|')})$`, 'u') : undefined,
  };
}

/** What a query says about codes and vendors, read once (readQuery). */
export interface QueryReading {
  /** The code it asks for, when it is a code query (see the top of this file). */
  code?: CodeInPhrase;
  /** The vendor it names, if exactly one. */
  vendor?: string;
  /** The query without the vendor names in it (`SenseTime rate limit` → `rate limit`), lower case. */
  bare: string;
}

export interface CodeInPhrase {
  code: string;
  vendor?: string;
  /** Only that exact code, never the codes it begins (a code with words around it). */
  exact?: true;
  /** Another reading to try as an exact code (`got err_code 17 from baidu`: `got.17.from`, or `17`). */
  alt?: string;
}

export function readQuery(query: string, words: CodeQueryWords): QueryReading {
  const reading = readPhrase(query, words);
  const vendor = reading.vendors.size === 1 ? [...reading.vendors][0] : undefined;
  return { code: codeOf(reading), ...(vendor ? { vendor } : {}), bare: reading.kept.join(' ') };
}

/** The code a phrase asks for, and the vendor it names if exactly one; undefined when the phrase is not a code query. */
function codeOf({ vendors, tokens, rest, labelled }: Phrase): CodeInPhrase | undefined {
  // A lone token with nothing taken out is the query itself: the plain code lookup reads it.
  if (tokens.length < 2 && vendors.size === 0) return undefined;
  const vendor = vendors.size === 1 ? { vendor: [...vendors][0]! } : {};
  // One code-like token; or, once labels or a vendor were taken out, a code spelt with spaces
  // (`g42 ais 0504`, as `Ais 0503` alone is read), which must hold a digit or `_` somewhere.
  const tookOut = vendors.size > 0 || rest.length < tokens.length;
  const spaced = tookOut && rest.length <= 3 && rest.some((t) => /[\d_]/.test(t)) && !rest.some(isCjk) ? rest.join('.') : undefined;
  const code = rest.length === 1 ? rest[0]! : spaced;
  // A code with words around it (`customer gets 222202 from Baidu`, `百度 111 令牌`, `AIS.0503 on every
  // photo`, `返回码 -7 图片坏了`): the one code-like token, when it cannot be a number of the sentence —
  // it has letters with digits, `_` or `.`, or five digits or more, or it is a number beside the
  // vendor's name or right after a label. Only that exact code then, never codes it begins or is part of.
  const codeLike = rest.filter((t) => !isCjk(t) && CODE_LIKE.test(t));
  const only = codeLike.length === 1 ? codeLike[0]! : undefined;
  const exact = only !== undefined && (DISTINCTIVE.test(only) || (/^-?\d+$/.test(only) && (vendors.size === 1 || labelled.has(only))));
  // A code spelt with spaces may be words around a code (`got err_code 17 from baidu`): both are tried.
  if (code !== undefined && CODE_LIKE.test(code)) return { code, ...vendor, ...(exact && only !== code ? { alt: only } : {}) };
  return exact ? { code: only, ...vendor, exact: true } : undefined;
}

/**
 * The vendors a phrase names, its tokens, the tokens left once names, labels and ticket words are out,
 * and the tokens right after a label (`返回码 -7`, `err_code 17`, `state=-8`): a number there is a code.
 */
interface Phrase {
  vendors: Set<string>;
  tokens: string[];
  rest: string[];
  labelled: Set<string>;
  /** Every token but the vendors' names, in order (a Chinese run without the name in it). */
  kept: string[];
}

function readPhrase(query: string, words: CodeQueryWords): Phrase {
  let text = cleanText(query, 200).toLowerCase();
  const vendors = new Set<string>();
  if (words.namePattern) {
    text = text.replace(words.namePattern, (...match: unknown[]) => {
      const group = match.findIndex((part, i) => i > 0 && i <= words.nameVendors.length && part !== undefined);
      vendors.add(words.nameVendors[group - 1]!);
      return ' ';
    });
  }
  const tokens = text.split(SPLIT).filter(Boolean);
  const rest: string[] = [];
  const labelled = new Set<string>();
  const kept: string[] = [];
  let afterLabel = false;
  for (const token of tokens) {
    const label = isCjk(token) ? words.chineseLabelEnd?.test(token) === true : words.labels.has(token);
    if (afterLabel && !isCjk(token)) labelled.add(token);
    afterLabel = label;
    if (isCjk(token)) {
      let left = (words.chineseLabels ? token.replace(words.chineseLabels, '') : token).replace(QUERY_FILLERS, '');
      const vendor = words.starts.get(left);
      if (vendor) vendors.add(vendor);
      else {
        // A vendor's Chinese name inside a run of words (`请问百度返回` → 百度): taken out like a label.
        const inside = words.chineseStarts.find(([start]) => left.includes(start));
        if (inside) {
          vendors.add(inside[1]);
          left = left.replace(inside[0], '');
        }
        if (left !== '') rest.push(token);
        kept.push(inside ? token.replace(inside[0], ' ') : token);
      }
    } else if (!words.labels.has(token)) {
      const vendor = words.starts.get(token) ?? (token.length >= 3 ? nameOf(token, words) : undefined);
      if (vendor) vendors.add(vendor);
      else {
        rest.push(token);
        kept.push(token);
      }
    } else kept.push(token);
  }
  return { vendors, tokens, rest, labelled, kept };
}

/** The vendor a lower-case token names alone, as vendorNamed reads it (an id, the start of one id, a name). */
function nameOf(token: string, words: CodeQueryWords): string | undefined {
  const prefixed = words.vendors.filter((v) => v.id.startsWith(token));
  if (prefixed.length === 1 || prefixed.some((v) => v.id === token)) return prefixed.length === 1 ? prefixed[0]!.id : token;
  return words.named.get(token);
}

/** A token that is no number of a sentence: letters with digits, `_` or `.` (`ais.0503`, `error_no_face`), or 5+ digits. */
const DISTINCTIVE = /^(?:(?=.*\p{L})(?=.*[\d_.])[\p{L}\p{N}_.\-/]+|-?\d{5,})$/u;
