/** When the body says nothing (or too little): the HTTP status, and the vendor if given. */
import { settle, type Explainer } from './context.ts';
import type { ExplainOutcome } from './types.ts';
import { quote } from './values.ts';

/** Only the HTTP status (and maybe the vendor) is known. */
export function fromStatus(x: Explainer): void {
  const { a, l } = x;
  const status = a.httpStatus;
  // The vendor the caller named, else the one whose envelope the body was recognised as.
  const vendor = x.hint ?? a.vendor;
  if (vendor) a.vendor = vendor;
  if (status === undefined) return;
  const fallback: ExplainOutcome = status >= 400 ? 'failure' : 'unknown';
  if (vendor) {
    const e = l.lookup(vendor, status, 'http-status');
    if (e) {
      a.because('statusDocumented', { vendor, status });
      return settle(x, [e], fallback);
    }
    a.because('statusUndocumented', { vendor, status });
    a.outcome = fallback;
    return;
  }
  const list = l.find(status).filter((e) => e.kind === 'http-status');
  if (list.length > 0)
    a.because('statusNeedsVendor', { status, vendors: [...new Set(list.map((e) => e.vendor))] });
  a.addCandidates(list);
  a.outcome = fallback;
  if (status >= 400) a.because('errorStatus', { status });
}

/**
 * `Internal Server Error` alone: the standard reason phrase of an HTTP status, which every API's
 * server or gateway may send. That one vendor's data lists it as a message does not make it that
 * vendor's: without the vendor, every vendor's entries for the status are candidates.
 */
export function reasonPhrase(x: Explainer, text: string, status: number): void {
  const { a, l } = x;
  a.message = text;
  a.httpStatus ??= status;
  a.because('reasonPhrase', { text: quote(text), status });
  const list = [...new Set([...l.find(status), ...(l.index.entries ?? []).filter((e) => e.http_status === status)])];
  settle(x, list, 'failure');
}
