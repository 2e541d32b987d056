/** A body of a known vendor: its code, message and status read where its envelope says. */
import type { ArtifactEntry, EntryKind } from '../artifact-types.ts';
import { normalizeMessage } from '../normalize.ts';
import { matchesTemplate } from '../templates.ts';
import { ADVICE } from './advice.ts';
import { bodyEntry, nameOf, outcomeOf, settle, type Explainer } from './context.ts';
import { codeFieldIn } from './recognise.ts';
import { upstream } from './forwarded.ts';
import { fromStatus } from './status.ts';
import { FALLBACK_FIELDS, rulesOf } from './vendor-rules.ts';
import { at, codeString, quote, statusOf, textOf, type Rec } from './values.ts';

export function forVendor(x: Explainer, vendor: string, o: Rec): void {
  const { a, l } = x;
  a.vendor = vendor;
  const v = l.vendor(vendor);
  const rules = rulesOf(v);
  const codeField = codeFieldIn(x, vendor, o) ?? v?.envelope.code_field ?? FALLBACK_FIELDS.code;
  const messageField = v ? v.envelope.message_field : FALLBACK_FIELDS.message;
  const codeKind: EntryKind = l.entriesOf(vendor).some((e) => e.kind === 'error') ? 'error' : 'task-state';

  const rawCode = at(o, codeField);
  const code = codeString(rawCode);
  if (rawCode !== undefined && code === undefined)
    a.because(`${codeField} is not a code (a ${Array.isArray(rawCode) ? 'array' : typeof rawCode}); ignored.`, `${codeField} 不是错误码（类型为 ${Array.isArray(rawCode) ? 'array' : typeof rawCode}），已忽略。`);
  if (code !== undefined && code !== '') a.code = code;

  const primaryMessage = messageField ? textOf(at(o, messageField)) : undefined;
  const otherMessages = rules.messages.map((f) => textOf(at(o, f))).filter((m): m is string => m !== undefined && m !== primaryMessage);
  const messages = [primaryMessage, ...otherMessages].filter((m): m is string => m !== undefined);
  if (messages[0] !== undefined) a.message = messages[0].slice(0, 2000);

  if (a.httpStatus === undefined) {
    for (const field of rules.statusFields) {
      const s = statusOf(at(o, field));
      if (s !== undefined) {
        a.httpStatus = s;
        a.because(`Read HTTP status ${s} from ${field} in the body.`, `从响应体的 ${field} 字段读取到 HTTP 状态码 ${s}。`);
        break;
      }
    }
  }
  const status = a.httpStatus;
  const statusEntry = status !== undefined ? l.lookup(vendor, status, 'http-status') : undefined;

  // A task-state vendor (PicWish): a non-200 status is a request-level error, whatever the body.
  if (codeKind === 'task-state' && status !== undefined && status !== 200 && status >= 300) {
    a.because(`HTTP ${status}: the request itself failed, before any task state.`, `HTTP ${status}：请求本身失败，与任务状态无关。`);
    return fromStatus(x);
  }

  const entry = code ? bodyEntry(x, vendor, code) : undefined;
  if (entry) {
    a.because(
      `${quote(code!)} is ${entry.id}, a ${entry.kind === 'task-state' ? 'task state' : 'code'} of ${nameOf(x, vendor, 'en')}.`,
      `${quote(code!)} 是 ${nameOf(x, vendor, 'zh')} 的${entry.kind === 'task-state' ? '任务状态' : '错误码'}：${entry.id}。`,
    );
    checkMessage(x, entry, primaryMessage);
    upstream(x, rules, otherMessages);
    return settle(x, [entry], 'failure');
  }

  const success = code === undefined || code === '' || code === '0';
  if (!success) {
    a.because(`${quote(code!)} is not in ${nameOf(x, vendor, 'en')}'s table.`, `${nameOf(x, vendor, 'zh')} 的错误码表中没有 ${quote(code!)}。`);
    // The message may still say which entry it is.
    const byMessage = [...new Set(messages.flatMap((m) => l.matchMessage(m, vendor)))];
    if (byMessage.length > 0) {
      a.because(
        byMessage.length === 1 ? `The message matches ${byMessage[0]!.id}.` : `The message matches ${byMessage.length} entries.`,
        byMessage.length === 1 ? `消息与 ${byMessage[0]!.id} 一致。` : `消息与 ${byMessage.length} 个条目一致。`,
      );
      upstream(x, rules, otherMessages);
      return settle(x, byMessage, 'failure');
    }
    upstream(x, rules, otherMessages);
    const elsewhere = l.find(code!).filter((e) => e.vendor !== vendor && e.kind !== 'http-status');
    if (elsewhere.length > 0) {
      a.because(
        `${quote(code!)} is a code of ${[...new Set(elsewhere.map((e) => nameOf(x, e.vendor, 'en')))].join(', ')} (listed as candidates).`,
        `${quote(code!)} 是 ${[...new Set(elsewhere.map((e) => nameOf(x, e.vendor, 'zh')))].join('、')} 的错误码（列为候选）。`,
      );
      a.addCandidates(elsewhere);
    }
    const n = Number(code);
    const byRange = codeKind === 'task-state' && Number.isInteger(n) ? rules.unknownState(n) : undefined;
    if (byRange) {
      a.outcome = byRange;
      a.because(`By ${nameOf(x, vendor, 'en')}'s rule for task states, ${n} means ${a.outcome}.`, `按 ${nameOf(x, vendor, 'zh')} 的任务状态规则，${n} 表示${a.outcome === 'success' ? '成功' : a.outcome === 'pending' ? '处理中' : '失败'}。`);
      return;
    }
    if (statusEntry && status! >= 400) {
      a.because(`Explaining HTTP ${status} instead, as ${nameOf(x, vendor, 'en')} documents it.`, `改为按 ${nameOf(x, vendor, 'zh')} 文档中的 HTTP ${status} 解读。`);
      a.entry = statusEntry;
      a.outcome = 'failure';
      return;
    }
    a.outcome = 'failure';
    a.advice = ADVICE.unknownCode;
    return;
  }

  // No code, an empty code or 0.
  if (status !== undefined && status >= 400) {
    a.because(`No error code in the body, but HTTP ${status}: the call failed.`, `响应体中没有错误码，但 HTTP 状态码为 ${status}：调用失败。`);
    if (statusEntry) return settle(x, [statusEntry], 'failure');
    a.outcome = 'failure';
    return;
  }
  if (codeKind === 'task-state') {
    if (rules.taskId && at(o, rules.taskId) !== undefined) {
      a.because(`The body has ${rules.taskId} but no ${codeField}: the task was created and is not finished yet.`, `响应体中有 ${rules.taskId} 但没有 ${codeField}：任务已创建，尚未完成。`);
      a.outcome = 'pending';
      return;
    }
    a.because(`The body has no ${codeField}: cannot tell how the task went.`, `响应体中没有 ${codeField}：无法判断任务结果。`);
    if (statusEntry) a.entry = statusEntry;
    a.outcome = 'unknown';
    return;
  }
  if (code === undefined) {
    const byMessage = [...new Set(messages.flatMap((m) => l.matchMessage(m, vendor)))].filter((e) => e.kind !== 'http-status');
    if (byMessage.length > 0) {
      a.because(`No ${codeField} in the body, but the message matches ${byMessage.length === 1 ? byMessage[0]!.id : `${byMessage.length} entries`}.`, `响应体中没有 ${codeField}，但消息与 ${byMessage.length === 1 ? byMessage[0]!.id : `${byMessage.length} 个条目`}一致。`);
      return settle(x, byMessage, 'failure');
    }
  }
  if (code === undefined && !Object.hasOwn(o, 'result') && !Object.hasOwn(o, 'data')) {
    a.because(`The body has neither ${codeField} nor a result.`, `响应体中既没有 ${codeField}，也没有结果字段。`);
    a.outcome = 'unknown';
    return;
  }
  a.because(
    code === undefined ? `No ${codeField} in the body: by ${nameOf(x, vendor, 'en')}'s success test the call succeeded.` : `${codeField} is ${quote(code)}: by ${nameOf(x, vendor, 'en')}'s success test the call succeeded.`,
    code === undefined ? `响应体中没有 ${codeField}：按 ${nameOf(x, vendor, 'zh')} 的成功判断规则，调用成功。` : `${codeField} 为 ${quote(code)}：按 ${nameOf(x, vendor, 'zh')} 的成功判断规则，调用成功。`,
  );
  upstream(x, rules, otherMessages);
  if (statusEntry && outcomeOf(statusEntry, l) === 'success') a.entry = statusEntry;
  a.outcome = 'success';
}

/** Say so when the body's message is not the one the entry documents. */
export function checkMessage(x: Explainer, entry: ArtifactEntry, message: string | undefined): void {
  if (!message || !entry.message || message.length > 2000) return;
  const same = entry.message_is_template ? matchesTemplate(entry.message, message) : normalizeMessage(message) === normalizeMessage(entry.message);
  if (same) {
    if (entry.message_is_template) x.a.because(`The message fills in the template ${quote(entry.message)}.`, `消息是模板 ${quote(entry.message)} 填入参数后的结果。`);
    return;
  }
  x.a.because(
    `The message ${quote(message)} differs from the documented ${quote(entry.message)}; the code decides.`,
    `消息 ${quote(message)} 与文档中的 ${quote(entry.message)} 不同；以错误码为准。`,
  );
}
