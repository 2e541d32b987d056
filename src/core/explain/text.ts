/** A body that is not a JSON object: plain text, or a bare JSON string or number. */
import type { ArtifactEntry } from '../artifact-types.ts';
import { settle, type Explainer } from './context.ts';
import { fromStatus, reasonPhrase } from './status.ts';
import { quote } from './values.ts';

/** Plain text or a bare JSON string/number: a code, or a message. */
export function fromText(x: Explainer, text: string): void {
  const { a, l } = x;
  const only = (list: ArtifactEntry[]) => (x.hint ? list.filter((e) => e.vendor === x.hint) : list);
  const t = text.trim();
  if (t.length <= 100 && !/[\n{}]/.test(t)) {
    const byCode = only(l.find(t));
    if (byCode.length > 0) {
      a.code = t;
      a.because('textAsCode', { text: quote(t) });
      return settle(x, byCode, a.httpStatus !== undefined && a.httpStatus >= 400 ? 'failure' : 'unknown');
    }
  }
  if (t.length <= 2000) {
    const byMessage = only(l.matchMessage(t));
    if (!x.hint && byMessage.length > 0 && byMessage.every((e) => e.kind === 'http-status') && new Set(byMessage.map((e) => e.code)).size === 1)
      return reasonPhrase(x, t, Number(byMessage[0]!.code));
    if (byMessage.length > 0) {
      a.message = t;
      a.because('textAsMessage', { text: quote(t) });
      if (byMessage.length > 1) a.because('sameMessage', { count: byMessage.length });
      return settle(x, byMessage, 'failure');
    }
  }
  if (/^[{[]/.test(t)) a.because('invalidJson');
  else a.because('notJson');
  fromStatus(x);
}
