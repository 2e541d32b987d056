import { httpStatus } from '../schema.ts';
import type { Rule } from './types.ts';

/** What a history value of each field must look like, and what it is compared with. */
const FIELD_VALUE = {
  http_status: { ok: (v: unknown) => v === null || httpStatus.safeParse(v).success, what: 'an HTTP status (100 to 599) or null' },
  message: { ok: (v: unknown) => v === null || (typeof v === 'string' && v.length > 0), what: 'a literal message (a non-empty string) or null' },
  meaning: { ok: (v: unknown) => typeof v === 'object' && v !== null, what: 'a meaning ({ en, zh })' },
} as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export const historyValues: Rule = {
  name: 'history-values',
  description:
    "Each history item's value fits its field and differs from the value that followed it; items are oldest first, and each was recorded on or after the day it changed.",
  scope: 'entry',
  check({ entry, at }, report) {
    entry.history.forEach((item, i) => {
      const rule = FIELD_VALUE[item.field];
      if (!rule.ok(item.value)) {
        report(at('history', i, 'value'), `a history value of ${item.field} must be ${rule.what}`);
        return;
      }
      const next = entry.history.slice(i + 1).find((h) => h.field === item.field);
      const current = item.field === 'meaning' ? { en: entry.meaning.en, zh: entry.meaning.zh } : entry[item.field];
      const following = next ? next.value : current;
      if (same(item.value, following))
        report(at('history', i, 'value'), `${item.field} was ${JSON.stringify(item.value)} until ${item.until}, the same as ${next ? `the next history item's value` : 'the current value'}: a history item records a change`);
      if (next && next.until < item.until) report(at('history', i + 1, 'until'), `history items are oldest first: ${next.until} comes before ${item.until}`);
      if (item.recorded < item.until) report(at('history', i, 'recorded'), `recorded ${item.recorded} is before the change it records (until ${item.until})`);
    });
  },
};
