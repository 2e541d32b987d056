/**
 * nextStep(): from an explain() result (or a decision-table read, decide()), what the client does
 * next: the action, how long to wait before it, how many calls are left, what to tell the end user
 * and the request id to quote to the vendor.
 *
 *   const r = explain(await res.text(), { httpStatus: res.status, headers: res.headers }, kb);
 *   const step = nextStep(r, { attempt });   // attempt 1 = the call that just failed
 *   if (step.action === 'retry') await sleep(step.delayMs);
 *
 * Delays follow the entry's retry policy: before call n+1, min(max_delay_s, base_delay_s × 2^(n−1))
 * with jitter (a random value between half of it and all of it); a Retry-After header (seconds or an
 * HTTP date) replaces it exactly (no jitter, no cap) where the policy honours it. After max_attempts
 * calls the action changes (EXHAUSTED). With no entry, the HTTP status decides as RFC 9110 and the
 * cloud SDKs do (TRANSIENT_STATUSES). Pure: the clock and the random source can be injected.
 */
import type { ArtifactEntry, EntryKind } from './artifact-types.ts';
import type { Bilingual, ExplainOutcome } from './explain/types.ts';
import { createTranslator, type UiParams } from './catalogues.ts';
import { headerValue, firstHeader, type HeadersInput } from './headers.ts';
import en from './next-step/i18n/en.json' with { type: 'json' };
import zh from './next-step/i18n/zh-CN.json' with { type: 'json' };
import type { Action } from './typed.ts';

/** nextStep's own strings (end-user messages where no entry speaks, its reasons): ./next-step/i18n/. */
export const NEXT_STEP_CATALOGUES = { en, zh };
const say = createTranslator(NEXT_STEP_CATALOGUES);
/** A string in both languages. */
const both = (key: string, params: UiParams = {}): Bilingual => ({ en: say('en', key, params), zh: say('zh', key, params) });
/** Two sentences in both languages (the second's template brings its own leading space where the language has one). */
const and = (a: Bilingual, b: Bilingual): Bilingual => ({ en: a.en + b.en, zh: a.zh + b.zh });

/** A retry policy as the artifact carries it (entry.retry). */
export interface RetryPolicy {
  max_attempts: number;
  base_delay_s: number;
  max_delay_s: number;
  honour_retry_after: boolean;
  source?: 'vendor' | 'ours';
}

/** What nextStep reads of an entry: an ArtifactEntry has it, and so has a decision table's row. */
export interface DecisionEntry {
  id: string;
  vendor: string;
  kind: EntryKind;
  code: string;
  category: string;
  action: Action;
  retry: RetryPolicy | null;
  end_user_message: Bilingual;
}

/** What nextStep reads of an explain() result (an ExplainResult is one; so is what decide() returns). */
export interface NextStepInput<E extends DecisionEntry = ArtifactEntry> {
  outcome: ExplainOutcome;
  vendor?: string;
  entry?: E;
  candidates?: readonly E[];
  httpStatus?: number;
  requestId?: string;
  requestIdFrom?: 'body' | 'header';
  requestIdHeaders?: readonly string[];
  retryAfter?: string;
}

export interface NextStepOptions {
  /** Which call just failed, counting from 1: the first call is attempt 1. */
  attempt: number;
  /**
   * How many new tasks (or new credentials) the client has already made for this request, 0 at first.
   * A recreate-task or refresh-credentials policy counts these, not the calls: a task polled ten times
   * is still one task.
   */
  fixes?: number;
  /** The response headers; Retry-After and a request-id header here win over those given to explain(). */
  headers?: HeadersInput | undefined;
  /** The current time (for a Retry-After HTTP date); default Date.now(). */
  now?: number | Date;
  /** A random number in [0, 1) for the jitter; default Math.random. */
  random?: () => number;
}

export interface NextStep<E extends DecisionEntry = ArtifactEntry> {
  /** What to do now. */
  action: Action;
  /** How long to wait before doing it, in milliseconds (0: now; always 0 for actions that do not send again). */
  delayMs: number;
  /** How many more calls the policy allows after this one (0: do not send again under this action). */
  attemptsLeft: number;
  /** Plain words for the app's end user, in English and Chinese. */
  userMessage: Bilingual;
  /** The request's id to quote to the vendor's support, when the response carries one. */
  requestId?: string;
  /** The entry that decided, when one matched. */
  entry?: E;
  /** What decided: the entry, the candidates agreeing, the HTTP status, the outcome (success, pending), or nothing known. */
  basis: 'entry' | 'candidates' | 'http-status' | 'outcome' | 'unknown';
  /** The action the entry (or status) called for, when its attempts ran out and `action` is what follows. */
  exhausted?: Action;
  /** Where delayMs came from. */
  delayFrom: 'policy' | 'retry-after' | 'none';
  /** The retry policy applied, if any. */
  policy: RetryPolicy | null;
  /** Why, in English and Chinese. */
  reason: Bilingual;
}

