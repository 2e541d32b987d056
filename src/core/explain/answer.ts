/** The answer under construction, and the public result made from it. */
import type { ArtifactEntry } from '../artifact-types.ts';
import type { Lookup } from '../lookup.ts';
import { advice as ourAdvice } from './advice.ts';
import { renderReason, type ExplainReason, type ReasonParams } from './reasons.ts';
import { EXPLAIN_LIMITS, type Bilingual, type ExplainOutcome, type ExplainResult } from './types.ts';

export class Answer {
  outcome: ExplainOutcome = 'unknown';
  vendor?: string;
  entry?: ArtifactEntry;
  candidates: ArtifactEntry[] = [];
  advice?: Bilingual;
  reasons: ExplainReason[] = [];
  code?: string;
  message?: string;
  httpStatus?: number;

  /** A step of the reasoning: `name` is the key under explain.reason. in the translation files. */
  because(name: string, params: ReasonParams = {}): void {
    this.reasons.push({ key: `explain.reason.${name}`, params });
  }

  addCandidates(list: readonly ArtifactEntry[]): void {
    for (const e of list) if (e !== this.entry && !this.candidates.includes(e)) this.candidates.push(e);
  }

  result(l: Lookup): ExplainResult {
    const candidates = this.candidates.filter((e) => e !== this.entry);
    const max = EXPLAIN_LIMITS.maxCandidates;
    if (candidates.length > max)
      this.because('tooManyCandidates', { count: candidates.length, max });
    const shown = candidates.slice(0, max);
    let retryable = this.entry?.retryable;
    let advice = this.advice ?? (this.entry ? { en: this.entry.remedy.en, zh: this.entry.remedy.zh } : undefined);
    if (!this.entry && shown.length > 0) {
      // Undecided, but the candidates may agree on what matters.
      if (shown.every((e) => e.retryable === shown[0]!.retryable)) retryable = shown[0]!.retryable;
      const category = shown.every((e) => e.category === shown[0]!.category) ? l.category(shown[0]!.category) : undefined;
      advice ??= category ? { en: category.advice.en, zh: category.advice.zh } : ourAdvice('candidates');
    }
    // Each outcome has advice of its own under the same name.
    advice ??= ourAdvice(this.outcome);
    return {
      outcome: this.outcome,
      ...(this.vendor ? { vendor: this.vendor } : {}),
      ...(this.entry ? { entry: this.entry } : {}),
      candidates: shown,
      ...(retryable !== undefined ? { retryable } : {}),
      advice,
      ...renderedReasons(this.reasons, l),
      ...(this.code !== undefined ? { code: this.code } : {}),
      ...(this.message !== undefined ? { message: this.message } : {}),
      ...(this.httpStatus !== undefined ? { httpStatus: this.httpStatus } : {}),
    };
  }
}

/** The reasons as keys, and rendered in English and Chinese (the result's reasons and reasonsZh). */
export function renderedReasons(reasons: ExplainReason[], l: Lookup): Pick<ExplainResult, 'reasons' | 'reasonsZh' | 'reasonKeys'> {
  return {
    reasons: reasons.map((r) => renderReason('en', r, l)),
    reasonsZh: reasons.map((r) => renderReason('zh', r, l)),
    reasonKeys: reasons,
  };
}
