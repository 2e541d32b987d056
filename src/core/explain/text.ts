/** A body that is not a JSON object: plain text, or a bare JSON string or number. */
import type { ArtifactEntry } from '../artifact-types.ts';
import { settle, type Explainer } from './context.ts';
import { fromFreeText } from './free-text.ts';
import { fromStatus, reasonPhrase } from './status.ts';
import { EXPLAIN_LIMITS } from './types.ts';
import { quote } from './values.ts';

/**
 * Plain text or a bare JSON string/number: the whole text is a code or a message; else the codes and
 * messages in it (free-text.ts); else only the status says something.
 */
export function fromText(x: Explainer, text: string): void {
  if (wholeText(x, text)) return;
  const { a } = x;
  const t = text.trim();
  if (t.length <= EXPLAIN_LIMITS.maxLenientChars) {
    fromFreeText(x, t);
    if (a.entry) return;
  }
  if (/^[{[]/.test(t)) a.because('invalidJson');
  else a.because('notJson');
  if (a.candidates.length > 0) {
    a.outcome = a.httpStatus !== undefined && a.httpStatus >= 400 ? 'failure' : 'unknown';
    if (a.httpStatus === undefined) return;
  }
  fromStatus(x);
}

/** The whole text as one code or one message; true when that settled something. */
export function wholeText(x: Explainer, text: string): boolean {
  const { a, l } = x;
  const only = (list: ArtifactEntry[]) => (x.hint ? list.filter((e) => e.vendor === x.hint) : list);
  const t = text.trim();
  // A code as typed (`222202`, `ModelArts 4204`, `picwish/state/-8`): a few words at most, never a log line.
  if (t.length <= 100 && !/[\n{}]/.test(t) && t.split(/\s+/).length <= 3) {
    const byCode = only(l.find(t));
    if (byCode.length > 0) {
      a.code = t;
      a.because('textAsCode', { text: quote(t) });
      settle(x, byCode, a.httpStatus !== undefined && a.httpStatus >= 400 ? 'failure' : 'unknown');
      return true;
    }
  }
  if (t.length <= 2000) {
    const byMessage = only(l.matchMessage(t));
    if (!x.hint && byMessage.length > 0 && byMessage.every((e) => e.kind === 'http-status') && new Set(byMessage.map((e) => e.code)).size === 1) {
      reasonPhrase(x, t, Number(byMessage[0]!.code));
      return true;
    }
    if (byMessage.length > 0) {
      a.message = t;
      a.because('textAsMessage', { text: quote(t) });
      if (byMessage.length > 1) a.because('sameMessage', { count: byMessage.length });
      settle(x, byMessage, 'failure');
      return true;
    }
  }
  return false;
}
