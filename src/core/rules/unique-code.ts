import type { Rule } from './types.ts';

export const uniqueCode: Rule = {
  name: 'unique-code',
  description: 'Within a vendor, no two entries of the same kind share a code.',
  scope: 'vendor',
  check({ vendor: { parsed, data } }, report) {
    const seen = new Map<string, number>();
    data.entries.forEach((entry, i) => {
      const key = `${entry.kind}\u0000${entry.code}`;
      const first = seen.get(key);
      if (first === undefined) return void seen.set(key, i);
      const pos = parsed.locate(['entries', first, 'code']);
      report(['entries', i, 'code'], `duplicate code "${entry.code}" (kind ${entry.kind}): already defined at ${parsed.file}:${pos.line}:${pos.column} (entries[${first}])`);
    });
  },
};
