/**
 * Explain a response body: which vendor sent it, which entry it is, whether the call succeeded,
 * is still pending or failed, and what to do. Pure (no Node or DOM APIs): the site's "Explain a
 * response" page and the CLI run the same code.
 *
 *   read-body.ts    the pasted text → JSON (lenient), a status line, or text
 *   recognise.ts    which vendor's envelope (rules from the data: vendor-rules.ts)
 *   for-vendor.ts   a known vendor's body → entry; forwarded.ts: upstream messages inside it
 *   generic.ts      no vendor recognised; text.ts: not a JSON object; status.ts: only a status
 *   answer.ts       the answer under construction → ExplainResult (advice.ts: our own advice)
 *   reasons.ts      each step of the reasoning as a translation key with parameters, rendered per language
 *   strings.ts      explain's own strings (i18n/<lang>.json: its reasons and advice), the library's only ones
 *
 * explain() never throws on a body (only InvalidIndexError, for an index that is not one). Input is only read, never assigned into (own properties only, via
 * Object.hasOwn), nesting is never walked recursively, and the work is capped: bodies above
 * EXPLAIN_LIMITS.maxBodyChars are not parsed, lenient parsing stops at maxLenientChars, and
 * messages above 2000 characters are not compared.
 */
import { lookupFor, type KbIndex, type Lookup } from '../lookup.ts';
import { advice } from './advice.ts';
import { Answer, renderedReasons } from './answer.ts';
import { fromStatus } from './status.ts';
import { forVendor } from './for-vendor.ts';
import { generic } from './generic.ts';
import type { Explainer } from './context.ts';
import { toParsed } from './read-body.ts';
import { recognise } from './recognise.ts';
import { requestFacts } from './request.ts';
import { fromText } from './text.ts';
import { EXPLAIN_LIMITS, type ExplainOptions, type ExplainResult } from './types.ts';
import { isRecord, statusOf, type Rec } from './values.ts';

export { EXPLAIN_LIMITS } from './types.ts';
export type { Bilingual, ExplainOptions, ExplainOutcome, ExplainResult } from './types.ts';
export { renderReason } from './reasons.ts';
export type { ExplainReason, ReasonParams } from './reasons.ts';

/**
 * Explain a response body (text as received, or already parsed) with the HTTP status and vendor
 * when known. `index` is the parsed dist/api/v1/index.json (or a lookup made from it).
 */
export function explain(body: string | unknown, options: ExplainOptions = {}, index: KbIndex | Lookup): ExplainResult {
  const a = new Answer();
  // A malformed index is the caller's mistake, not the body's: InvalidIndexError, like lookup and find.
  const l = lookupFor(index);
  try {
    const x: Explainer = { l, a };
    const o: Rec = isRecord(options) ? options : {};
    run(x, body, o);
    const result = a.result(l);
    // The request id and Retry-After, from the vendor's envelope and the headers given.
    const vendor = result.vendor ? l.vendor(result.vendor) : undefined;
    return { ...result, ...requestFacts(vendor?.envelope, x.body, o.headers as ExplainOptions['headers']) };
  } catch (error) {
    // Not expected; a hostile object (getters, proxies) could still get here. Never throw.
    const detail = error instanceof Error ? error.message : String(error);
    a.outcome = 'unknown';
    a.because('internalError', { detail: detail.slice(0, 200) });
    return { outcome: 'unknown', candidates: [], advice: advice('unknown'), ...renderedReasons(a.reasons, l) };
  }
}

function run(x: Explainer, body: unknown, options: Rec): void {
  const { a, l } = x;
  const status = options.httpStatus;
  if (status !== undefined) {
    a.httpStatus = statusOf(status);
    if (a.httpStatus === undefined) a.because('statusIgnored', { status: String(status).slice(0, 20) });
  }
  if (options.vendor !== undefined && options.vendor !== '') {
    x.hint = typeof options.vendor === 'string' ? l.vendorId(options.vendor) : undefined;
    if (!x.hint) {
      const shown = String(options.vendor).slice(0, 40);
      a.because('vendorIgnored', { given: shown, ids: l.vendorIds() });
    }
  }

  const parsed = toParsed(body);
  if ((parsed.kind === 'json' || parsed.kind === 'text') && parsed.status !== undefined && a.httpStatus === undefined) {
    a.httpStatus = parsed.status;
    a.because('statusLine', { status: parsed.status });
  }
  if (parsed.kind === 'json' && parsed.lenient)
    a.because('lenientJson');

  switch (parsed.kind) {
    case 'too-large':
      a.because('tooLarge', { length: parsed.length, limit: EXPLAIN_LIMITS.maxBodyChars });
      return fromStatus(x);
    case 'empty':
      if (a.httpStatus === undefined) a.because('nothing');
      else a.because('emptyBody');
      return fromStatus(x);
    case 'invalid':
      if (parsed.what === 'json') a.because('invalidJson');
      else a.because('unreadable', { type: parsed.what });
      return fromStatus(x);
    case 'text':
      return fromText(x, parsed.text);
    case 'json': {
      const v = parsed.value;
      if (isRecord(v)) return fromObject(x, v);
      if (Array.isArray(v)) {
        a.because('jsonArray');
        return fromStatus(x);
      }
      if (typeof v === 'string' || typeof v === 'number') return fromText(x, String(v));
      a.because('jsonValue', { value: String(v) });
      return fromStatus(x);
    }
  }
}

/** A JSON object: the vendor given, or recognised, or none. */
function fromObject(x: Explainer, o: Rec): void {
  const { a } = x;
  x.body = o;
  if (x.hint) {
    a.because('vendorGiven', { vendor: x.hint });
    return forVendor(x, x.hint, o);
  }
  const { vendor, among } = recognise(x, o);
  if (vendor) return forVendor(x, vendor, o);
  generic(x, o, among);
}
