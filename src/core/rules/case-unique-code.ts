import { caseFoldedCode } from '../text-rules.ts';
import type { Rule } from './types.ts';

export const caseUniqueCode: Rule = {
  name: 'case-unique-code',
  description: 'Within a vendor, no two codes of one kind differ only in case (their files would collide on macOS and Windows).',
  scope: 'vendor',
  check({ vendor: { parsed, data } }, report) {
    const seen = new Set<string>();
    const folded = new Map<string, number>();
    data.entries.forEach((entry, i) => {
      const key = `${entry.kind}\u0000${entry.code}`;
      if (seen.has(key)) return; // an exact duplicate: unique-code says so
      seen.add(key);
      const foldedKey = `${entry.kind}\u0000${caseFoldedCode(entry.code)}`;
      const other = folded.get(foldedKey);
      if (other === undefined) return void folded.set(foldedKey, i);
      const pos = parsed.locate(['entries', other, 'code']);
      report(
        ['entries', i, 'code'],
        `code "${entry.code}" differs only in case from "${data.entries[other]!.code}" at ${parsed.file}:${pos.line}:${pos.column} (entries[${other}]); their files would collide on case-insensitive file systems`,
      );
    });
  },
};
