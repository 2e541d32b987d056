import { MAX_TEMPLATE_PLACEHOLDERS } from '../templates.ts';
import type { Rule } from './types.ts';

const count = (message: string | null) => message?.match(/%[sd]/g)?.length ?? 0;
const problem = (what: string, n: number) =>
  `${what} has ${n} placeholders; at most ${MAX_TEMPLATE_PLACEHOLDERS} are allowed (each one makes matching a pasted message costlier)`;

export const maxPlaceholders: Rule = {
  name: 'max-placeholders',
  // Quoted word for word by the README's rule table; message variants are checked too.
  description: `A message has at most ${MAX_TEMPLATE_PLACEHOLDERS} placeholders: each one makes matching a pasted message costlier.`,
  scope: 'entry',
  check({ entry, at }, report) {
    if (count(entry.message) > MAX_TEMPLATE_PLACEHOLDERS) report(at('message'), problem('message', count(entry.message)));
    entry.message_variants.forEach((variant, i) => {
      if (count(variant.message) > MAX_TEMPLATE_PLACEHOLDERS) report(at('message_variants', i, 'message'), problem('message variant', count(variant.message)));
    });
  },
};
