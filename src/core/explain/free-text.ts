/**
 * Free text with a code or a message in it: a ticket (`百度人脸返回 222202`, `customer gets 222202 from
 * Baidu`), a log line or a traceback (`RuntimeError: Access token invalid or no longer valid`), a FAQ
 * sentence (`error code "APIG.0308" is displayed`).
 *
 * - Code-shaped tokens are looked up in the vendors' tables (errors and task states, never HTTP
 *   statuses). A code one vendor has and that no other API's codes look like (`ModelArts.4603`,
 *   `ERROR_NO_FACE_IN_FILE`) counts by itself; a number of five digits or more needs a code label
 *   beside it (`error_code`, `错误码`, `返回`), a vendor the text names, or the entry's message in the
 *   text; a short number (`18`, `-8`) needs a label and either the message or the vendor. So numbers
 *   in log noise (`4 threads`, a PID, an access log's `200`) are never codes.
 * - Literal messages of three words or more standing in the text find their entry.
 */
import type { ArtifactEntry } from '../artifact-types.ts';
import type { Lookup } from '../lookup.ts';
import { codeIndex, tokenKey } from './code-index.ts';
import { settle, type Explainer } from './context.ts';
import { SHORT_NUMBER, distinctive } from './certainty.ts';
import { holdsMessage, messagesInText, wordsOf } from './messages-in-text.ts';
import { codeShapes, shapeOf } from './recognise.ts';
import { quote } from './values.ts';

/** Words that label a code (`error_code: 222202`, `错误码222207`, `state -8`, `[18]`), before or after it. */
const LABEL_BEFORE = /(?:error[_ ]?code|err(?:or)?[_ ]?no|errcode|err_code|errorcode|code|status|state|错误码|错误代码|代码|返回码|状态码|返回|报错|报|错误|状态|\[)\W{0,3}$/i;
const LABEL_AFTER = /^\W{0,2}(?:错误|报错|\])/;
const STATE_LABEL = /(?:state|状态)\W{0,3}$/i;
/** Runs of code characters (linear to find, however long the text); codeTokens keeps the code-shaped ones. */
const RUN = /[A-Za-z0-9_.-]+/g;
const LETTER_CODE = /^[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)+$/;
const NUMBER = /^-?\d{1,9}$/;

/**
 * Code-shaped tokens of a text and where they stand: dotted or underscored codes with letters
 * (`ModelArts.4603`, `ERROR_NO_FACE_IN_FILE`), and numbers that stand alone (not part of a date, a
 * time, a version, a path, an address or a quantity such as `50%`).
 */
