import { PAGE_FOLDER_FILES, RESERVED_CODE_SEGMENTS } from '../model.ts';
import { caseFoldedCode } from '../text-rules.ts';
import type { Rule } from './types.ts';

export const urlSafeCode: Rule = {
  name: 'url-safe-code',
  description:
    'A code can be a URL segment and a page folder: not "." or "..", not a file name every page folder holds (index.html, in any case), and an error code is not a segment the site reserves.',
  scope: 'entry',
  check({ entry, at }, report) {
    if (entry.code === '.' || entry.code === '..') report(at('code'), `"${entry.code}" is not usable as a URL segment (it would resolve to another page)`);
    // A page is <folder>/index.html: a code index.html would be a folder where its vendor's page is a file (EISDIR).
    const file = PAGE_FOLDER_FILES.find((name) => caseFoldedCode(entry.code) === name);
    if (file) report(at('code'), `"${entry.code}" is the file name of every page (${file}), so its page folder would collide with its vendor's page; it cannot be a code`);
    if (entry.kind === 'error' && RESERVED_CODE_SEGMENTS.has(entry.code)) report(at('code'), `"${entry.code}" is reserved in URLs and cannot be an error code`);
  },
};
