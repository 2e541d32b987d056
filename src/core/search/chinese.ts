/**
 * Chinese the bigrams miss. A character of a query that makes no word of the index with either
 * neighbour (太 and 胡 of 图片太胡, 糊 of 照片糊得看不清, 挡 of 脸被挡住了) is read two more ways:
 *
 * - as its homophones that do make a word of the index with a neighbour (图片太胡 → 太糊, 令排过期 →
 *   令牌, 余额不组 → 不足): the typo a pinyin keyboard makes, a character that sounds the same;
 * - by itself, when the index has it (the index holds the single characters of messages, meanings
 *   and keywords beside their bigrams): the word it belongs to is then found in any of its words.
 *
 * Homophones come from sounds.json (build.ts): the pinyin groups of the common characters
 * (homophones.ts) that hold a character of the index, each as [index characters, other characters].
 * It is fetched only for a query with such a character. Both readings score below the words typed
 * right (words.ts), so a correct query is never outranked by a corrected one.
 */
import { chineseRuns } from './tokenize.ts';

/** sounds.json: per pinyin reading, [the characters of the index, the other common characters]. */
export type SoundGroups = [string, string][];

/** A term to search besides the query's own, and how much a match of it counts (an exact word counts 1). */
export interface ChineseTerm {
  term: string;
  exactness: number;
}

/** How much a homophone's word counts: as a corrected Latin word (words.ts). */
export const HOMOPHONE_EXACTNESS = 0.7;
/** How much a single character counts: less than any word. */
export const CHARACTER_EXACTNESS = 0.5;
/** At most this many characters of a query are read again, and this many homophones of each tried. */
const MAX_CHARACTERS = 6;
const MAX_HOMOPHONES = 16;
/**
 * Characters that carry grammar, not a meaning (了 of 超时了, 得 of 糊得): never searched by themselves
 * (their homophones are still tried: 的 typed for 得 is a word's character).
 */
const PARTICLES = new Set([...'了吗呢吧啊呀么得地着过把被给让就都也还又才再很太挺好是在有没不这那个一些']);

/**
 * The extra terms of a query's Chinese: `known(token)` says whether the index has a token (its file is
 * fetched if need be), `sounds()` fetches the homophone groups.
 */
export async function chineseTerms(query: string, known: (token: string) => Promise<boolean>, sounds: () => Promise<SoundGroups>): Promise<ChineseTerm[]> {
  const uncovered: { run: string[]; at: number }[] = [];
  for (const piece of chineseRuns(query)) {
    const run = [...piece];
    if (run.length < 2) continue;
    const bigrams = await Promise.all(run.slice(1).map((c, i) => known(run[i]! + c)));
    for (let i = 0; i < run.length && uncovered.length < MAX_CHARACTERS; i++) {
      if (!(bigrams[i - 1] ?? false) && !(bigrams[i] ?? false)) uncovered.push({ run, at: i });
    }
  }
  if (uncovered.length === 0) return [];
  const out = new Map<string, number>();
  const add = (term: string, exactness: number) => out.set(term, Math.max(out.get(term) ?? 0, exactness));
  const groups = await sounds();
  await Promise.all(
    uncovered.map(async ({ run, at }) => {
      const char = run[at]!;
      const word = async (w: string) => (w && (await known(w)) ? w : undefined);
      const [alone, fits] = await Promise.all([
        known(char),
        Promise.all(homophonesOf(char, groups).map((h) => Promise.all([word(at > 0 ? run[at - 1]! + h : ''), word(at < run.length - 1 ? h + run[at + 1]! : '')]))),
      ]);
      if (alone && !PARTICLES.has(char)) add(char, CHARACTER_EXACTNESS);
      // A homophone that makes words with both neighbours (磨 of 人脸磨糊: 脸模 and 模糊) is the one meant;
      // the others (没 of 脸没) then are not tried.
      const both = fits.filter(([left, right]) => left && right);
      for (const pair of both.length > 0 ? both : fits) for (const w of pair) if (w) add(w, HOMOPHONE_EXACTNESS);
    }),
  );
  return [...out].map(([term, exactness]) => ({ term, exactness }));
}

/** The characters of the index that sound like `char` (any of its readings), itself left out. */
export function homophonesOf(char: string, groups: SoundGroups): string[] {
  const found = new Set<string>();
  for (const [index, other] of groups) {
    if (!index.includes(char) && !other.includes(char)) continue;
    for (const h of index) if (h !== char) found.add(h);
  }
  return [...found].slice(0, MAX_HOMOPHONES);
}
