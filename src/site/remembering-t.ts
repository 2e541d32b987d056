/**
 * A translation function that remembers its answers (used by src/middleware.ts in a build). Every page
 * asks for the same few dozen UI strings, and i18next resolves each call afresh (key lookup,
 * fallbacks, interpolation): 9% of a 20,000-page build went there (BENCHMARKS.md, "What the scale
 * figures rest on"). Calls with parameters repeat too (durations, vendor names, page numbers): those
 * whose parameters are all strings and numbers are remembered up to PARAMETERISED_LIMIT strings per
 * language, so what is kept does not grow with the pages; past that, and for any other parameter,
 * the function is asked. Interpolated values are never HTML-escaped here: Astro escapes the whole
 * string when it renders it, and escaping twice showed "vendor&#39;s" to readers.
 */
type Plain = (key: string, options?: object) => string;

/** Strings kept per language: a 50,000-entry build asks for about 3,000 distinct calls. */
export const PARAMETERISED_LIMIT = 20_000;

const ESCAPED_ONCE = { interpolation: { escapeValue: false } };

/** The key of a call whose parameters are plain strings and numbers; undefined for any other. */
function callKey(key: string, options: object): string | undefined {
  for (const value of Object.values(options)) if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  return `${key}\u0000${JSON.stringify(options)}`;
}

/** `known`: the language's remembered strings, shared by its pages. `remember` false: nothing is kept. */
export function rememberingT<T extends Plain>(t: T, known: Map<string, string>, remember: boolean): (key: string, options?: object) => string {
  return (key, options) => {
    const call = !remember ? undefined : options === undefined ? key : callKey(key, options);
    if (call === undefined) return options === undefined ? t(key) : t(key, { ...ESCAPED_ONCE, ...options });
    let text = known.get(call);
    if (text === undefined) {
      text = options === undefined ? t(key) : t(key, { ...ESCAPED_ONCE, ...options });
      if (options === undefined || known.size < PARAMETERISED_LIMIT) known.set(call, text);
    }
    return text;
  };
}
