/**
 * Entries' literal messages found inside a longer text (a log line, a traceback, a sentence):
 * `[WARNING]:获取验证码失败，原因:Open api qps request limit reached` holds Baidu's message of code 18.
 * Messages are compared as runs of lower-case words, so punctuation and case around them do not
 * matter; templates (`%s`) are not looked for here. Built once per lookup; linear in the text.
 *
 * Designed for more literal messages per entry (recorded variants of a message, issue 23): each is
 * one more run of words for the same entry.
 */
import type { ArtifactEntry } from '../artifact-types.ts';
import type { Lookup } from '../lookup.ts';

/** Lower-case words of Latin letters and digits (`open`, `api`, `qps`, `param`, `face_token`). */
const WORD = /[a-z0-9]+(?:_[a-z0-9]+)*/g;

export function wordsOf(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(WORD) ?? [];
}

/** The words of a text and where each starts (positions in the text as given; case folding keeps ASCII positions). */
function wordsAt(text: string): { words: string[]; at: number[] } {
  const words: string[] = [];
  const at: number[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    words.push(m[0]);
    at.push(m.index);
  }
  return { words, at };
}

interface Phrase {
  entry: ArtifactEntry;
  words: string[];
}

/** Every non-template literal message as words, keyed by its first word. */
const cache = new WeakMap<Lookup, Map<string, Phrase[]>>();

function phrases(l: Lookup): Map<string, Phrase[]> {
  let byFirst = cache.get(l);
  if (byFirst) return byFirst;
  byFirst = new Map();
  for (const entry of l.index.entries) {
    if (!entry.message || entry.message_is_template || entry.kind === 'http-status') continue;
    for (const message of [entry.message]) {
      const words = wordsOf(message);
      if (words.length === 0 || words.length > 40) continue;
      const list = byFirst.get(words[0]!) ?? [];
      list.push({ entry, words });
      byFirst.set(words[0]!, list);
    }
  }
  cache.set(l, byFirst);
  return byFirst;
}

/** A message found in the text: its entry, how many words it has, and where (word and character position). */
export interface MessageInText {
  entry: ArtifactEntry;
  words: number;
  at: number;
  char: number;
}

/**
 * The entries whose message stands in `text` as a run of whole words, longest match at each place
 * first; `minWords` leaves out short messages (`system busy`, `Error`) that any text may hold.
 */
export function messagesInText(l: Lookup, text: string, minWords = 3): MessageInText[] {
  const byFirst = phrases(l);
  const { words, at: chars } = wordsAt(text.slice(0, 64 * 1024));
  const found: MessageInText[] = [];
  for (let i = 0; i < words.length; i++) {
    const list = byFirst.get(words[i]!);
    if (!list) continue;
    for (const p of list) {
      if (p.words.length < minWords || i + p.words.length > words.length) continue;
      let same = true;
      for (let k = 1; k < p.words.length && same; k++) same = words[i + k] === p.words[k];
      if (same) found.push({ entry: p.entry, words: p.words.length, at: i, char: chars[i]! });
    }
  }
  return found;
}

/** Does `text` hold the entry's literal message as whole words (a message of at least `minWords` words)? */
export function holdsMessage(entry: ArtifactEntry, text: string | readonly string[], minWords = 2): boolean {
  if (!entry.message || entry.message_is_template) return false;
  const want = wordsOf(entry.message);
  if (want.length < Math.max(1, minWords)) return false;
  const words = typeof text === 'string' ? wordsOf(text.slice(0, 64 * 1024)) : text;
  for (let i = 0; i + want.length <= words.length; i++) {
    let same = true;
    for (let k = 0; k < want.length && same; k++) same = words[i + k] === want[k];
    if (same) return true;
  }
  return false;
}
