/**
 * Scoring the words of a query (query.ts's last tier): each word in the field groups of the text files
 * it falls in, weighted by where it is found and how rare it is, scaled by how much of the query a
 * document covers, plus a bonus for query words that stand together in a document (phrases) and for
 * a query that is exactly one of its keywords. A word being typed also matches the words it begins;
 * a word the index lacks is read as the index's words within an edit or two (typos.ts), and a word in
 * the singular or plural finds the other.
 */
import type { Index } from './flexsearch.ts';
import { paths, type CodeRecord, type SearchManifest } from './format.ts';
import { innerWholeTokens, isCjk, PHRASE_JOIN, phraseTokens, queryTokens, tokenize, typedFiller, WHOLE_MARK, wholeToken } from './tokenize.ts';
import { corrections, cuts, editsFor, inVocab, type VocabFile } from './typos.ts';
import { chineseTerms, HOMOPHONE_EXACTNESS, type SoundGroups } from './chinese.ts';
import { FIELD_GROUPS, FIELD_WEIGHTS, PHRASE_GROUP } from './vocabulary.ts';

/** An index file as read: its field groups (each imported on first use), vocabulary, codes, messages and statuses. */
export interface TextShard {
  group(name: string): Index | undefined;
  vocabulary: string[];
  codes: CodeRecord[];
  messages: Record<string, number[]>;
  statuses: Record<string, number[]>;
}

/** How scoreWords reads the index's files (the client's cache). */
export interface ShardIO {
  textShard(n: number): Promise<TextShard>;
  maybe<T>(path: string, empty: T): Promise<T>;
}

/** The tiers of a candidate (query.ts); words are the last. */
type Reason = 'text';

/** How much a pair of query words found side by side adds, relative to one word's weight. */
const PHRASE_WEIGHT = 2;
/** What a query that is exactly one of a document's keywords adds, per unit of the query's weight. */
const WHOLE_WEIGHT = 3;
/** What a literal message standing inside the query adds, per unit of its words' weight: it says more than a keyword. */
const MESSAGE_WEIGHT = 6;

/** What scoreWords may be told besides the query: other texts whose whole counts as the query's (the query without the vendor it names). */
export interface WordOptions {
  wholes?: string[];
}

