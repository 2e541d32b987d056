/** A body of a known vendor: its code, message and status read where its envelope says. */
import type { ArtifactEntry, EntryKind } from '../artifact-types.ts';
import { normalizeMessage } from '../normalize.ts';
import { matchesTemplate } from '../templates.ts';
import { advice } from './advice.ts';
import { certaintyOf } from './certainty.ts';
import { bodyEntry, outcomeOf, settle, type Explainer } from './context.ts';
import { codeFieldIn } from './recognise.ts';
import { upstream } from './forwarded.ts';
import { fromStatus } from './status.ts';
import { checkStatus } from './status-era.ts';
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
    a.because('notACodeIgnored', { field: codeField, type: Array.isArray(rawCode) ? 'array' : typeof rawCode });
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
        a.because('statusField', { status: s, field });
        break;
      }
    }
  }
  const status = a.httpStatus;
  const statusEntry = status !== undefined ? l.lookup(vendor, status, 'http-status') : undefined;

  // A task-state vendor (PicWish): a non-200 status is a request-level error, whatever the body.
  if (codeKind === 'task-state' && status !== undefined && status !== 200 && status >= 300) {
    a.because('requestFailed', { status });
    return fromStatus(x);
  }

  const entry = code ? bodyEntry(x, vendor, code) : undefined;
  if (entry) {
    const certainty = certaintyOf(x, entry, code!, messages, o);
    if (!certainty) {
      // A short number or a task state other APIs send too: without the entry's message or a hint
      // of the vendor, the entry is only a candidate.
      a.because(entry.kind === 'task-state' ? 'sharedStateShape' : 'sharedCodeShape', { code: quote(code!), id: entry.id, vendor });
      a.vendor = undefined;
      a.addCandidates([entry]);
      a.outcome = outcomeOf(entry, l);
      return;
    }
    a.because(entry.kind === 'task-state' ? 'stateIsEntry' : entry.kind === 'sdk-error' ? 'sdkCodeIsEntry' : 'codeIsEntry', { code: quote(code!), id: entry.id, vendor });
    if (certainty === 'hint' && x.hint !== vendor) a.because('hintConfirms', { vendor });
    if (certainty === 'envelope') a.because('envelopeConfirms', { vendor });
    checkMessage(x, entry, primaryMessage);
    checkStatus(x, entry);
    upstream(x, rules, otherMessages);
    return settle(x, [entry], 'failure');
  }

  const success = code === undefined || code === '' || code === '0';
  if (!success) {
    a.because('notInTable', { code: quote(code!), vendor });
    // An unknown code is never another code's entry: a message that resembles one's makes it a candidate.
    const byMessage = [...new Set(messages.flatMap((m) => l.matchMessage(m, vendor)))];
    if (byMessage.length > 0) {
      a.because('unknownCodeResembles', { code: quote(code!), ids: byMessage.slice(0, 5).map((e) => e.id) });
      a.addCandidates(byMessage);
    }
    upstream(x, rules, otherMessages);
    const elsewhere = l.find(code!).filter((e) => e.vendor !== vendor && e.kind !== 'http-status');
    if (elsewhere.length > 0) {
      a.because('codeElsewhere', { code: quote(code!), vendors: [...new Set(elsewhere.map((e) => e.vendor))] });
      a.addCandidates(elsewhere);
    }
    const n = Number(code);
    const byRange = codeKind === 'task-state' && Number.isInteger(n) ? rules.unknownState(n) : undefined;
    if (byRange) {
      a.outcome = byRange;
      a.because(`stateRule.${byRange}`, { vendor, state: n });
      return;
    }
    if (statusEntry && status! >= 400) {
      a.because('statusInstead', { status: status!, vendor });
      a.entry = statusEntry;
      a.outcome = 'failure';
      return;
    }
    a.outcome = 'failure';
    a.advice = advice('unknownCode');
    return;
  }

  // No code, an empty code or 0.
  if (status !== undefined && status >= 400) {
    a.because('noCodeErrorStatus', { status });
    if (statusEntry) return settle(x, [statusEntry], 'failure');
    a.outcome = 'failure';
    return;
  }
  if (codeKind === 'task-state') {
    if (rules.taskId && at(o, rules.taskId) !== undefined) {
      a.because('taskCreated', { taskId: rules.taskId, field: codeField });
      a.outcome = 'pending';
      return;
    }
    a.because('noState', { field: codeField });
    if (statusEntry) a.entry = statusEntry;
    a.outcome = 'unknown';
    return;
  }
  if (code === undefined) {
    const byMessage = [...new Set(messages.flatMap((m) => l.matchMessage(m, vendor)))].filter((e) => e.kind !== 'http-status');
    if (byMessage.length > 0) {
      if (byMessage.length === 1) a.because('noCodeMessageMatchesOne', { field: codeField, id: byMessage[0]!.id });
      else a.because('noCodeMessageMatchesSome', { field: codeField, count: byMessage.length });
      return settle(x, byMessage, 'failure');
    }
  }
  if (code === undefined && !Object.hasOwn(o, 'result') && !Object.hasOwn(o, 'data')) {
    a.because('noCodeNoResult', { field: codeField });
    a.outcome = 'unknown';
    return;
  }
  if (code === undefined) a.because('successNoCode', { field: codeField, vendor });
  else a.because('successCode', { field: codeField, code: quote(code), vendor });
  upstream(x, rules, otherMessages);
  if (statusEntry && outcomeOf(statusEntry, l) === 'success') a.entry = statusEntry;
  a.outcome = 'success';
}

/** Does `message` match `text` (a literal message, or a template when `template`)? */
const fills = (text: string, template: boolean | undefined, message: string) =>
  template === true ? matchesTemplate(text, message) : normalizeMessage(message) === normalizeMessage(text);

/**
 * Say so when the body's message is not the one the entry documents, and when it is one the API
 * was seen to return instead (a message variant, with when it was seen).
 */
export function checkMessage(x: Explainer, entry: ArtifactEntry, message: string | undefined): void {
  if (!message || !entry.message || message.length > 2000) return;
  if (fills(entry.message, entry.message_is_template, message)) {
    if (entry.message_is_template) x.a.because('messageTemplate', { template: quote(entry.message) });
    return;
  }
  const variant = (entry.message_variants ?? []).find((v) => typeof v?.message === 'string' && fills(v.message, v.message_is_template, message));
  if (variant) x.a.because('messageVariant', { message: quote(message), seen: String(variant.seen), documented: quote(entry.message) });
  else x.a.because('messageDiffers', { message: quote(message), documented: quote(entry.message) });
}
