/** explain(): the modules are in src/core/explain/ (see its index.ts); this path stays for importers. */
export { explain, EXPLAIN_LIMITS, renderReason } from './explain/index.ts';
export type { Bilingual, ExplainOptions, ExplainOutcome, ExplainReason, ExplainResult, ReasonParams } from './explain/index.ts';
