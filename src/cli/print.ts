/** Terminal output: colours, labels in one column, an entry, a short entry, an explanation. */
import { styleText } from 'node:util';
import type { ArtifactEntry, Lang } from '../core/artifact-types.ts';
import { renderReason, type ExplainResult } from '../core/explain.ts';
import { backoffMs, type NextStep, type RetryPolicy } from '../core/next-step.ts';
import type { Action } from '../core/typed.ts';
import type { Lookup } from '../core/lookup.ts';
import { vendorLabel } from '../core/model.ts';
import { translate } from '../core/i18n.ts';
import { provenanceKey } from '../core/provenance.ts';
import { escapeLine } from './escape.ts';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
}

/** Colours through node:util styleText, which asks stdout: a terminal, NO_COLOR, FORCE_COLOR, TERM=dumb. */
export function style(color: boolean): Style {
  const wrap = (format: Parameters<typeof styleText>[0]) => (s: string) => (color ? styleText(format, s, { stream: process.stdout }) : s);
  return { bold: wrap('bold'), dim: wrap('dim'), red: wrap('red'), green: wrap('green'), yellow: wrap('yellow') };
}

const FIELD_LABELS = ['entry.message', 'entry.meaning', 'entry.whatToDo', 'cli.vendorAdvice', 'cli.tellUser', 'cli.nextStep', 'cli.requestId', 'entry.category', 'col.retryable', 'entry.httpStatus', 'entry.source', 'explain.page', 'explain.code', 'explain.message'] as const;

