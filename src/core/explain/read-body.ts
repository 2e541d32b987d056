/**
 * Reading the pasted text: strict JSON, else the JSON object inside it (after a status line,
 * without comments and trailing commas: vendor documents show bodies like that). Capped by
 * EXPLAIN_LIMITS: too large is said, never parsed.
 */
import { EXPLAIN_LIMITS } from './types.ts';
import { statusOf } from './values.ts';

export type Parsed =
  | { kind: 'json'; value: unknown; status?: number; lenient?: boolean }
  | { kind: 'text'; text: string; status?: number }
  | { kind: 'empty' }
  | { kind: 'too-large'; length: number }
  | { kind: 'invalid'; what: string };

/** `HTTP/1.1 400 Bad Request`, `STATUS CODE 400`, `status: 429` before the JSON. */
export const STATUS_LINE = /(?:^|\n)[ \t]*(?:HTTP\/\d(?:\.\d)?[ \t]+|STATUS(?:[ _]?CODE)?[ \t]*[:=]?[ \t]*)([1-5]\d\d)\b/i;

/**
 * Comments (`//`, `/* *\/`) outside strings removed, and trailing commas before `}`/`]`: vendor
 * documents show bodies like that. Linear, no recursion.
 */
function relaxJson(text: string): string {
  let out = '';
  let i = 0;
  let inString = false;
  while (i < text.length) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\' && i + 1 < text.length) {
        out += text[i + 1];
        i += 2;
        continue;
      }
      if (c === '"') inString = false;
      i++;
    } else if (c === '"') {
      inString = true;
      out += c;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else if (c === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (text[j] !== '}' && text[j] !== ']') out += c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export function parseText(raw: string): Parsed {
  if (raw.length > EXPLAIN_LIMITS.maxBodyChars) return { kind: 'too-large', length: raw.length };
  const text = raw.replace(/^\uFEFF/, '').trim();
  if (!text) return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(text) };
  } catch {
    // not strict JSON: try the lenient reading below
  }
  if (text.length > EXPLAIN_LIMITS.maxLenientChars) return { kind: 'invalid', what: 'json' };
  const open = text.search(/[{[]/);
  const status = statusOf(STATUS_LINE.exec(open >= 0 ? text.slice(0, open) : text)?.[1]);
  if (open >= 0) {
    const close = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
    if (close > open) {
      const json = text.slice(open, close + 1);
      for (const attempt of [json, relaxJson(json)]) {
        try {
          return { kind: 'json', value: JSON.parse(attempt), status, lenient: true };
        } catch {
          // next attempt
        }
      }
    }
  }
  return { kind: 'text', text, status };
}

export function toParsed(body: unknown): Parsed {
  if (body === undefined || body === null) return { kind: 'empty' };
  if (typeof body === 'string') return parseText(body);
  if (typeof body === 'number') return Number.isFinite(body) ? { kind: 'text', text: String(body) } : { kind: 'invalid', what: 'number' };
  if (body instanceof Uint8Array) {
    if (body.length > EXPLAIN_LIMITS.maxBodyChars * 4) return { kind: 'too-large', length: body.length };
    if (typeof TextDecoder !== 'function') return { kind: 'invalid', what: 'bytes' };
    return parseText(new TextDecoder('utf-8', { fatal: false }).decode(body));
  }
  if (typeof body === 'object') return { kind: 'json', value: body };
  return { kind: 'invalid', what: typeof body };
}

/** `failed with status code 429: {`, `Status Code 429, {`: a status named right before a body, on its line. */
const STATUS_BEFORE = /status[ _]?code[ \t]*[:=]?[ \t]*([1-5]\d\d)\b[^\n{]{0,20}$/i;

/** The HTTP status a text names before a body: a status line, or `status code NNN` just before it. */
export function statusBefore(text: string): number | undefined {
  return statusOf(STATUS_LINE.exec(text)?.[1] ?? STATUS_BEFORE.exec(text)?.[1]);
}
