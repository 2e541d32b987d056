/**
 * Response headers as callers have them: fetch's `Headers`, Node's `IncomingHttpHeaders` (a plain
 * object, values possibly arrays), a `Map`, or `[name, value]` pairs. Only read, names compared
 * case-insensitively; never throws (a hostile object reads as no header).
 */

export type HeadersInput =
  | { get(name: string): string | null | undefined }
  | Readonly<Record<string, string | readonly string[] | number | undefined>>
  | Iterable<readonly [string, string]>;

/** A longer header value is not an id or a date: ignored. */
const MAX_VALUE = 1000;

function clean(v: unknown): string | undefined {
  const first = Array.isArray(v) ? v[0] : v;
  const s = typeof first === 'number' ? String(first) : first;
  if (typeof s !== 'string') return undefined;
  const t = s.trim();
  return t !== '' && t.length <= MAX_VALUE ? t : undefined;
}

/** The value of header `name` (any case), or undefined. */
export function headerValue(headers: HeadersInput | undefined, name: string): string | undefined {
  if (headers === undefined || headers === null || typeof headers !== 'object') return undefined;
  const wanted = name.toLowerCase();
  try {
    if (headers instanceof Map) {
      for (const [k, v] of headers) if (typeof k === 'string' && k.toLowerCase() === wanted) return clean(v);
      return undefined;
    }
    // fetch's Headers (case-insensitive get) and look-alikes.
    if (typeof (headers as { get?: unknown }).get === 'function') return clean((headers as { get(n: string): unknown }).get(name));
    if (Array.isArray(headers) || typeof (headers as Iterable<unknown>)[Symbol.iterator] === 'function') {
      let n = 0;
      for (const pair of headers as Iterable<unknown>) {
        if (++n > 1000) break;
        if (Array.isArray(pair) && typeof pair[0] === 'string' && pair[0].toLowerCase() === wanted) return clean(pair[1]);
      }
      return undefined;
    }
    for (const key of Object.keys(headers)) if (key.toLowerCase() === wanted) return clean((headers as Record<string, unknown>)[key]);
  } catch {
    // a getter or proxy that throws: no header
  }
  return undefined;
}

/** The first of `names` present in `headers`, with the name as given. */
export function firstHeader(headers: HeadersInput | undefined, names: readonly string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = headerValue(headers, name);
    if (value !== undefined) return { name, value };
  }
  return undefined;
}
