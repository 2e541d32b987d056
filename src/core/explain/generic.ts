/** No vendor recognised: codes and messages where APIs usually put them. */
import type { ArtifactEntry } from '../artifact-types.ts';
import { advice } from './advice.ts';
import { certaintyOf } from './certainty.ts';
import { outcomeOf, settle, type Explainer } from './context.ts';
import { forwarded } from './forwarded.ts';
import { fromStatus } from './status.ts';
import { GENERIC_CODE_FIELDS, GENERIC_MESSAGE_FIELDS, GENERIC_STATUS_FIELDS } from './vendor-rules.ts';
import { at, codeString, own, quote, statusOf, textOf, type Rec } from './values.ts';

/** No vendor recognised: look for codes and messages where APIs usually put them. */
export function generic(x: Explainer, o: Rec, among?: string[]): void {
  const { a, l } = x;
  const inScope = (e: ArtifactEntry) => (!among || among.includes(e.vendor)) && e.kind !== 'http-status';
  const codes = [...new Set(GENERIC_CODE_FIELDS.map((f) => codeString(at(o, f))).filter((c): c is string => c !== undefined && c !== ''))];
  const messages = [...new Set(GENERIC_MESSAGE_FIELDS.map((f) => textOf(at(o, f))).filter((m): m is string => m !== undefined))];
  if (codes[0] !== undefined) a.code = codes[0];
  if (messages[0] !== undefined) a.message = messages[0].slice(0, 2000);
  if (!among) a.because('noKnownCodeField');
  if (a.httpStatus === undefined) {
    for (const field of GENERIC_STATUS_FIELDS) {
      const s = statusOf(own(o, field));
      if (s !== undefined) {
        a.httpStatus = s;
        a.because('statusField', { status: s, field });
        break;
      }
    }
  }

  if (forwarded(x, messages)) return;
  const byCode = [...new Set(codes.flatMap((c) => l.find(c)))].filter(inScope);
  const byMessage = [...new Set(messages.flatMap((m) => l.matchMessage(m)))].filter(inScope);
  const noError = codes.every((c) => /^(?:0|ok|success|succeeded)$/i.test(c));
  const failing = !noError || (a.httpStatus !== undefined && a.httpStatus >= 400);
  // A code is its entry when it is certain (certainty.ts): a code one vendor has, the entry's message
  // beside it, or a hint of the vendor. Otherwise its entries are candidates.
  const certain = [...new Set(codes.flatMap((c) => l.find(c).filter((e) => inScope(e) && certaintyOf(x, e, c, messages, o) !== undefined)))];
  if (certain.length > 0 || (byCode.length === 0 && byMessage.length > 0 && noError)) {
    const list = certain.length > 0 ? certain : byMessage;
    if (list.length === 1) a.because('onlyEntry', { id: list[0]!.id });
    else a.because('someEntries', { count: list.length });
    return settle(x, list, failing ? 'failure' : 'unknown');
  }
  if (byCode.length > 0) {
    a.because('sharedCodeCandidates', { code: quote(codes[0]!), ids: byCode.slice(0, 5).map((e) => e.id) });
    a.addCandidates(byCode);
    const outcomes = new Set(byCode.map((e) => outcomeOf(e, l)));
    a.outcome = outcomes.size === 1 ? [...outcomes][0]! : failing ? 'failure' : 'unknown';
    return;
  }
  if (byMessage.length > 0) {
    // An unknown code is never another code's entry: the message makes those candidates only.
    a.because('unknownCodeResembles', { code: quote(codes.find((c) => !/^(?:0|ok|success|succeeded)$/i.test(c))!), ids: byMessage.slice(0, 5).map((e) => e.id) });
    a.addCandidates(byMessage);
    fromStatus(x);
    if (a.outcome === 'unknown') a.outcome = 'failure';
    return;
  }
  if (noError && Object.hasOwn(o, 'result') && (a.httpStatus === undefined || a.httpStatus < 300)) {
    a.because('resultNoError');
    a.outcome = 'success';
    return;
  }
  if (codes.length > 0 && !noError) {
    a.because('unknownCode', { code: quote(codes[0]!) });
    fromStatus(x);
    if (a.outcome === 'unknown') a.outcome = 'failure';
    if (!a.entry && a.candidates.length === 0) a.advice = advice('unknownCode');
    return;
  }
  fromStatus(x);
}
