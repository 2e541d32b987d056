import { numberMismatch } from '../content-rules.ts';
import type { PathSegment } from '../yaml-source.ts';
import type { Rule } from './types.ts';

export const sameNumbers: Rule = {
  name: 'same-numbers',
  description: "An entry's English and Chinese texts carry the same numbers (meaning, remedies, end-user message, reasons, causes, notes).",
  scope: 'entry',
  check({ entry, at }, report) {
    const bilingual: [PathSegment[], { en: string; zh: string } | undefined][] = [
      [at('meaning'), entry.meaning],
      [at('remedy'), entry.remedy],
      [at('vendor_remedy'), entry.vendor_remedy],
      [at('end_user_message'), entry.end_user_message],
      [at('retryable_exception'), entry.retryable_exception],
      [at('action_reason'), entry.action_reason],
      [at('retry', 'reason'), entry.retry?.reason],
      ...(entry.possible_causes ?? []).map((c, j): [PathSegment[], { en: string; zh: string }] => [at('possible_causes', j), c]),
      ...entry.notes.map((n, j): [PathSegment[], { en: string; zh: string }] => [at('notes', j), n]),
    ];
    for (const [path, value] of bilingual) {
      const why = value && numberMismatch(value.en, value.zh);
      if (why) report([...path, 'zh'], why);
    }
  },
};
