import type { Rule } from './types.ts';

export const messageTrimmed: Rule = {
  name: 'message-trimmed',
  description: "The vendor's literal message has no leading or trailing white space.",
  scope: 'entry',
  check({ entry, at }, report) {
    if (entry.message !== null && entry.message !== entry.message.trim()) report(at('message'), 'message has leading or trailing white space; keep the literal text exactly');
  },
};
