/**
 * A tolerant reader of object literals as people paste them: JSON, but also Python and JS reprs
 * (`{'error_code': 18, 'result': None}`, `{u'key': u'value'}`, `{error: 'x',}`), Ruby's `=>`, Python
 * tuples as arrays, `//` and `/* *\/` comments and trailing commas. It reads one value starting at a
 * position and says where it ended, or fails (undefined); it never throws and never evaluates anything.
 *
 * Bounded: nesting deeper than LOOSE_LIMITS.depth, more than LOOSE_LIMITS.nodes values or a value
 * longer than LOOSE_LIMITS.chars fails the read. Keys are defined as own properties (`__proto__` is
 * a key like any other, as with JSON.parse).
 */

export const LOOSE_LIMITS = { depth: 32, nodes: 20_000, chars: 256 * 1024 } as const;

const LITERALS: Record<string, unknown> = { true: true, false: false, null: null, True: true, False: false, None: null, undefined: null, NaN: null };
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

class Fail extends Error {}

/** Reads one value (object, array, tuple, string, number or literal) at `start`; undefined if it is not one. */
export function parseLoose(text: string, start: number): { value: unknown; end: number } | undefined {
  const limit = Math.min(text.length, start + LOOSE_LIMITS.chars);
  let i = start;
  let nodes = 0;

  const fail = (): never => {
    throw new Fail();
  };
  const skip = () => {
    for (;;) {
      while (i < limit && /\s/.test(text[i]!)) i++;
      if (text[i] === '/' && text[i + 1] === '/') {
        while (i < limit && text[i] !== '\n') i++;
      } else if (text[i] === '/' && text[i + 1] === '*') {
        const end = text.indexOf('*/', i + 2);
        if (end < 0 || end >= limit) fail();
        i = end + 2;
      } else return;
    }
  };

  function str(): string {
    // Python's u'…', b'…', r'…' prefixes: the prefix is not part of the text.
    if (/[ubrUBR]/.test(text[i]!) && (text[i + 1] === "'" || text[i + 1] === '"')) i++;
    const quote = text[i]!;
    i++;
    let out = '';
    while (i < limit) {
      const c = text[i]!;
      if (c === quote) {
        i++;
        return out;
      }
      if (c === '\n') fail(); // a string never spans lines in a repr: this was not one
      if (c === '\\') {
        const e = text[i + 1];
        if (e === undefined) fail();
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 2, i + 4))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 4), 16));
          i += 4;
        } else {
          out += ESCAPES[e!] ?? e;
          i += 2;
        }
        continue;
      }
      out += c;
      i++;
    }
    return fail();
  }

  function value(depth: number): unknown {
    if (depth > LOOSE_LIMITS.depth || ++nodes > LOOSE_LIMITS.nodes) fail();
    skip();
    const c = text[i];
    if (c === undefined || i >= limit) fail();
    if (c === '{') return object(depth);
    if (c === '[' || c === '(') return array(depth, c === '[' ? ']' : ')');
    if (c === '"' || c === "'" || (/[ubrUBR]/.test(c!) && (text[i + 1] === "'" || text[i + 1] === '"'))) return str();
    const num = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 40));
    if (num) {
      i += num[0].length;
      const n = Number(num[0]);
      // Digits beyond a double's precision (a log_id of 19 digits) stay as written.
      return Number.isSafeInteger(n) || !/^-?\d+$/.test(num[0]) ? n : num[0];
    }
    const word = /^[A-Za-z_]\w*/.exec(text.slice(i, i + 20));
    if (word && Object.hasOwn(LITERALS, word[0])) {
      i += word[0].length;
      return LITERALS[word[0]];
    }
    return fail();
  }

  function key(): string {
    skip();
    const c = text[i];
    if (c === '"' || c === "'" || (/[ubrUBR]/.test(c ?? '') && (text[i + 1] === "'" || text[i + 1] === '"'))) return str();
    const word = /^[A-Za-z_$][\w$.-]{0,99}|^-?\d{1,20}/.exec(text.slice(i, i + 100));
    if (!word) fail();
    i += word![0].length;
    return word![0];
  }

  function object(depth: number): Record<string, unknown> {
    i++; // {
    const o: Record<string, unknown> = {};
    for (;;) {
      skip();
      if (text[i] === '}') {
        i++;
        return o;
      }
      const k = key();
      skip();
      if (text[i] === ':' || text[i] === '=') i += text[i + 1] === '>' ? 2 : 1;
      else fail();
      const v = value(depth + 1);
      Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
      skip();
      if (text[i] === ',') i++;
      else if (text[i] !== '}') fail();
    }
  }

  function array(depth: number, close: string): unknown[] {
    i++; // [ or (
    const list: unknown[] = [];
    for (;;) {
      skip();
      if (text[i] === close) {
        i++;
        return list;
      }
      list.push(value(depth + 1));
      skip();
      if (text[i] === ',') i++;
      else if (text[i] !== close) fail();
    }
  }

  try {
    const v = value(0);
    return { value: v, end: i };
  } catch (error) {
    if (error instanceof Fail || error instanceof RangeError) return undefined;
    throw error;
  }
}
