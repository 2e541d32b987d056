import type { Rule } from './types.ts';

export const retryableException: Rule = {
  name: 'retryable-exception',
  description: "retryable agrees with the category's retryable_default, or retryable_exception says why not (and only then).",
  scope: 'entry',
  check({ entry, at, categoryById }, report) {
    const category = categoryById.get(entry.category);
    if (!category) return;
    const differs = entry.retryable !== category.retryable_default;
    if (differs && !entry.retryable_exception)
      report(at('retryable'), `retryable is ${entry.retryable} but category "${category.id}" says ${category.retryable_default}: give the reason in retryable_exception, or change one of them`);
    if (!differs && entry.retryable_exception)
      report(at('retryable_exception'), `retryable agrees with category "${category.id}" (${category.retryable_default}): this is not an exception; remove retryable_exception`, 'key');
  },
};