export async function scoreWords(query: string, manifest: SearchManifest, io: ShardIO, add: (id: number, r: Reason, s?: number) => void, options: WordOptions = {}): Promise<void> {
  const terms = queryTokens(query);
  // The last word may still be being typed: it also matches words it is the start of. A filler
  // word there (`is`, `image for`) is not a term, but what it begins is (`issue`, `format`).
  const endsInWord = /[\p{L}\p{N}]$/u.test(query);
  const filler = endsInWord ? typedFiller(query) : undefined;
  if (filler) terms.push(filler);
  if (terms.length === 0) return;
  const typing = endsInWord ? terms[terms.length - 1] : undefined;
  // term → (doc → strength of its best match: field weight, exact or completed, position)
  const found = new Map<string, Map<number, number>>();
  // Pairs of query words side by side; the whole query when it is exactly a keyword (or a title).
  // Their files are requested now, with the words' files, not after them.
  const phrases = [...new Set(phraseTokens(query, 500))].slice(0, 8);
  const whole = wholeToken(query);
  if (whole) phrases.push(whole);
  // `SenseTime rate limit` is the keyword `rate limit` at the vendor it names.
  for (const text of options.wholes ?? []) {
    const other = wholeToken(text);
    if (other && !phrases.includes(other)) phrases.push(other);
  }
  const phraseShards = phrases.map((phrase) => phraseShard(phrase, manifest, io));
  // The files of the query's words, which also hold the literal messages that begin with them.
  const termShards = new Set<TextShard>();
  // Words the index does not have, as read instead (typos.ts): `tiemout` → `timeout`, `ratelimit` → `rate limit`.
  const fixed = new Map<string, string>();
  await Promise.all(
    terms.map(async (term) => {
      // One Latin character completes to too much; wait for the second.
      if (!isCjk(term) && term.length < 2) return;
      const typingThis = term === typing;
      const shards = await Promise.all(rangeFiles(manifest.text_starts, term, typingThis ? 3 : 1).map((f) => io.textShard(f)));
      for (const shard of shards) termShards.add(shard);
      const best = new Map<number, number>();
      let known = false;
      for (const shard of shards) {
        const words = typingThis ? completions(shard.vocabulary, term) : [term];
        if (words.length > 0 && (typingThis || inVocab(shard.vocabulary, term))) known = true;
        // An exact word scores above a completion of it.
        for (const word of words) scoreWord(shard, word, word === term ? 1 : 0.6, best);
        // The same word in the singular or plural (`faces` finds `face`), when the file has it.
        if (!typingThis && !isCjk(term)) for (const other of numberForms(term)) if (inVocab(shard.vocabulary, other)) scoreWord(shard, other, 0.8, best);
      }
      if (!known && !isCjk(term)) {
        const fix = await fixOf(term, manifest, io);
        if (fix?.length === 1) {
          // Words within an edit or two: below an exact word, above nothing.
          fixed.set(term, fix[0]![0]!);
          await Promise.all(fix[0]!.map(async (word) => {
            for (const shard of await Promise.all(rangeFiles(manifest.text_starts, word, 1).map((f) => io.textShard(f)))) scoreWord(shard, word, 0.7, best);
          }));
        } else if (fix?.length === 2) {
          // Two words run together: each is a term of its own.
          fixed.set(term, fix.map((w) => w[0]).join(' '));
          await Promise.all(fix.map(async ([word]) => {
            const parts = new Map<number, number>();
            for (const shard of await Promise.all(rangeFiles(manifest.text_starts, word!, 1).map((f) => io.textShard(f)))) scoreWord(shard, word!, 0.85, parts);
            if (parts.size > 0 && !found.has(word!)) found.set(word!, parts);
          }));
        }
      }
      if (best.size > 0) found.set(term, best);
    }),
  );
  // Chinese the bigrams miss (chinese.ts): a homophone's word (图片太胡 → 太糊), a character by itself.
  const zhFixes: string[] = [];
  if (terms.some(isCjk)) {
    const known = async (token: string) => inVocab((await io.textShard(rangeFiles(manifest.text_starts, token, 1)[0]!)).vocabulary, token);
    const sounds = () => (manifest.sounds ? io.maybe<SoundGroups>(paths.sounds, []) : Promise.resolve([]));
    await Promise.all(
      (await chineseTerms(query, known, sounds)).map(async ({ term, exactness }) => {
        if (found.has(term)) return;
        if (exactness === HOMOPHONE_EXACTNESS) zhFixes.push(term);
        const best = new Map<number, number>();
        for (const f of rangeFiles(manifest.text_starts, term, 1)) scoreWord(await io.textShard(f), term, exactness, best);
        if (best.size > 0) found.set(term, best);
      }),
    );
  }
  if (found.size === 0) return;
  // Phrases of the query as read with its corrections (`qouta exceeded` → `quota~exceeded`).
  if (fixed.size > 0) {
    const corrected = queryTokens(query).map((t) => fixed.get(t) ?? t).join(' ');
    for (const phrase of [...phraseTokens(corrected, 500), wholeToken(corrected)]) {
      if (phrase && !phrases.includes(phrase)) {
        phrases.push(phrase);
        phraseShards.push(phraseShard(phrase, manifest, io));
      }
    }
  }
  // Keywords standing inside the query (`上传的不是图片` holds 不是图片; 图片太胡 read as 太糊 holds 太糊).
  const inner = new Set([...innerWholeTokens(query), ...(fixed.size > 0 ? innerWholeTokens(queryTokens(query).map((t) => fixed.get(t) ?? t).join(' ')) : []), ...zhFixes.map(wholeToken)]);
  for (const token of inner) {
    if (token && !phrases.includes(token)) {
      phrases.push(token);
      phraseShards.push(phraseShard(token, manifest, io));
    }
  }
  // Rare words count more (inverse document frequency over the whole index).
  const idf = new Map([...found].map(([term, docs]) => [term, Math.log(1 + manifest.docs / docs.size)]));
  const queryWeight = [...idf.values()].reduce((a, b) => a + b, 0);
  const wholes = new Set([whole, ...(options.wholes ?? []).map(wholeToken)]);
  // A keyword inside the query weighs what its words found weigh.
  const spanWeight = (token: string) => [...new Set(tokenize(token.split(PHRASE_JOIN).join(' '), 500))].reduce((sum, t) => sum + (idf.get(t) ?? 0), 0);

  const together = new Map<number, number>();
  await Promise.all(
    phrases.map(async (phrase, i) => {
      const [shard] = await phraseShards[i]!;
      const [first, second] = phrase.split(PHRASE_JOIN) as [string, string];
      const weightOf = (w: string) => idf.get(w) ?? idf.get([...fixed].find(([, to]) => to.split(' ').includes(w))?.[0] ?? '') ?? 0;
      const bonus = wholes.has(phrase)
        ? WHOLE_WEIGHT * queryWeight
        : inner.has(phrase)
          ? PHRASE_WEIGHT * spanWeight(phrase)
          : phrase.endsWith(WHOLE_MARK)
            ? WHOLE_WEIGHT * queryWeight
            : (PHRASE_WEIGHT * (weightOf(first) + weightOf(second))) / 2;
      if (bonus === 0) return;
      for (const id of (shard?.group(PHRASE_GROUP)?.search(phrase, { limit: 2000 }) ?? []) as number[])
        together.set(id, (together.get(id) ?? 0) + bonus);
    }),
  );

  const scores = new Map<number, { sum: number; covered: number }>();
  for (const [term, docs] of found) {
    const weight = idf.get(term)!;
    for (const [id, strength] of docs) {
      const s = scores.get(id) ?? { sum: 0, covered: 0 };
      s.sum += weight * strength;
      s.covered += weight;
      scores.set(id, s);
    }
  }
  // A literal message standing inside the query (`our calls fail with Invalid token since this
  // morning`, `如影接口一直返回 Token is invalid`) adds its words' weight, MESSAGE_WEIGHT times.
  for (const [id, weight] of messagesInside(query, termShards, idf)) together.set(id, (together.get(id) ?? 0) + MESSAGE_WEIGHT * weight);
  // Documents that cover more of the query (by weight) first, then by where and how the words
  // are found; a pair of query words standing together adds its weight again.
  for (const [id, { sum, covered }] of scores) {
    const coverage = covered / queryWeight;
    add(id, 'text', coverage * coverage * sum + (together.get(id) ?? 0));
  }
}

