import { codeProblem } from '../text-rules.ts';
import type { Rule } from './types.ts';

export const codeCharacters: Rule = {
  name: 'code-characters',
  description: 'A code is text that can be typed, shown and used in a file name (see codeProblem in text-rules.ts).',
  scope: 'entry',
  check({ entry, at }, report) {
    const wrong = codeProblem(entry.code);
    if (wrong) report(at('code'), `code ${wrong}`);
  },
};
