import type { Rule } from './types.ts';

export const httpStatusCode: Rule = {
  name: 'http-status-code',
  description: 'An http-status entry has http_status equal to its code.',
  scope: 'entry',
  check({ entry, at }, report) {
    if (entry.kind === 'http-status' && String(entry.http_status) !== entry.code)
      report(at('http_status'), `an http-status entry must have http_status equal to its code (${entry.code}), got ${entry.http_status}`);
  },
};