/** The first word of a text (letters and digits), as `spaced` separates it. */
const FIRST_WORD = /[\p{L}\p{N}]+/u;

/** Letters and digits only, words one space apart, between spaces: `Token is invalid.` → ` token is invalid `. */
const spaced = (text: string) => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/**
 * The documents whose literal message (of two words or more) stands in the query, with the weight of
 * its words found in the query. The messages that begin with a query word are in that word's file.
 */
function messagesInside(query: string, shards: Set<TextShard>, idf: Map<string, number>): Map<number, number> {
  const out = new Map<number, number>();
  const text = spaced(query);
  for (const shard of shards) {
    for (const [message, docs] of Object.entries(shard.messages)) {
      // A file holds thousands of messages at 50,000 entries and few stand in a query: the cheap tests
      // first (a message whose first word the query lacks is not in it), the tokens last.
      const head = FIRST_WORD.exec(message)?.[0];
      if (head === undefined) continue;
      const cjk = isCjk(message);
      if (!cjk && !text.includes(` ${head.toLowerCase()} `)) continue;
      const m = spaced(message);
      // Chinese has no spaces between words: a message stands anywhere in a run.
      if (!(cjk ? text.includes(m.trim()) : text.includes(m))) continue;
      const words = tokenize(message, 2000);
      if (words.length < 2) continue;
      const weight = [...new Set(words)].reduce((sum, w) => sum + (idf.get(w) ?? 0), 0);
      for (const doc of docs) out.set(doc, Math.max(out.get(doc) ?? 0, weight));
    }
  }
  return out;
}

