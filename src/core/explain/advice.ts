/**
 * What to do when no entry says it: explain's own advice (ours, not a vendor's), in both languages.
 * The texts are the keys `explain.advice.<name>` in src/core/explain/i18n/<lang>.json.
 */
import { translateExplain } from './strings.ts';
import type { Bilingual } from './types.ts';

/** Each case explain gives its own advice for (the key of its text is `explain.advice.<name>`). */
export const ADVICE_NAMES = ['success', 'pending', 'unknownCode', 'failure', 'candidates', 'unknown'] as const;
export type AdviceName = (typeof ADVICE_NAMES)[number];

/** Our advice for `name`, in English and Chinese. */
export function advice(name: AdviceName): Bilingual {
  const key = `explain.advice.${name}`;
  return { en: translateExplain('en', key), zh: translateExplain('zh', key) };
}
