/**
 * VisionApiError: a vendor's failed response as an Error an app can throw, catch and log, carrying
 * what explain() and nextStep() found. `isVisionApiError(x)` narrows, also across two copies of the
 * package (a symbol brand, not only instanceof).
 *
 *   const r = explain(text, { httpStatus: res.status, headers: res.headers }, kb);
 *   if (r.outcome === 'failure') throw VisionApiError.from(r, { body: text });
 */
import type { ArtifactEntry } from './artifact-types.ts';
import type { Bilingual, ExplainOutcome } from './explain/types.ts';
import type { HeadersInput } from './headers.ts';
import { nextStep, type DecisionEntry, type NextStep, type NextStepInput } from './next-step.ts';
import type { Action } from './typed.ts';

const BRAND = Symbol.for('vision-error-codes.VisionApiError');

export interface VisionApiErrorOptions<E extends DecisionEntry = ArtifactEntry> {
  /** The response body as received (kept as given, for logs). */
  body?: unknown;
  /** What caused it, as the platform's Error options (`error.cause`). */
  cause?: unknown;
  /** The next step already worked out; else nextStep(result, { attempt, headers }). */
  step?: NextStep<E>;
  /** Which call failed (default 1), when `step` is not given. */
  attempt?: number;
  /** The response headers, when `step` is not given. */
  headers?: HeadersInput;
}

/** Where the result carries a message and a code (ExplainResult does; a decision-table read has the code). */
type ErrorSource<E extends DecisionEntry> = NextStepInput<E> & { code?: string; message?: string };

export class VisionApiError<E extends DecisionEntry = ArtifactEntry> extends Error {
  override readonly name = 'VisionApiError';
  /** The vendor that sent the response, when known. */
  readonly vendor: string | undefined;
  /** The code read from the body (a string), when any. */
  readonly code: string | undefined;
  readonly httpStatus: number | undefined;
  /** What the response means for the call: 'failure', 'unknown', … */
  readonly outcome: ExplainOutcome;
  /** The next step's action (step.action). */
  readonly action: Action;
  /** The entry that explains it, when one matched. */
  readonly entry: E | undefined;
  /** The request's id to quote to the vendor's support, when the response carries one. */
  readonly requestId: string | undefined;
  /** The original body, as given to from(). */
  readonly body: unknown;
  /** The whole next step: delay, attempts left, end-user message, reason. */
  readonly step: NextStep<E>;

  constructor(message: string, fields: { result: ErrorSource<E>; step: NextStep<E>; body?: unknown }, options?: { cause?: unknown }) {
    super(message, options && 'cause' in options ? { cause: options.cause } : undefined);
    // `new VisionApiError(result)`, natural for an Error class, otherwise failed on a destructuring.
    if (typeof message !== 'string' || !fields?.result || !fields.step)
      throw new TypeError('new VisionApiError(message, { result, step }) takes a message and what explain() and nextStep() found; to make one from explain()\'s result, call VisionApiError.from(result, { body, attempt, headers })');
    const { result, step } = fields;
    this.vendor = result.vendor;
    this.code = result.code ?? step.entry?.code;
    this.httpStatus = result.httpStatus;
    this.outcome = result.outcome;
    this.action = step.action;
    this.entry = step.entry;
    this.requestId = step.requestId;
    this.body = fields.body;
    this.step = step;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** The end user's message (the next step's), in English and Chinese. */
  get userMessage(): Bilingual {
    return this.step.userMessage;
  }

  /** An error from an explain() result (or a decide() result), with its next step. */
  static from<E extends DecisionEntry = ArtifactEntry>(result: ErrorSource<E>, options: VisionApiErrorOptions<E> = {}): VisionApiError<E> {
    const step = options.step ?? nextStep(result, { attempt: options.attempt ?? 1, ...(options.headers !== undefined ? { headers: options.headers } : {}) });
    const who = result.vendor ?? 'unknown vendor';
    const what = result.code !== undefined ? result.code : step.entry ? step.entry.code : result.httpStatus !== undefined ? `HTTP ${result.httpStatus}` : 'no code';
    const text = result.message ?? (step.entry && 'meaning' in step.entry ? (step.entry as { meaning: { en: string } }).meaning.en : undefined);
    const message = `${who} ${what}${text ? `: ${text}` : ''} (next step: ${step.action}${step.requestId ? `; request id ${step.requestId}` : ''})`;
    return new VisionApiError<E>(message, { result, step, body: options.body }, 'cause' in options ? { cause: options.cause } : undefined);
  }
}

/** True for a VisionApiError, also one made by another copy of this package. */
export function isVisionApiError<E extends DecisionEntry = ArtifactEntry>(x: unknown): x is VisionApiError<E> {
  return x instanceof VisionApiError || (typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[BRAND] === true);
}
