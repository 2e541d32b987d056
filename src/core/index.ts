/**
 * The library: lookup, explain and search over the JSON artifact (dist/api/v1/index.json, or the
 * `vision-error-codes/index.json` export), or over one vendor's file (`<vendor>.json`, the
 * `vision-error-codes/vendors/<id>.json` export). Pure TypeScript without Node or DOM APIs: runs in
 * the browser, in Node and in the CLI. The package ships it compiled (npm run build:lib → lib/core).
 *
 *   import { createLookup, explain } from 'vision-error-codes';
 *   const kb = createLookup(index);            // index = parsed index.json
 *   kb.find('222202');                         // [baidu-face/222202]
 *   explain('{"error_code": 110, "error_msg": "Access token invalid or no longer valid"}', {}, index); // { outcome: 'failure', vendor: 'baidu-face', entry, … }
 *   nextStep(explain(text, { httpStatus, headers }, kb), { attempt: 1 }); // { action: 'refresh-credentials', delayMs, attemptsLeft, userMessage, requestId, … }
 *   triage(logText, index);                    // { lines, found, unrecognised, entries: [{ id, count, … }] }
 *   await searchEntries(index, 'token过期');    // [baidu-face/111, …]: the site's search engine
 */
export { createLookup, lookupFor, lookup, find, InvalidIndexError } from './lookup.ts';
export type { ArtifactCategory, ArtifactEntry, ArtifactIndex, ArtifactVendor, ArtifactVendorFile, EntryKind, KbIndex, Lang, Lookup, TaskOutcome } from './lookup.ts';
export type { ArtifactCategoriesFile, ArtifactEntryFile, VendorText } from './artifact-types.ts';
export type { Action, AnyCode, CategoryId, CodeArg, CodeOf, EntryId, FindArg, VendorArg, VendorCodes, VendorId } from './typed.ts';
export { explain, EXPLAIN_LIMITS, renderReason } from './explain.ts';
export type { Bilingual, ExplainOptions, ExplainOutcome, ExplainReason, ExplainResult, ReasonParams } from './explain.ts';
export { nextStep, backoffMs, retryAfterMs, TRANSIENT_STATUSES, FALLBACK_RETRY, FALLBACK_POLL, EXHAUSTED } from './next-step.ts';
export type { DecisionEntry, NextStep, NextStepInput, NextStepOptions, RetryPolicy } from './next-step.ts';
export type { HeadersInput } from './headers.ts';
export { VisionApiError, isVisionApiError } from './vision-api-error.ts';
export { decide, decisionTable, DECISION_TABLE_FORMAT } from './decision-table.ts';
export type { DecideOptions, Decision, DecisionRow, DecisionTable } from './decision-table.ts';
export type { VisionApiErrorOptions } from './vision-api-error.ts';
export { Triage, triage, TRIAGE_LIMITS } from './triage.ts';
export type { TriageEntry, TriageOptions, TriageReport } from './triage.ts';
export { searchEntries, searchEntryHits } from './search/entries.ts';
export type { EntrySearchHit, SearchEntriesOptions } from './search/entries.ts';
export type { SearchReason } from './search/query.ts';
export { normalizeCode, normalizeMessage } from './normalize.ts';
export { matchesTemplate } from './templates.ts';