/** Terminal columns: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return width;
}

export class Printer {
  readonly lines: string[] = [];
  readonly lang: Lang;
  readonly s: Style;
  readonly l: Lookup;

  constructor(l: Lookup, lang: Lang, s: Style) {
    this.l = l;
    this.lang = lang;
    this.s = s;
    this.column = Math.max(...FIELD_LABELS.map((k) => displayWidth(translate(lang, k))));
  }

  line(text = ''): void {
    this.lines.push(text);
  }

  vendorName(id: string): string {
    const v = this.l.vendor(id);
    return escapeLine(v ? vendorLabel(v, this.lang) : id);
  }

  /** Labels line up in one column, as wide as the widest label of the language. */
  readonly column: number;

  field(label: string, value: string): void {
    this.line(`  ${this.s.dim(label + ' '.repeat(Math.max(0, this.column - displayWidth(label))))}  ${escapeLine(value)}`);
  }

  /** An entry; with the next step worked out for a response (`step`), that instead of the entry's policy. */
  entry(e: ArtifactEntry, step?: NextStep): void {
    const { lang, s } = this;
    const outcome = e.task_outcome ? ` · ${translate(lang, `outcome.${e.task_outcome}`)}` : '';
    this.line(`${s.bold(escapeLine(e.id))}  ${this.vendorName(e.vendor)} · ${translate(lang, `kindOne.${e.kind}`)}${outcome}`);
    if (e.message) this.field(translate(lang, 'entry.message'), e.message);
    this.field(translate(lang, 'entry.meaning'), e.meaning[lang]);
    this.field(translate(lang, 'entry.whatToDo'), e.remedy[lang]);
    if (e.vendor_remedy) this.field(translate(lang, 'cli.vendorAdvice'), e.vendor_remedy[lang]);
    if (e.end_user_message) this.field(translate(lang, 'cli.tellUser'), e.end_user_message[lang]);
    if (step) this.stepFields(step);
    else if (e.action) this.field(translate(lang, 'cli.nextStep'), this.policyText(e.action, e.retry));
    const category = this.l.category(e.category);
    this.field(translate(lang, 'entry.category'), category ? category.name[lang] : e.category);
    const retry = e.retryable ? s.green(translate(lang, 'yes')) : s.yellow(translate(lang, 'no'));
    const source = translate(lang, e.retryable_source === 'vendor' ? 'entry.retrySourceVendor' : 'entry.retrySourceOurs').replace(/[.。]$/, '');
    this.field(translate(lang, 'col.retryable'), translate(lang, 'cli.retryWithSource', { retry, source: `${source.charAt(0).toLowerCase()}${source.slice(1)}` }));
    this.field(translate(lang, 'entry.httpStatus'), e.http_status === null ? translate(lang, 'entry.httpUnknown') : String(e.http_status));
    if (e.meaning.vendor_text !== 'none' || e.remedy.vendor_text !== 'none')
      this.field(translate(lang, 'entry.source'), translate(lang, provenanceKey(e.meaning.vendor_text, lang)));
    this.field(translate(lang, 'explain.page'), lang === 'zh' ? e.url_zh : e.url);
  }

  /** Seconds as the language writes them; a range when the two differ. */
  private seconds(fromMs: number, toMs = fromMs): string {
    const n = (ms: number) => Number((ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1));
    return translate(this.lang, 'cli.step.seconds', { n: fromMs === toMs ? n(fromMs) : `${n(fromMs)}–${n(toMs)}` });
  }

  /** `retry: send the same request again`, with the policy in words when there is one. */
  policyText(action: Action, policy: RetryPolicy | null): string {
    const { lang } = this;
    const step = `${action}${translate(lang, 'punct.colon')}${translate(lang, `cli.action.${action}`)}`;
    if (!policy) return step;
    const words = translate(lang, 'cli.step.policy', {
      max: policy.max_attempts,
      first: this.seconds(backoffMs(policy, 1, () => 0), backoffMs(policy, 1, () => 1)),
      cap: this.seconds(policy.max_delay_s * 1000),
    });
    const all = policy.honour_retry_after ? `${words}${translate(lang, 'list.clauseSeparator')}${translate(lang, 'cli.step.retryAfter')}` : words;
    return translate(lang, 'cli.step.withPolicy', { step, policy: all });
  }

  /** The next step and the request id to quote to the vendor. */
  stepFields(step: NextStep): void {
    this.field(translate(this.lang, 'cli.nextStep'), this.stepText(step));
    if (step.requestId !== undefined) this.field(translate(this.lang, 'cli.requestId'), step.requestId);
  }

  /** The next step after this response: the action, when, and how many calls are left. */
  stepText(step: NextStep): string {
    const { lang } = this;
    const parts = [`${step.action}${translate(lang, 'punct.colon')}${translate(lang, `cli.action.${step.action}`)}`];
    if (step.delayFrom === 'retry-after') parts.push(translate(lang, 'cli.step.in', { delay: this.seconds(step.delayMs) }));
    else if (step.delayFrom === 'policy' && step.policy)
      parts.push(translate(lang, 'cli.step.in', { delay: this.seconds(backoffMs(step.policy, 1, () => 0), backoffMs(step.policy, 1, () => 1)) }));
    if (step.attemptsLeft > 0) parts.push(translate(lang, 'cli.step.left', { left: step.attemptsLeft }));
    return parts.join(translate(lang, 'list.clauseSeparator'));
  }

  brief(e: ArtifactEntry): void {
    const text = e.message ?? e.meaning[this.lang];
    const short = text.length > 90 ? `${text.slice(0, 89)}…` : text;
    this.line(`  ${this.s.bold(escapeLine(e.id))}  ${escapeLine(short)}`);
  }

  explanation(r: ExplainResult, step?: NextStep): void {
    const { lang, s } = this;
    const label = r.outcome === 'unknown' ? translate(lang, 'outcome.unknown') : translate(lang, `outcome.${r.outcome}`);
    const colored = r.outcome === 'success' ? s.green(label) : r.outcome === 'failure' ? s.red(label) : s.yellow(label);
    const heading = `${translate(lang, 'explain.outcome')}${translate(lang, 'punct.colon')}`;
    this.line(`${s.dim(heading)}${s.bold(colored)}${r.vendor ? ` · ${this.vendorName(r.vendor)}` : ''}`);
    if (r.code !== undefined) this.field(translate(lang, 'explain.code'), r.code);
    if (r.message !== undefined) this.field(translate(lang, 'explain.message'), r.message.length > 200 ? `${r.message.slice(0, 199)}…` : r.message);
    if (r.httpStatus !== undefined) this.field(translate(lang, 'entry.httpStatus'), String(r.httpStatus));
    this.line();
    if (r.entry) this.entry(r.entry, step);
    else {
      this.field(translate(lang, 'entry.whatToDo'), r.advice[lang]);
      if (r.retryable !== undefined) this.field(translate(lang, 'col.retryable'), r.retryable ? translate(lang, 'yes') : translate(lang, 'no'));
      if (step) {
        this.field(translate(lang, 'cli.tellUser'), step.userMessage[lang]);
        this.stepFields(step);
      }
    }
    const reasons = [...r.reasonKeys.map((reason) => renderReason(lang, reason, this.l)), ...(step ? [step.reason[lang].trim()] : [])];
    if (reasons.length > 0) {
      this.line();
      this.line(s.dim(translate(lang, 'explain.why')));
      for (const reason of reasons) this.line(`  - ${escapeLine(reason)}`);
    }
    if (r.candidates.length > 0) {
      this.line();
      this.line(s.dim(translate(lang, 'explain.candidates')));
      for (const e of r.candidates) this.brief(e);
    }
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}
