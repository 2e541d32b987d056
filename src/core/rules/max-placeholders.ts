import { MAX_TEMPLATE_PLACEHOLDERS } from '../templates.ts';
import type { Rule } from './types.ts';

export const maxPlaceholders: Rule = {
  name: 'max-placeholders',
  description: `A message has at most ${MAX_TEMPLATE_PLACEHOLDERS} placeholders: each one makes matching a pasted message costlier.`,
  scope: 'entry',
  check({ entry, at }, report) {
    const placeholders = entry.message?.match(/%[sd]/g)?.length ?? 0;
    if (placeholders > MAX_TEMPLATE_PLACEHOLDERS)
      report(at('message'), `message has ${placeholders} placeholders; at most ${MAX_TEMPLATE_PLACEHOLDERS} are allowed (each one makes matching a pasted message costlier)`);
  },
};
