/** The answer under construction, and the public result made from it. */
import type { ArtifactEntry } from '../artifact-types.ts';
import type { Lookup } from '../lookup.ts';
import { ADVICE } from './advice.ts';
import { EXPLAIN_LIMITS, type Bilingual, type ExplainOutcome, type ExplainResult } from './types.ts';

export class Answer {
  outcome: ExplainOutcome = 'unknown';
  vendor?: string;
  entry?: ArtifactEntry;
  candidates: ArtifactEntry[] = [];
  advice?: Bilingual;
  reasons: string[] = [];
  reasonsZh: string[] = [];
  code?: string;
  message?: string;
  httpStatus?: number;

  because(en: string, zh: string): void {
    this.reasons.push(en);
    // Names are put in with spaces around them; Chinese keeps spaces only next to Latin text.
    this.reasonsZh.push(zh.replace(/(?<=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef])\s+(?=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef])/g, ''));
  }

  addCandidates(list: readonly ArtifactEntry[]): void {
    for (const e of list) if (e !== this.entry && !this.candidates.includes(e)) this.candidates.push(e);
  }

  result(l: Lookup): ExplainResult {
    const candidates = this.candidates.filter((e) => e !== this.entry);
    const max = EXPLAIN_LIMITS.maxCandidates;
    if (candidates.length > max)
      this.because(`${candidates.length} entries fit; the first ${max} are listed.`, `共有 ${candidates.length} 个条目符合，仅列出前 ${max} 个。`);
    const shown = candidates.slice(0, max);
    let retryable = this.entry?.retryable;
    let advice = this.advice ?? (this.entry ? { en: this.entry.remedy.en, zh: this.entry.remedy.zh } : undefined);
    if (!this.entry && shown.length > 0) {
      // Undecided, but the candidates may agree on what matters.
      if (shown.every((e) => e.retryable === shown[0]!.retryable)) retryable = shown[0]!.retryable;
      const category = shown.every((e) => e.category === shown[0]!.category) ? l.category(shown[0]!.category) : undefined;
      advice ??= category ? { en: category.advice.en, zh: category.advice.zh } : ADVICE.candidates;
    }
    advice ??= this.outcome === 'success' ? ADVICE.success : this.outcome === 'pending' ? ADVICE.pending : this.outcome === 'failure' ? ADVICE.failure : ADVICE.unknown;
    return {
      outcome: this.outcome,
      ...(this.vendor ? { vendor: this.vendor } : {}),
      ...(this.entry ? { entry: this.entry } : {}),
      candidates: shown,
      ...(retryable !== undefined ? { retryable } : {}),
      advice,
      reasons: this.reasons,
      reasonsZh: this.reasonsZh,
      ...(this.code !== undefined ? { code: this.code } : {}),
      ...(this.message !== undefined ? { message: this.message } : {}),
      ...(this.httpStatus !== undefined ? { httpStatus: this.httpStatus } : {}),
    };
  }
}
