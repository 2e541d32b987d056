/** No vendor recognised: codes and messages where APIs usually put them. */
import type { ArtifactEntry } from '../artifact-types.ts';
import { advice } from './advice.ts';
import { settle, type Explainer } from './context.ts';
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
  // A code and a message that point at the same entry settle it.
  const both = byCode.filter((e) => byMessage.includes(e));
  const list = both.length > 0 ? both : byCode.length > 0 ? byCode : byMessage;
  if (list.length > 0) {
    if (list.length === 1) a.because('onlyEntry', { id: list[0]!.id });
    else a.because('someEntries', { count: list.length });
    const failing = codes.some((c) => !/^(?:0|ok|success|succeeded)$/i.test(c)) || (a.httpStatus !== undefined && a.httpStatus >= 400);
    return settle(x, list, failing ? 'failure' : 'unknown');
  }
  const noError = codes.every((c) => /^(?:0|ok|success|succeeded)$/i.test(c));
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
