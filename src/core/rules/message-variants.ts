import { normalizeMessage } from '../normalize.ts';
import type { Rule } from './types.ts';

export const messageVariants: Rule = {
  name: 'message-variants',
  description: "A message variant differs from the entry's message and from its other variants (compared as lookup compares messages).",
  scope: 'entry',
  check({ entry, at }, report) {
    const seen = new Map<string, string>();
    if (entry.message !== null) seen.set(normalizeMessage(entry.message), 'the entry\'s message');
    entry.message_variants.forEach((variant, i) => {
      const key = normalizeMessage(variant.message);
      const earlier = seen.get(key);
      if (earlier) report(at('message_variants', i, 'message'), `"${variant.message}" is the same as ${earlier} (compared as lookup compares messages): list a message once`);
      else seen.set(key, `message_variants[${i}]`);
    });
  },
};