/** HTTP statuses a client retries when nothing more is known: 408, 429 and the transient 5xx (RFC 9110 §15; AWS, Google Cloud and Azure SDKs retry these). */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Ours, where no entry gives a policy: 3 calls (as the AWS SDKs' standard mode), 1 s doubling to 20 s, honouring Retry-After. */
export const FALLBACK_RETRY: RetryPolicy = { max_attempts: 3, base_delay_s: 1, max_delay_s: 20, honour_retry_after: true, source: 'ours' };
/** Ours, for a pending task no entry describes. */
export const FALLBACK_POLL: RetryPolicy = { max_attempts: 60, base_delay_s: 1, max_delay_s: 5, honour_retry_after: false, source: 'ours' };
/**
 * What follows when an action's attempts are used up: poll, retry and wait count `attempt` against
 * their policy; recreate-task and refresh-credentials only when the entry gives them a policy, since
 * their fix (a new task, a new token) starts a new request whose calls the client counts afresh.
 */
export const EXHAUSTED: Readonly<Partial<Record<Action, Action>>> = {
  // A task that stays pending is stuck: a new task may go through.
  poll: 'recreate-task',
  // A transient failure that persists, or a limit that does not lift, is the vendor's to resolve.
  retry: 'contact-vendor',
  wait: 'contact-vendor',
  'recreate-task': 'contact-vendor',
  // New credentials that are still refused: the key, secret or account set-up is wrong.
  'refresh-credentials': 'fix-request',
};

const SENDS_AGAIN: ReadonlySet<Action> = new Set(['poll', 'retry', 'wait', 'recreate-task', 'refresh-credentials']);

/** Neutral end-user words for when no entry speaks (or its own words promise what no longer holds). */
const messageFor = (action: Action): Bilingual => both(`nextStep.message.${action}`);

const seconds = (ms: number): Bilingual => both('nextStep.seconds', { n: Number((ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)) });
/** Retry-After as milliseconds from now: delay-seconds, or an HTTP date (RFC 9110 §10.2.3); undefined when unreadable. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  // An HTTP date always names its weekday or month; a bare number or word is not one.
  if (!/[A-Za-z]{3}/.test(v)) return undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The policy's delay before call attempt+1, with jitter (half of it to all of it). */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 52);
  const full = Math.min(policy.max_delay_s, policy.base_delay_s * 2 ** exponent) * 1000;
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(full / 2 + (full / 2) * r);
}

interface Decision<E> {
  action: Action;
  policy: RetryPolicy | null;
  basis: NextStep['basis'];
  entry?: E;
  message?: Bilingual;
  why: Bilingual;
}

