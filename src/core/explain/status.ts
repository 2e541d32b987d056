/** When the body says nothing (or too little): the HTTP status, and the vendor if given. */
import { nameOf, settle, type Explainer } from './context.ts';
import type { ExplainOutcome } from './types.ts';
import { quote } from './values.ts';

/** Only the HTTP status (and maybe the vendor) is known. */
export function fromStatus(x: Explainer): void {
  const { a, l } = x;
  const status = a.httpStatus;
  const vendor = x.hint;
  if (vendor) a.vendor = vendor;
  if (status === undefined) return;
  const fallback: ExplainOutcome = status >= 400 ? 'failure' : 'unknown';
  if (vendor) {
    const e = l.lookup(vendor, status, 'http-status');
    if (e) {
      a.because(`${nameOf(x, vendor, 'en')} documents HTTP ${status}.`, `${nameOf(x, vendor, 'zh')} 的文档说明了 HTTP ${status}。`);
      return settle(x, [e], fallback);
    }
    a.because(`${nameOf(x, vendor, 'en')} documents no meaning for HTTP ${status}.`, `${nameOf(x, vendor, 'zh')} 的文档没有说明 HTTP ${status}。`);
    a.outcome = fallback;
    return;
  }
  const list = l.find(status).filter((e) => e.kind === 'http-status');
  if (list.length > 0)
    a.because(
      `HTTP ${status} is documented by ${[...new Set(list.map((e) => nameOf(x, e.vendor, 'en')))].join(', ')}; without the vendor the entry cannot be chosen.`,
      `${[...new Set(list.map((e) => nameOf(x, e.vendor, 'zh')))].join('、')} 的文档说明了 HTTP ${status}；不知道厂商时无法确定条目。`,
    );
  a.addCandidates(list);
  a.outcome = fallback;
  if (status >= 400) a.because(`HTTP ${status} is an error status: the call failed.`, `HTTP ${status} 是错误状态码：调用失败。`);
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
  a.because(
    `Not a JSON object: ${quote(text)} is the standard reason phrase of HTTP ${status}, which any of the APIs (or a proxy in front of them) can send; choose the vendor to get one entry.`,
    `不是 JSON 对象：${quote(text)} 是 HTTP ${status} 的标准原因短语，任何一家 API（或其前面的代理）都可能返回；请选择厂商以确定条目。`,
  );
  const list = [...new Set([...l.find(status), ...(l.index.entries ?? []).filter((e) => e.http_status === status)])];
  settle(x, list, 'failure');
}
