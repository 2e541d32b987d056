/**
 * What identifies the request and when to send again, from the vendor's envelope (request_id_fields,
 * request_id_headers) and the headers given to explain(): the request id a support engineer quotes to
 * the vendor, and the Retry-After header for nextStep().
 */
import { firstHeader, headerValue, type HeadersInput } from '../headers.ts';
import type { ExplainResult } from './types.ts';
import { at, isRecord, type Rec } from './values.ts';

/** A longer value is not an id. */
const MAX_ID = 200;

const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((f): f is string => typeof f === 'string' && f !== '') : []);

function idOf(v: unknown): string | undefined {
  const s = typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'string' ? v.trim() : undefined;
  return s && s.length <= MAX_ID ? s : undefined;
}

export type RequestFacts = Pick<ExplainResult, 'requestId' | 'requestIdFrom' | 'requestIdHeaders' | 'retryAfter'>;

/** From the vendor's envelope (an artifact vendor's, or a decision table's), the body read as an object, and the headers. */
export function requestFacts(vendorEnvelope: unknown, body: Rec | undefined, headers: HeadersInput | undefined): RequestFacts {
  const envelope: Rec = isRecord(vendorEnvelope) ? vendorEnvelope : {};
  const facts: RequestFacts = {};
  for (const field of strings(envelope.request_id_fields)) {
    const id = body ? idOf(at(body, field)) : undefined;
    if (id !== undefined) {
      facts.requestId = id;
      facts.requestIdFrom = 'body';
      break;
    }
  }
  const names = strings(envelope.request_id_headers).map((n) => n.toLowerCase());
  if (facts.requestId === undefined) {
    const found = firstHeader(headers, names);
    const id = found && idOf(found.value);
    if (id !== undefined) {
      facts.requestId = id;
      facts.requestIdFrom = 'header';
    }
  }
  if (names.length > 0) facts.requestIdHeaders = names;
  const retryAfter = headerValue(headers, 'retry-after');
  if (retryAfter !== undefined) facts.retryAfter = retryAfter;
  return facts;
}