function samePolicy(a: RetryPolicy | null, b: RetryPolicy | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The outcomes explain() and decide() give: nextStep() takes nothing else. */
const OUTCOMES: ReadonlySet<ExplainOutcome> = new Set(['success', 'pending', 'failure', 'unknown']);
const kindOf = (x: unknown): string => (x === null ? 'null' : Array.isArray(x) ? 'an array' : typeof x === 'object' ? 'an object without one' : typeof x);

/** The action before attempts are counted: the entry's, the candidates', the status's or the outcome's. */
function decide<E extends DecisionEntry>(r: NextStepInput<E>): Decision<E> {
  const e = r.entry;
  if (e && typeof e.action === 'string') {
    return { action: e.action, policy: e.retry ?? null, basis: 'entry', entry: e, message: e.end_user_message, why: both('nextStep.reason.entry', { id: e.id, action: e.action }) };
  }
  const list = r.candidates ?? [];
  const first = list[0];
  // Candidates decide only when they are the known vendor's and agree on the action and the policy:
  // another vendor's entry for the same status says nothing about this vendor's response.
  if (first && r.vendor !== undefined && list.every((c) => c.vendor === r.vendor && c.action === first.action && samePolicy(c.retry, first.retry))) {
    const ids = list.map((c) => c.id).join(', ');
    return { action: first.action, policy: first.retry ?? null, basis: 'candidates', why: both('nextStep.reason.candidates', { ids, action: first.action }) };
  }
  if (r.outcome === 'success') return { action: 'none', policy: null, basis: 'outcome', why: both('nextStep.reason.success') };
  if (r.outcome === 'pending') return { action: 'poll', policy: FALLBACK_POLL, basis: 'outcome', why: both('nextStep.reason.pending') };
  const s = r.httpStatus;
  if (s !== undefined && TRANSIENT_STATUSES.has(s))
    return { action: 'retry', policy: FALLBACK_RETRY, basis: 'http-status', why: both('nextStep.reason.transient', { status: s }) };
  if (s !== undefined && s >= 400 && s < 500)
    return { action: 'fix-request', policy: null, basis: 'http-status', why: both('nextStep.reason.clientError', { status: s }) };
  if (s !== undefined && s >= 500)
    return { action: 'contact-vendor', policy: null, basis: 'http-status', why: both('nextStep.reason.serverError', { status: s }) };
  return { action: 'contact-vendor', policy: null, basis: 'unknown', why: both('nextStep.reason.unknown') };
}

/** What to do after the call numbered `attempt` ended as `result` says. */
export function nextStep<E extends DecisionEntry = ArtifactEntry>(result: NextStepInput<E>, options: NextStepOptions): NextStep<E> {
  // From plain JavaScript, an entry (lookup()'s) in the result's place has an outcome of its own and
  // would be read as an answer with no entry: "contact the vendor", whatever the entry says.
  const looksLikeEntry = !!result && typeof result === 'object' && 'action' in result && 'id' in result;
  if (looksLikeEntry || !result || typeof result !== 'object' || !OUTCOMES.has((result as { outcome?: unknown }).outcome as ExplainOutcome)) {
    throw new TypeError(
      `nextStep() takes what explain() or decide() returns (an object with an outcome: ${[...OUTCOMES].join(', ')}), not ${looksLikeEntry ? 'an entry: pass { outcome: \'failure\', entry }' : kindOf(result)}`,
    );
  }
  const attempt = Number.isFinite(options?.attempt) && options.attempt >= 1 ? Math.floor(options.attempt) : 1;
  const now = options?.now === undefined ? Date.now() : typeof options.now === 'number' ? options.now : options.now.getTime();
  const random = options?.random ?? Math.random;
  const d = decide(result);

  // Headers given here win over those given to explain(); a body field wins over any header.
  const fromHeader = result.requestIdFrom !== 'body' ? firstHeader(options?.headers, result.requestIdHeaders ?? [])?.value : undefined;
  const requestId = result.requestIdFrom === 'body' ? result.requestId : (fromHeader ?? result.requestId);
  const retryAfter = headerValue(options?.headers, 'retry-after') ?? result.retryAfter;

  const base = {
    ...(requestId !== undefined ? { requestId } : {}),
    ...(d.entry ? { entry: d.entry } : {}),
    basis: d.basis,
  };
  if (!SENDS_AGAIN.has(d.action)) {
    return { ...base, action: d.action, delayMs: 0, attemptsLeft: 0, userMessage: d.message ?? messageFor(d.action), delayFrom: 'none', policy: d.policy, reason: d.why };
  }
  // A new token or a new task first, then one call; the client counts how often it does the fix.
  if (!d.policy) {
    return { ...base, action: d.action, delayMs: 0, attemptsLeft: 1, userMessage: d.message ?? messageFor(d.action), delayFrom: 'none', policy: null, reason: d.why };
  }

  // A fix's policy counts the fixes (the first task or token included), a call's policy the calls.
  const isFix = d.action === 'recreate-task' || d.action === 'refresh-credentials';
  const fixes = Number.isFinite(options?.fixes) && options.fixes! >= 0 ? Math.floor(options.fixes!) : 0;
  const n = isFix ? fixes + 1 : attempt;
  const max = d.policy.max_attempts;
  const attemptsLeft = Math.max(0, max - n);
  if (attemptsLeft === 0) {
    const next = EXHAUSTED[d.action] ?? 'contact-vendor';
    return {
      ...base,
      action: next,
      delayMs: 0,
      attemptsLeft: 0,
      // The entry's words may promise a retry that is no longer coming.
      userMessage: messageFor(next),
      exhausted: d.action,
      delayFrom: 'none',
      policy: d.policy,
      reason: and(d.why, both('nextStep.reason.exhausted', { attempt: n, max, action: d.action, next })),
    };
  }

  const honoured = d.policy?.honour_retry_after ? retryAfterMs(retryAfter, now) : undefined;
  let delayMs = 0;
  let delayFrom: NextStep['delayFrom'] = 'none';
  let why = d.why;
  if (honoured !== undefined) {
    delayMs = honoured;
    delayFrom = 'retry-after';
    const delay = seconds(delayMs);
    why = { en: why.en + say('en', 'nextStep.reason.retryAfter', { value: JSON.stringify(retryAfter), delay: delay.en }), zh: why.zh + say('zh', 'nextStep.reason.retryAfter', { value: JSON.stringify(retryAfter), delay: delay.zh }) };
  } else {
    delayMs = backoffMs(d.policy, n, random);
    delayFrom = 'policy';
    const [delay, base, cap] = [seconds(delayMs), seconds(d.policy.base_delay_s * 1000), seconds(d.policy.max_delay_s * 1000)];
    const text = (lang: 'en' | 'zh') => say(lang, 'nextStep.reason.backoff', { attempt: n, max, delay: delay[lang], base: base[lang], cap: cap[lang] });
    why = { en: why.en + text('en'), zh: why.zh + text('zh') };
  }
  return { ...base, action: d.action, delayMs, attemptsLeft, userMessage: d.message ?? messageFor(d.action), delayFrom, policy: d.policy, reason: why };
}
