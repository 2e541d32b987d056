import { unknownPlaceholders } from '../example-body.ts';
import type { Rule } from './types.ts';

export const exampleBodyPlaceholders: Rule = {
  name: 'example-body-placeholders',
  description: 'An example body template uses only the placeholders {{code}}, {{code_number}}, {{message}} and {{http_status}}.',
  scope: 'vendor',
  check({ vendor: { data } }, report) {
    for (const kind of ['error', 'task-state', 'http-status', 'sdk-error'] as const) {
      const template = data.example_bodies?.[kind];
      for (const name of template ? unknownPlaceholders(template.body) : [])
        report(['example_bodies', kind, 'body'], `unknown placeholder {{${name}}}; use {{code}}, {{code_number}}, {{message}} or {{http_status}}`);
    }
  },
};
