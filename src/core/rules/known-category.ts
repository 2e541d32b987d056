import type { Rule } from './types.ts';

export const knownCategory: Rule = {
  name: 'known-category',
  description: 'An entry names a category defined in data/categories.yaml.',
  scope: 'entry',
  check({ entry, at, categories, categoryById }, report) {
    // Without a valid categories file there is nothing to compare with (its own problems are reported).
    if (categories && !categoryById.has(entry.category)) report(at('category'), `unknown category "${entry.category}" (see data/categories.yaml)`);
  },
};
