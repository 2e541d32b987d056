import { numberMismatch } from '../content-rules.ts';
import type { Rule } from './types.ts';

export const categorySameNumbers: Rule = {
  name: 'category-same-numbers',
  description: "A category's English and Chinese texts carry the same numbers.",
  scope: 'categories',
  check({ categories }, report) {
    categories.data.categories.forEach((category, i) => {
      for (const field of ['name', 'description', 'advice', 'end_user_message'] as const) {
        const why = numberMismatch(category[field].en, category[field].zh);
        if (why) report(['categories', i, field, 'zh'], why);
      }
    });
  },
};
