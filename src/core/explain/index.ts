/**
 * Explain a response body: which vendor sent it, which entry it is, whether the call succeeded,
 * is still pending or failed, and what to do. Pure (no Node or DOM APIs): the site's "Explain a
 * response" page and the CLI run the same code.
 *
 *   run.ts          what was pasted → the response bodies in it (find-bodies.ts: JSON, reprs, fragments,
 *                   bodies nested in objects or strings), the text around them (free-text.ts), the
 *                   vendors it names (hints.ts); read-body.ts: text → JSON (lenient), a status line
 *   recognise.ts    which vendor's envelope (rules from the data: vendor-rules.ts)
 *   for-vendor.ts   a known vendor's body → entry; forwarded.ts: upstream messages inside it;
 *                   status-era.ts: the response's HTTP status beside the entry's, now and in its history
 *   generic.ts      no vendor recognised; text.ts: not a JSON object; status.ts: only a status
 *   request.ts      the request id and Retry-After (envelope fields, headers given)
 *   answer.ts       the answer under construction → ExplainResult (advice.ts: our own advice)
 *   reasons.ts      each step of the reasoning as a translation key with parameters, rendered per language
 *   strings.ts      explain's own strings (i18n/<lang>.json: its reasons and advice)
 *
 * explain() never throws on a body (only InvalidIndexError, for an index that is not one). Input is
 * only read, never assigned into (own properties only, via Object.hasOwn); nested bodies are searched
 * to a bounded depth and count; the work is capped: bodies above EXPLAIN_LIMITS.maxBodyChars are not
 * parsed, lenient parsing stops at maxLenientChars, and messages above 2000 characters are not compared.
 */
import { lookupFor, type KbIndex, type Lookup } from '../lookup.ts';
import { advice } from './advice.ts';
import { Answer, renderedReasons } from './answer.ts';
import { explainAll, bodyOf } from './run.ts';
import { requestFacts } from './request.ts';
import type { ExplainOptions, ExplainResult } from './types.ts';
import { isRecord, type Rec } from './values.ts';

export { EXPLAIN_LIMITS } from './types.ts';
export type { Bilingual, ExplainOptions, ExplainOutcome, ExplainResult } from './types.ts';
export { renderReason } from './reasons.ts';
export type { ExplainReason, ReasonParams } from './reasons.ts';

/**
 * Explain a response body (text as received, or already parsed) with the HTTP status and vendor
 * when known. `index` is the parsed dist/api/v1/index.json (or a lookup made from it).
 */
export function explain(body: string | unknown, options: ExplainOptions = {}, index: KbIndex | Lookup): ExplainResult {
  // A malformed index is the caller's mistake, not the body's: InvalidIndexError, like lookup and find.
  const l = lookupFor(index);
  const a = new Answer();
  try {
    const o: Rec = isRecord(options) ? options : {};
    const { primary, others } = explainAll(l, body, o);
    // The request id and Retry-After, from the vendor's envelope, the body and the headers given.
    const finish = (answer: typeof primary): ExplainResult => {
      const result = answer.result(l);
      const vendor = result.vendor ? l.vendor(result.vendor) : undefined;
      return { ...result, ...requestFacts(vendor?.envelope, bodyOf.get(answer), o.headers as ExplainOptions['headers']) };
    };
    const result = finish(primary);
    return others.length > 0 ? { ...result, others: others.map(finish) } : result;
  } catch (error) {
    // Not expected; a hostile object (getters, proxies) could still get here. Never throw.
    const detail = error instanceof Error ? error.message : String(error);
    a.because('internalError', { detail: detail.slice(0, 200) });
    return { outcome: 'unknown', candidates: [], advice: advice('unknown'), ...renderedReasons(a.reasons, l) };
  }
}