function* codeTokens(text: string): Generator<{ token: string; index: number }> {
  for (const m of text.matchAll(RUN)) {
    if (m[0].length > 64) continue;
    const token = m[0].replace(/[._-]+$/, '');
    if (LETTER_CODE.test(token)) yield { token, index: m.index };
    else if (NUMBER.test(token) && !/[:/@#%+]/.test(text[m.index - 1] ?? '') && !/[:/%@]/.test(text[m.index + m[0].length] ?? '')) yield { token, index: m.index };
  }
}

/** A field that carries a code, as a key (`"error_code":`, `'code':`, `state=`). */
const CODE_KEY = /["']?\b(?:error_code|error_code_str|errorCode|err_code|errno|code|state)\b["']?\s*(?:=>|[:=])/;

/**
 * Cheap: can this text hold a vendor response at all? A code of a vendor's (a short number only with
 * a label beside it), a vendor's message, or a field that carries a code. Triage reads only those
 * lines, so noise (`4 threads`, an access log, JSON log lines without a code) costs one scan.
 */
export function mayHoldResponse(l: Lookup, text: string): boolean {
  const keys = codeIndex(l);
  for (const { token, index } of codeTokens(text)) {
    if (!keys.has(tokenKey(token))) continue;
    if (!SHORT_NUMBER.test(token) || LABEL_BEFORE.test(text.slice(Math.max(0, index - 16), index)) || LABEL_AFTER.test(text.slice(index + token.length, index + token.length + 4)))
      return true;
  }
  return CODE_KEY.test(text) || messagesInText(l, text).length > 0;
}

export interface TextFind {
  entry: ArtifactEntry;
  /** Certain, or a candidate only. */
  certain: boolean;
  /** What found it: the code as written, or the message. */
  by: 'code' | 'message';
  text: string;
  at: number;
}

/** Everything a free text holds: certain entries and candidates, in the order they stand. */
export function findInText(x: Explainer, text: string): TextFind[] {
  const { l } = x;
  const t = text.slice(0, 64 * 1024);
  const hinted = (vendor: string) => x.hint === vendor || (x.textHints?.includes(vendor) ?? false);
  const found: TextFind[] = [];
  // An unknown code in the text (`error code "ModelArts.0212"`: G42's shape, not in its table): a message
  // there is what that code says, never another code's entry; its entries are candidates only.
  const unknownAt = new Set<string>();
  let tokensOfText: string[] | undefined;
  const textWords = () => (tokensOfText ??= wordsOf(t));
  for (const m of codeTokens(t)) {
    const token = m.token;
    const numeric = /^-?\d+$/.test(token);
    const before = t.slice(Math.max(0, m.index - 16), m.index);
    const after = t.slice(m.index + token.length, m.index + token.length + 4);
    const labelled = LABEL_BEFORE.test(before) || LABEL_AFTER.test(after);
    const known = codeIndex(l).get(tokenKey(token)) ?? [];
    const entries = numeric ? known.filter((e) => e.kind === (STATE_LABEL.test(before) ? 'task-state' : 'error')) : [...known];
    if (entries.length === 0) {
      // A number needs a label to be a code; a token with letters needs a digit (`ModelArts.0212`, not `error_msg`).
      if (numeric ? labelled && !SHORT_NUMBER.test(token) : /\d/.test(token))
        for (const v of l.vendorIds()) if (codeShapes(l, v).has(shapeOf(token))) unknownAt.add(v);
      continue;
    }
    const short = SHORT_NUMBER.test(token);
    if (numeric && !labelled && (short || !entries.some((e) => hinted(e.vendor) || holdsMessage(e, textWords())))) continue;
    for (const entry of entries) {
      const byMessage = holdsMessage(entry, textWords());
      const certain = short
        ? byMessage || hinted(entry.vendor)
        : distinctive(l, token) || byMessage || hinted(entry.vendor);
      found.push({ entry, certain, by: 'code', text: token, at: m.index });
    }
  }
  const words = messagesInText(l, t);
  for (const w of words) {
    // A message several entries share (`system busy`) names none of them for certain.
    const sharing = words.filter((o) => o.at === w.at && o.words === w.words).length;
    found.push({ entry: w.entry, certain: sharing === 1 && unknownAt.size === 0, by: 'message', text: w.entry.message!, at: w.char });
  }
  return found.sort((a, b) => a.at - b.at);
}

/**
 * The entries a free text names for certain, each once, in order; and the candidates. A certain
 * entry of a code and a message of the same entry are one find.
 */
export function entriesInText(x: Explainer, text: string): { certain: TextFind[]; candidates: ArtifactEntry[] } {
  const finds = findInText(x, text);
  const certain: TextFind[] = [];
  for (const f of finds) if (f.certain && !certain.some((c) => c.entry === f.entry)) certain.push(f);
  // A code with a message of another entry of the same vendor: the code decides.
  const byCode = certain.filter((f) => f.by === 'code');
  const kept = byCode.length > 0 ? certain.filter((f) => f.by === 'code' || !byCode.some((c) => c.entry.vendor === f.entry.vendor)) : certain;
  const candidates = [...new Set(finds.filter((f) => !kept.some((k) => k.entry === f.entry)).map((f) => f.entry))];
  return { certain: kept, candidates };
}

/** Explain a free text: its first certain entry (the others are returned), else its candidates. */
export function fromFreeText(x: Explainer, text: string): TextFind[] {
  const { a } = x;
  const { certain, candidates } = entriesInText(x, text);
  if (certain.length > 0) {
    const first = certain[0]!;
    if (first.by === 'code') {
      a.code = first.text;
      a.because('textCode', { code: quote(first.text), id: first.entry.id });
    } else {
      a.message = first.text;
      a.because('textMessage', { message: quote(first.text), id: first.entry.id });
    }
    settle(x, [first.entry], 'failure');
    return certain;
  }
  if (candidates.length > 0) {
    a.because('textCandidates', { ids: candidates.slice(0, 5).map((e) => e.id) });
    a.addCandidates(candidates);
  }
  return [];
}
