import { RESERVED_CODE_SEGMENTS } from '../model.ts';
import type { Rule } from './types.ts';

export const urlSafeCode: Rule = {
  name: 'url-safe-code',
  description: 'A code can be a URL segment: not "." or "..", and an error code is not a segment the site reserves.',
  scope: 'entry',
  check({ entry, at }, report) {
    if (entry.code === '.' || entry.code === '..') report(at('code'), `"${entry.code}" is not usable as a URL segment (it would resolve to another page)`);
    if (entry.kind === 'error' && RESERVED_CODE_SEGMENTS.has(entry.code)) report(at('code'), `"${entry.code}" is reserved in URLs and cannot be an error code`);
  },
};
