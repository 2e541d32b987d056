import { renderExampleBody } from '../example-body.ts';
import type { Rule } from './types.ts';

export const exampleBodyRenders: Rule = {
  name: 'example-body-renders',
  description: "The vendor's example body template for the entry's kind can be filled in for this entry.",
  scope: 'entry',
  check({ entry, at, vendor }, report) {
    const template = vendor.data.example_bodies?.[entry.kind];
    if (!template) return;
    const body = renderExampleBody(template, entry);
    if ('error' in body) report(at('code'), body.error);
  },
};
