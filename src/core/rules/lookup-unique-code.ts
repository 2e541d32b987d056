import { lookupKeys } from '../normalize.ts';
import { caseFoldedCode, codeProblem } from '../text-rules.ts';
import type { Rule } from './types.ts';

/**
 * A spelling of `compact` (dots between its characters) that is neither code's exact key, which a
 * lookup would answer from the compact keys; undefined when both spellings of a 2-character key are
 * codes (then every spelling has its own code).
 */
function ambiguousSpelling(compact: string, exact: readonly string[]): string | undefined {
  const chars = [...compact];
  if (chars.length < 3) return undefined;
  const spellings = [compact, `${chars[0]}.${chars.slice(1).join('')}`, `${chars.slice(0, -1).join('')}.${chars.at(-1)}`];
  return spellings.find((s) => !exact.includes(s));
}

export const lookupUniqueCode: Rule = {
  name: 'lookup-unique-code',
  description:
    'Within a vendor and kind, each code has lookup keys of its own (lookupKeys in normalize.ts: case, width, the separators . _ / and white space ignored; then without separators): not empty, and shared with no other code, so a lookup never returns one code for another.',
  scope: 'vendor',
  check({ vendor: { parsed, data } }, report) {
    const folded = new Set<string>();
    const exactOwner = new Map<string, number>();
    const compactOwner = new Map<string, number>();
    const where = (i: number) => {
      const pos = parsed.locate(['entries', i, 'code']);
      return `"${data.entries[i]!.code}" at ${parsed.file}:${pos.line}:${pos.column} (entries[${i}])`;
    };
    data.entries.forEach((entry, i) => {
      // One problem, one message: exact and case-only duplicates, codes with invisible characters
      // and the codes . and .. are unique-code's, case-unique-code's, code-characters' and url-safe-code's.
      const fold = `${entry.kind}\u0000${caseFoldedCode(entry.code)}`;
      if (folded.has(fold) || codeProblem(entry.code) || entry.code === '.' || entry.code === '..') return;
      folded.add(fold);
      const { exact, compact } = lookupKeys(entry.code);
      if (!exact) return report(['entries', i, 'code'], `code "${entry.code}" is only separators (. _ / or white space), which lookup and search ignore: nothing could find it`);
      const exactKey = `${entry.kind}\u0000${exact}`;
      const compactKey = `${entry.kind}\u0000${compact}`;
      const same = exactOwner.get(exactKey);
      if (same !== undefined)
        return report(['entries', i, 'code'], `code "${entry.code}" is the same code to lookup as ${where(same)}: both are "${exact}" once case, width and separators are ignored, so a lookup of one would return the other`);
      const near = compactOwner.get(compactKey);
      const spelling = near === undefined ? undefined : ambiguousSpelling(compact, [exact, lookupKeys(data.entries[near]!.code).exact]);
      if (near !== undefined && spelling !== undefined)
        return report(['entries', i, 'code'], `code "${entry.code}" is the same code to lookup as ${where(near)} without separators ("${compact}"), so a lookup of "${spelling}" could return either`);
      exactOwner.set(exactKey, i);
      if (near === undefined) compactOwner.set(compactKey, i);
    });
  },
};