/** The text file a phrase (or whole-query) token falls in; failures surface where it is awaited. */
function phraseShard(phrase: string, manifest: SearchManifest, io: ShardIO): Promise<TextShard[]> {
  const p = Promise.all(rangeFiles(manifest.text_starts, phrase, 1).map((f) => io.textShard(f)));
  p.catch(() => undefined);
  return p;
}

/**
 * What a word the index does not have was meant to be: the index's words within its allowed edits
 * (one list: [[w1, w2, …]]), or two of its words run together ([[a], [b]]); undefined if neither.
 */
async function fixOf(term: string, manifest: SearchManifest, io: ShardIO): Promise<string[][] | undefined> {
  if (editsFor(term) === 0 || /\d/.test(term) || !manifest.vocab) return undefined;
  const vocabOf = (c: string) => (manifest.vocab!.includes(c) ? io.maybe<VocabFile>(paths.vocab(c), []) : Promise.resolve([] as VocabFile));
  const first = await vocabOf(term[0]!);
  const near = corrections(first, term);
  if (near.length > 0) return [near];
  for (const [head, tail] of cuts(term, (w) => inVocab(first, w))) {
    if (tail.length >= 3 && inVocab(await vocabOf(tail[0]!), tail)) return [[head], [tail]];
  }
  return undefined;
}

/** The other grammatical number of an English word: `faces` → `face`, `face` → `faces`, `matches` → `match`. */
function numberForms(word: string): string[] {
  if (word.length < 3 || /\d/.test(word)) return [];
  if (word.endsWith('ss')) return [`${word}es`];
  if (word.endsWith('es')) return [word.slice(0, -1), word.slice(0, -2)];
  if (word.endsWith('s')) return [word.slice(0, -1)];
  return [`${word}s`];
}

/** Adds the documents of one word of a text file to `best`: field weight × `exactness`, position as a tie-breaker. */
function scoreWord(shard: TextShard, word: string, exactness: number, best: Map<number, number>): void {
  for (const group of FIELD_GROUPS) {
    const ids = (shard.group(group)?.search(word, { limit: 2000 }) ?? []) as number[];
    // Within a field, FlexSearch lists earlier positions first: a small tie-breaker.
    const weight = FIELD_WEIGHTS[group] * exactness;
    ids.forEach((id, rank) => {
      const strength = weight * (0.9 + 0.1 * (1 - rank / (ids.length + 1)));
      if (strength > (best.get(id) ?? 0)) best.set(id, strength);
    });
  }
}

/** Up to `max` words of a sorted vocabulary that start with `prefix` (the prefix itself first). */
export function completions(vocabulary: readonly string[], prefix: string, max = 24): string[] {
  let lo = 0;
  let hi = vocabulary.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (vocabulary[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < vocabulary.length && out.length < max && vocabulary[i]!.startsWith(prefix); i++) out.push(vocabulary[i]!);
  return out;
}

/**
 * The files of a range-partitioned index that hold `key` and, up to `maxFiles` in all, the keys that
 * start with it (they follow it in sorted order), so a short prefix stays bounded.
 */
export function rangeFiles(starts: readonly string[], key: string, maxFiles = 3): number[] {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= key) lo = mid + 1;
    else hi = mid;
  }
  const first = Math.max(0, lo - 1);
  const files = [first];
  for (let f = first + 1; f < starts.length && files.length < maxFiles && starts[f]!.startsWith(key); f++) files.push(f);
  return files;
}
