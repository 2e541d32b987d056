/** The public shape of explain(): its options, its result and its limits. */
import type { ArtifactEntry } from '../artifact-types.ts';
import type { HeadersInput } from '../headers.ts';
import type { ExplainReason } from './reasons.ts';

export type ExplainOutcome = 'success' | 'pending' | 'failure' | 'unknown';

export interface ExplainOptions {
  /** The HTTP status the response came with, if known. */
  httpStatus?: number | undefined;
  /** A vendor id (or unique prefix or name) when you know who sent the response. */
  vendor?: string | undefined;
  /**
   * The response headers, if known (fetch's Headers, Node's headers object, a Map or pairs): the
   * vendor's request-id headers and Retry-After are read from them (requestId, retryAfter).
   */
  headers?: HeadersInput | undefined;
}

export interface Bilingual {
  en: string;
  zh: string;
}

export interface ExplainResult {
  /** What the response means for the call: finished, still running, failed, or undecidable. */
  outcome: ExplainOutcome;
  /** The vendor that sent it, when it could be told. */
  vendor?: string;
  /** The entry that explains it. */
  entry?: ArtifactEntry;
  /** Other entries that may apply (when undecided: every plausible entry, at most maxCandidates). */
  candidates: ArtifactEntry[];
  /** Can the same request succeed later unchanged? Only when known. */
  retryable?: boolean;
  /** What to do, in English and Chinese. */
  advice: Bilingual;
  /** How the answer was reached, one sentence each, in English… */
  reasons: string[];
  /** …and the same sentences in Chinese. */
  reasonsZh: string[];
  /**
   * The same steps as translation keys (`explain.reason.*`) with their parameters, for rendering in
   * the reader's language: renderReason(lang, reason, lookup). Vendor parameters hold vendor ids.
   */
  reasonKeys: ExplainReason[];
  /** The code read from the body (always a string), if any. */
  code?: string;
  /** The message read from the body, if any. */
  message?: string;
  /** The HTTP status used: the option, or a status line pasted with the body. */
  httpStatus?: number;
  /**
   * The request's id to quote to the vendor's support: the first of the vendor's request-id body
   * fields present (envelope.request_id_fields, e.g. Baidu's log_id), else of its request-id headers
   * given in the `headers` option (envelope.request_id_headers, e.g. X-Request-Id).
   */
  requestId?: string;
  /** Where requestId was read: the body or a header. */
  requestIdFrom?: 'body' | 'header';
  /** The vendor's request-id headers (lower-case), where nextStep() looks in headers given to it. */
  requestIdHeaders?: string[];
  /** The Retry-After header given in the `headers` option, as received (nextStep() reads it). */
  retryAfter?: string;
  /**
   * When the text holds several responses that each come to an entry (a log excerpt, two bodies
   * pasted together): the others, explained the same way, in the order they stand. This result is
   * the first. For whole logs, use triage.
   */
  others?: ExplainResult[];
}

export const EXPLAIN_LIMITS = {
  /** Longer bodies are not parsed at all. */
  maxBodyChars: 16 * 1024 * 1024,
  /** Longer bodies get strict JSON.parse only (no comment stripping, no search for the JSON part). */
  maxLenientChars: 256 * 1024,
  maxCandidates: 20,
} as const;
