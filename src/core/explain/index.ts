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
 *
 * explain() never throws on a body (only InvalidIndexError, for an index that is not one). Input is only read, never assigned into (own properties only, via
 * Object.hasOwn), nesting is never walked recursively, and the work is capped: bodies above
 * EXPLAIN_LIMITS.maxBodyChars are not parsed, lenient parsing stops at maxLenientChars, and
 * messages above 2000 characters are not compared.
 */
import { lookupFor, type KbIndex, type Lookup } from '../lookup.ts';
import { ADVICE } from './advice.ts';
import { Answer } from './answer.ts';
import { fromStatus } from './status.ts';
import { forVendor } from './for-vendor.ts';
import { generic } from './generic.ts';
import { nameOf, type Explainer } from './context.ts';
import { toParsed } from './read-body.ts';
import { recognise } from './recognise.ts';
import { fromText } from './text.ts';
import { EXPLAIN_LIMITS, type ExplainOptions, type ExplainResult } from './types.ts';
import { isRecord, statusOf, type Rec } from './values.ts';

export { EXPLAIN_LIMITS } from './types.ts';
export type { Bilingual, ExplainOptions, ExplainOutcome, ExplainResult } from './types.ts';

/**
 * Explain a response body (text as received, or already parsed) with the HTTP status and vendor
 * when known. `index` is the parsed dist/api/v1/index.json (or a lookup made from it).
 */
export function explain(body: string | unknown, options: ExplainOptions = {}, index: KbIndex | Lookup): ExplainResult {
  const a = new Answer();
  // A malformed index is the caller's mistake, not the body's: InvalidIndexError, like lookup and find.
  const l = lookupFor(index);
  try {
    run({ l, a }, body, isRecord(options) ? options : {});
    return a.result(l);
  } catch (error) {
    // Not expected; a hostile object (getters, proxies) could still get here. Never throw.
    const detail = error instanceof Error ? error.message : String(error);
    a.outcome = 'unknown';
    a.because(`Internal error while reading the input: ${detail.slice(0, 200)}`, `读取输入时发生内部错误：${detail.slice(0, 200)}`);
    return {
      outcome: 'unknown',
      candidates: [],
      advice: ADVICE.unknown,
      reasons: a.reasons,
      reasonsZh: a.reasonsZh,
    };
  }
}

function run(x: Explainer, body: unknown, options: Rec): void {
  const { a, l } = x;
  const status = options.httpStatus;
  if (status !== undefined) {
    a.httpStatus = statusOf(status);
    if (a.httpStatus === undefined) a.because(`Ignored the HTTP status ${String(status).slice(0, 20)}: not a status between 100 and 599.`, `已忽略 HTTP 状态码 ${String(status).slice(0, 20)}：不是 100 到 599 之间的状态码。`);
  }
  if (options.vendor !== undefined && options.vendor !== '') {
    x.hint = typeof options.vendor === 'string' ? l.vendorId(options.vendor) : undefined;
    if (!x.hint) {
      const shown = String(options.vendor).slice(0, 40);
      a.because(`Ignored the vendor "${shown}": not one of ${l.vendorIds().join(', ')}.`, `已忽略厂商“${shown}”：不是 ${l.vendorIds().join('、')} 之一。`);
    }
  }

  const parsed = toParsed(body);
  if ((parsed.kind === 'json' || parsed.kind === 'text') && parsed.status !== undefined && a.httpStatus === undefined) {
    a.httpStatus = parsed.status;
    a.because(`Read HTTP status ${parsed.status} from the status line before the body.`, `从响应体前的状态行读取到 HTTP 状态码 ${parsed.status}。`);
  }
  if (parsed.kind === 'json' && parsed.lenient)
    a.because('The text is not strict JSON; read the JSON object in it (comments and trailing commas ignored).', '文本不是严格的 JSON；已读取其中的 JSON 对象（忽略注释和末尾逗号）。');

  switch (parsed.kind) {
    case 'too-large':
      a.because(
        `The body is too large to read (${parsed.length} characters; the limit is ${EXPLAIN_LIMITS.maxBodyChars}). Paste only the error fields.`,
        `响应体过大，无法读取（${parsed.length} 个字符，上限为 ${EXPLAIN_LIMITS.maxBodyChars}）。请只粘贴错误相关字段。`,
      );
      return fromStatus(x);
    case 'empty':
      if (a.httpStatus === undefined) a.because('Nothing to explain: the body is empty and there is no HTTP status.', '没有可解读的内容：响应体为空，也没有 HTTP 状态码。');
      else a.because('The body is empty.', '响应体为空。');
      return fromStatus(x);
    case 'invalid':
      a.because(
        parsed.what === 'json' ? 'The body is not valid JSON.' : `Cannot read a ${parsed.what} as a response body.`,
        parsed.what === 'json' ? '响应体不是有效的 JSON。' : `无法把 ${parsed.what} 当作响应体读取。`,
      );
      return fromStatus(x);
    case 'text':
      return fromText(x, parsed.text);
    case 'json': {
      const v = parsed.value;
      if (isRecord(v)) return fromObject(x, v);
      if (Array.isArray(v)) {
        a.because('The body is a JSON array; the APIs in the knowledge base answer with a JSON object.', '响应体是 JSON 数组；本知识库收录的 API 的响应都是 JSON 对象。');
        return fromStatus(x);
      }
      if (typeof v === 'string' || typeof v === 'number') return fromText(x, String(v));
      a.because(`The body is the JSON value ${String(v)}, not a response object.`, `响应体是 JSON 值 ${String(v)}，不是响应对象。`);
      return fromStatus(x);
    }
  }
}

/** A JSON object: the vendor given, or recognised, or none. */
function fromObject(x: Explainer, o: Rec): void {
  const { a } = x;
  if (x.hint) {
    a.because(`Vendor given: ${nameOf(x, x.hint, 'en')}.`, `已指定厂商：${nameOf(x, x.hint, 'zh')}。`);
    return forVendor(x, x.hint, o);
  }
  const { vendor, among } = recognise(x, o);
  if (vendor) return forVendor(x, vendor, o);
  generic(x, o, among);
}
