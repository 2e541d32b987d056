import type { Rule } from './types.ts';

export const uniqueCategoryId: Rule = {
  name: 'unique-category-id',
  description: 'No two categories share an id.',
  scope: 'categories',
  check({ categories }, report) {
    const seen = new Set<string>();
    categories.data.categories.forEach((category, i) => {
      if (seen.has(category.id)) report(['categories', i, 'id'], `duplicate category id "${category.id}"`);
      seen.add(category.id);
    });
  },
};
